import { runCli } from "./lib/cli";
import { resolveDatabase } from "./lib/dev-database";
import { applyMigrations } from "./lib/migrations";

// `prisma migrate deploy`, offline: DATABASE_URL when set, else the embedded dev database.
runCli(async () => {
  const database = await resolveDatabase();
  try {
    const applied = await applyMigrations(database.sessionUrl);
    if (applied.length === 0) {
      console.log(`No pending migrations: ${database.description} is up to date.`);
    } else {
      console.log(`Applied ${applied.length} migration(s) to ${database.description}:`);
      for (const name of applied) console.log(`  ${name}`);
    }
  } finally {
    await database.stop();
  }
});
