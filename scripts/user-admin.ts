import { randomBytes } from "node:crypto";
import { z } from "zod";
import { runCli } from "./lib/cli";
import { resolveDatabase } from "./lib/dev-database";
import { applyMigrations } from "./lib/migrations";
import { email, personName } from "@/lib/schemas/common";
import { hashPassword } from "@/server/auth/password";
import { recordAudit } from "@/server/audit";
import { createDb } from "@/server/db";

const USAGE = `Usage: npm run user:admin -- <email> "<Full Name>"
  Creates an administrator account (or makes an existing account one) and prints a one-time
  password to change at first sign-in (Account → Change password).`;

runCli(async () => {
  const parsed = z.tuple([email, personName]).safeParse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join("\n")}\n\n${USAGE}`);
    return 2;
  }
  const [address, name] = parsed.data;
  const database = await resolveDatabase();
  const db = createDb(database.url);
  try {
    await applyMigrations(database.url);
    const password = randomBytes(15).toString("base64url");
    const passwordHash = await hashPassword(password);
    const user = await db.$transaction(async (tx) => {
      const saved = await tx.user.upsert({
        where: { email: address },
        create: { email: address, name, passwordHash, isAdmin: true },
        update: { isAdmin: true, passwordHash, deactivatedAt: null, sessionsValidFrom: new Date(), version: { increment: 1 } },
        select: { id: true },
      });
      await recordAudit(tx, { actorId: null, action: "user.admin_bootstrapped", subject: { kind: "user", id: saved.id } });
      return saved;
    });
    console.log(`Administrator ${address} (${user.id}) is ready on ${database.description}.`);
    console.log(`One-time password: ${password}`);
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
});
