import { runCli } from "./lib/cli";
import { truncateAppTables } from "./lib/database";
import { resolveDatabase, seedIfEmpty } from "./lib/dev-database";
import { applyMigrations } from "./lib/migrations";
import { localSecret } from "./lib/launcher";

const USAGE = `Usage: npm run db:seed [-- --reset]
  Seeds the demo data (prisma/seed.ts) into a database that has no users yet.
  --reset first empties every table (local databases only).`;

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== "--reset")) {
    console.error(USAGE);
    return 2;
  }
  const database = await resolveDatabase();
  try {
    await applyMigrations(database.sessionUrl);
    if (args.includes("--reset")) {
      await truncateAppTables(database.url);
      console.log(`Emptied every table of ${database.description}.`);
    }
    // The demo's TOTP secret is encrypted under the key `npm run dev` runs the embedded demo with.
    if (database.embedded) process.env.NEXTAUTH_SECRET ||= await localSecret();
    const { outcome, accounts } = await seedIfEmpty(database.url);
    if (outcome === "no-seed-module") {
      console.error("prisma/seed.ts does not exist yet: nothing to seed.");
      return 1;
    }
    if (outcome === "already-has-users") {
      console.log(`${database.description} already has users: not seeding (use --reset to start over).`);
      return 0;
    }
    console.log(`Seeded the demo data into ${database.description}.`);
    for (const a of accounts) console.log(`  ${a.email}  ${a.password}  (${a.role})`);
    return 0;
  } finally {
    await database.stop();
  }
});
