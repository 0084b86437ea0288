import path from "node:path";
import { runCli } from "./lib/cli";
import { createMigration } from "./lib/migrations";

const USAGE = `Usage: npm run db:migration -- <name> [--empty]
  Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
  migrations and prisma/schema.prisma. --empty writes an empty one for hand-written SQL.`;

// `prisma migrate dev --create-only`, offline: needs no database, the shadow one is in memory.
runCli(async () => {
  const args = process.argv.slice(2);
  const empty = args.includes("--empty");
  const names = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--empty");
  const name = names[0];
  if (name === undefined || names.length > 1 || unknown.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const created = await createMigration(name, { empty });
  if (!created) {
    console.log("no changes: prisma/schema.prisma and prisma/migrations already agree (pass --empty for a hand-written migration)");
    return 0;
  }
  console.log(`Created ${path.relative(process.cwd(), created.path)}`);
  if (empty) console.log("Write its SQL by hand, then check it applies: npm run db:migrate");
  return 0;
});
