import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase, backupEmbedded } from "./lib/backup";
import { runCli } from "./lib/cli";
import { DEV_DATA_DIR, resolveDatabase } from "./lib/dev-database";

const USAGE = `Usage: npm run db:backup [-- <file>]
  Backs up DATABASE_URL with pg_dump's custom format into <file>, by default
  backups/trilogue-<date>.dump, and checks that the archive reads back. Without DATABASE_URL,
  backs up the embedded database's files (stop the app first) into backups/trilogue-<date>.tar.gz.`;

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
    console.error(USAGE);
    return 2;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(args[0] ?? path.join("backups", `trilogue-${stamp}.dump`));
  await mkdir(path.dirname(file), { recursive: true });
  if (!process.env.DATABASE_URL) {
    // The embedded database: its files, while it is stopped (scripts/lib/backup.ts says why).
    const summary = await backupEmbedded(DEV_DATA_DIR, file.replace(/\.dump$/, ".tar.gz"));
    console.log(`Backed up the embedded database (${DEV_DATA_DIR}) to ${summary.file} (${Math.ceil(summary.bytes / 1024)} KB).`);
    console.log(`Restore it with: npm run db:restore -- ${path.relative(process.cwd(), summary.file)} --replace`);
    return 0;
  }
  const database = await resolveDatabase();
  try {
    const summary = await backupDatabase(database.url, file);
    console.log(`Backed up ${database.description} to ${summary.file} (${Math.ceil(summary.bytes / 1024)} KB, ${summary.tables} tables).`);
    console.log(`Restore it with: npm run db:restore -- ${path.relative(process.cwd(), summary.file)} --create trilogue_restored`);
    return 0;
  } finally {
    await database.stop();
  }
});
