import { restoreDatabase, type RestoreTarget } from "./lib/backup";
import { runCli } from "./lib/cli";
import { redactUrl } from "./lib/database";
import { resolveDatabase } from "./lib/dev-database";

const USAGE = `Usage: npm run db:restore -- <file> [--create <name> | --replace]
  Restores a backup made by db:backup into DATABASE_URL (or the embedded database):
    (no option)      only if that database is empty
    --create <name>  into a new database <name> on the same server (the safe way to verify a backup)
    --replace        over the current database, in one transaction (stop the app first)`;

runCli(async () => {
  const [file, option, name, ...rest] = process.argv.slice(2);
  let target: RestoreTarget = { kind: "empty" };
  if (!file || file.startsWith("-") || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (option === "--create" && name) target = { kind: "create", name };
  else if (option === "--replace" && !name) target = { kind: "replace" };
  else if (option !== undefined) {
    console.error(USAGE);
    return 2;
  }
  const database = await resolveDatabase();
  try {
    const into = await restoreDatabase(database.url, file, target);
    console.log(`Restored ${file} into ${redactUrl(into)}.`);
    return 0;
  } finally {
    await database.stop();
  }
});
