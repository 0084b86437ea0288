import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase } from "./lib/backup";
import { runCli } from "./lib/cli";
import { resolveDatabase } from "./lib/dev-database";

const USAGE = `Usage: npm run db:backup [-- <file>]
  Backs up DATABASE_URL (or the embedded database) with pg_dump's custom format into <file>,
  by default backups/trilogue-<date>.dump, and checks that the archive reads back.`;

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
    console.error(USAGE);
    return 2;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(args[0] ?? path.join("backups", `trilogue-${stamp}.dump`));
  await mkdir(path.dirname(file), { recursive: true });
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
