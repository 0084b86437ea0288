import { restoreDatabase, restoreEmbedded, type RestoreTarget } from "./lib/backup";
import { runCli } from "./lib/cli";
import { databaseNameOf, redactUrl } from "./lib/database";
import { DEV_DATA_DIR, resolveDatabase } from "./lib/dev-database";

const USAGE = `Usage: npm run db:restore -- <file> [--create <name> | --replace [<database name>]]
  Restores a backup made by db:backup into DATABASE_URL (the embedded database: stop the app,
  then --replace; the current files are kept beside them):
    (no option)      only if that database is empty
    --create <name>  into a new database <name> on the same server (the safe way to verify a backup)
    --replace <name> over the current database, in one transaction (stop the app first); <name>
                     must be that database's name, as the confirmation that it is to be replaced
    --replace        for the embedded database, whose replaced files are kept beside it`;

runCli(async () => {
  const [file, option, name, ...rest] = process.argv.slice(2);
  let target: RestoreTarget = { kind: "empty" };
  if (!file || file.startsWith("-") || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (option === "--create" && name) target = { kind: "create", name };
  else if (option === "--replace") target = { kind: "replace" };
  else if (option !== undefined) {
    console.error(USAGE);
    return 2;
  }
  if (!process.env.DATABASE_URL) {
    if (target.kind === "create") {
      console.error("The embedded database is restored in place: use --replace (the current one is kept beside it).");
      return 2;
    }
    const kept = await restoreEmbedded(file, DEV_DATA_DIR, target.kind === "replace");
    console.log(`Restored ${file} into the embedded database (${DEV_DATA_DIR}).`);
    if (kept) console.log(`The database it replaced is kept in ${kept}; delete it once satisfied.`);
    return 0;
  }
  const database = await resolveDatabase();
  try {
    // Replacing a server's database cannot be undone: the caller names it to confirm.
    if (target.kind === "replace" && name !== databaseNameOf(database.url)) {
      console.error(`--replace drops and recreates everything in ${databaseNameOf(database.url)}: repeat its name to confirm (--replace ${databaseNameOf(database.url)}).`);
      return 2;
    }
    const into = await restoreDatabase(database.url, file, target);
    console.log(`Restored ${file} into ${redactUrl(into)}.`);
    return 0;
  } finally {
    await database.stop();
  }
});
