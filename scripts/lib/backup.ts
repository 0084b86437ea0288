import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { databaseNameOf, dropDatabase, ensureDatabase, redactUrl, withClient, withDatabaseName } from "./database";
import { postgresOwner, runningPostmaster } from "./embedded-postgres";

/**
 * Backups with PostgreSQL's own pg_dump and pg_restore (custom format: compressed, restorable
 * table by table, checked with `pg_restore --list`). The client must be at least as new as the
 * server (pg_dump refuses older servers' newer majors); where to find one is said plainly.
 */

const run = promisify(execFile);

export class BackupError extends Error {}

/** PG_BIN_DIR if set (e.g. /usr/lib/postgresql/17/bin), else the PATH. */
function tool(name: "pg_dump" | "pg_restore", env: NodeJS.ProcessEnv): string {
  const dir = env.PG_BIN_DIR;
  if (dir) {
    const full = path.join(dir, name);
    if (!existsSync(full)) throw new BackupError(`${full} does not exist: PG_BIN_DIR must be the folder holding pg_dump and pg_restore.`);
    return full;
  }
  return name;
}

async function clientMajor(binary: string): Promise<number> {
  try {
    const { stdout } = await run(binary, ["--version"]);
    const match = /(\d+)(?:\.\d+)?/.exec(stdout);
    if (!match) throw new Error(stdout);
    return Number(match[1]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new BackupError(
        `${path.basename(binary)} was not found. Install PostgreSQL's client tools of the server's major version or newer ` +
          "(Debian: apt-get install postgresql-client; the Docker image has them), or set PG_BIN_DIR to their folder.",
      );
    }
    throw error;
  }
}

async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.v) / 10_000);
  });
}

/** Fails, naming both versions, when the client tools are older than the server. */
async function compatibleTool(name: "pg_dump" | "pg_restore", url: string, env: NodeJS.ProcessEnv): Promise<string> {
  const binary = tool(name, env);
  const [client, server] = await Promise.all([clientMajor(binary), serverMajor(url)]);
  if (client < server) {
    throw new BackupError(
      `${name} ${client} cannot back up or restore PostgreSQL ${server}: install the client tools of version ${server} or newer ` +
        `and point PG_BIN_DIR at them (e.g. PG_BIN_DIR=/usr/lib/postgresql/${server}/bin).`,
    );
  }
  return binary;
}

export type BackupSummary = { file: string; bytes: number; tables: number };

/** Dumps the database at `url` into `file` and checks the archive reads back. */
export async function backupDatabase(url: string, file: string, env: NodeJS.ProcessEnv = process.env): Promise<BackupSummary> {
  const pgDump = await compatibleTool("pg_dump", url, env);
  const pgRestore = await compatibleTool("pg_restore", url, env);
  try {
    await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new BackupError(`pg_dump failed on ${redactUrl(url)}: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
  const { stdout } = await run(pgRestore, ["--list", file], { maxBuffer: 64 * 1024 * 1024 });
  const tables = stdout.split("\n").filter((line) => / TABLE DATA /.test(line)).length;
  if (tables === 0) throw new BackupError(`${file} holds no table data: the backup is not usable.`);
  return { file, bytes: (await stat(file)).size, tables };
}

async function appTableCount(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    return Number(rows[0]!.n);
  });
}

export type RestoreTarget = { kind: "empty" } | { kind: "create"; name: string } | { kind: "replace" };

/**
 * Restores `file` into the database at `url`: into it if it is empty, into a new database beside
 * it (`create`), or over it (`replace`: drops and recreates every object, in one transaction).
 * Returns the URL restored into.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  target: RestoreTarget = { kind: "empty" },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const pgRestore = await compatibleTool("pg_restore", url, env);
  let into = url;
  if (target.kind === "create") {
    into = withDatabaseName(url, target.name);
    if (!(await ensureDatabase(url, target.name))) {
      throw new BackupError(`A database named ${target.name} already exists: choose a new name, or restore with --replace.`);
    }
  } else if (target.kind === "empty" && (await appTableCount(url)) > 0) {
    throw new BackupError(
      `${databaseNameOf(url)} is not empty. Restore into a new database with --create <name>, or over this one with --replace.`,
    );
  }
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${into}`];
  if (target.kind === "replace") args.push("--clean", "--if-exists");
  try {
    await run(pgRestore, [...args, file], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if (target.kind === "create") await dropDatabase(url, target.name).catch(() => undefined);
    throw new BackupError(`pg_restore failed into ${redactUrl(into)}: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
  return into;
}

/*
 * The embedded database (PostgreSQL 17 from npm) ships no pg_dump, and the client tools this
 * platform's Debian offers (15) refuse a newer server. Its backup is therefore PostgreSQL's
 * file-system level backup (documented as consistent while the server is shut down): the data
 * directory as a compressed tar, taken and restored only while nothing runs on it.
 */

async function assertStopped(dataDir: string, action: string): Promise<void> {
  const pid = await runningPostmaster(dataDir);
  if (pid) {
    throw new BackupError(
      `The embedded database is running (pid ${pid}): stop the app (Ctrl-C in \`npm run dev\`/\`npm start\`) to ${action}; ` +
        "its files are copied while PostgreSQL is shut down.",
    );
  }
}

/** Archives a stopped embedded cluster's data directory into `file` (tar, gzip) and lists it back. */
export async function backupEmbedded(dataDir: string, file: string): Promise<BackupSummary> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new BackupError(`${dataDir} holds no database yet: nothing to back up.`);
  await assertStopped(dataDir, "back it up");
  await run("tar", ["--create", "--gzip", `--file=${file}`, "--exclude=postmaster.pid", `--directory=${dataDir}`, "."]);
  const { stdout } = await run("tar", ["--list", "--gzip", `--file=${file}`], { maxBuffer: 64 * 1024 * 1024 });
  if (!stdout.split("\n").some((line) => line.replace(/^\.\//, "") === "PG_VERSION")) {
    throw new BackupError(`${file} does not hold a PostgreSQL data directory: the backup is not usable.`);
  }
  const tables = stdout.split("\n").filter((line) => /\/base\/\d+\/\d+$/.test(line)).length;
  return { file, bytes: (await stat(file)).size, tables };
}

/**
 * Restores an archive made by backupEmbedded into the (stopped) embedded data directory. An
 * existing cluster is kept beside it as `<dataDir>.before-restore-<time>` and only with `replace`.
 */
export async function restoreEmbedded(file: string, dataDir: string, replace: boolean): Promise<string | null> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  await assertStopped(dataDir, "restore into it");
  const { stdout } = await run("tar", ["--list", "--gzip", `--file=${file}`], { maxBuffer: 64 * 1024 * 1024 });
  if (!stdout.split("\n").some((line) => line.replace(/^\.\//, "") === "PG_VERSION")) {
    throw new BackupError(`${file} is not a backup of the embedded database (no PG_VERSION inside).`);
  }
  let kept: string | null = null;
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    if (!replace) throw new BackupError(`${dataDir} already holds a database: restore with --replace (the current one is kept beside it).`);
    kept = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await rename(dataDir, kept);
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    await run("tar", ["--extract", "--gzip", `--file=${file}`, `--directory=${dataDir}`, "--same-permissions"]);
    // The cluster belongs to whoever runs PostgreSQL (the unprivileged "postgres" when we are root).
    const owner = process.getuid?.() === 0 ? await postgresOwner() : undefined;
    if (owner) await run("chown", ["-R", `${owner.uid}:${owner.gid}`, dataDir]);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    if (kept) await rename(kept, dataDir);
    throw new BackupError(`Could not restore ${file}: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
  return kept;
}
