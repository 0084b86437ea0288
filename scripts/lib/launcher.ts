import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { constants } from "node:os";
import path from "node:path";
import { parseEnv } from "@/server/env";
import { parsePort, resolveDatabase, seedIfEmpty, type DemoAccount, type ResolvedDatabase } from "./dev-database";
import { startMailCatcher, type MailCatcher } from "./mail-catcher";
import { applyMigrations } from "./migrations";
import { DATA_DIR, REPO_ROOT } from "./paths";

export type LaunchMode = "dev" | "start";

// Loopback unless told otherwise (a container sets HOST=0.0.0.0 behind its own port mapping).
const HOST = process.env.HOST || "127.0.0.1";
const SECRET_FILE = path.join(DATA_DIR, "secret");
// A cold `next dev` compiles these on first request; under StrictMode the first sign-in page would
// otherwise race two session fetches that set two different CSRF cookies.
const WARM_UP_PATHS = ["/sign-in", "/api/auth/session", "/api/auth/csrf"];
// Next drains for TRILOGUE_DRAIN_SECONDS (scripts/lib/serve.ts); the launcher waits that long and a
// little more before it stops waiting.
const STOP_MARGIN_MS = 5_000;
const READY_TIMEOUT_MS = 180_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The demo's NEXTAUTH_SECRET, generated once into .data/secret (mode 600) so sessions survive restarts. */
export async function localSecret(): Promise<string> {
  const existing = (await readFile(SECRET_FILE, "utf8").catch(() => "")).trim();
  if (existing.length >= 32) return existing;
  await mkdir(DATA_DIR, { recursive: true, mode: 0o755 });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  await chmod(SECRET_FILE, 0o600);
  return secret;
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Requests each warm-up path once, retrying the first until Next listens. Any HTTP answer counts. */
async function warmUp(baseUrl: string, next: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (const route of WARM_UP_PATHS) {
    for (;;) {
      if (hasExited(next)) throw new Error("Next exited before it was ready");
      try {
        const response = await fetch(`${baseUrl}${route}`, { redirect: "manual", signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
        await response.arrayBuffer();
        if (response.status >= 500) console.warn(`Warm-up: ${route} answered ${response.status}`);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`Next did not answer ${route} within ${READY_TIMEOUT_MS / 1000} s`, { cause: error });
        await sleep(250);
      }
    }
  }
}

function printDemoAccounts(accounts: DemoAccount[]): void {
  if (accounts.length === 0) return;
  console.log("Demo accounts (embedded demo only: never create these on a real deployment):");
  const width = Math.max(...accounts.map((a) => a.email.length));
  for (const a of accounts) console.log(`  ${a.email.padEnd(width)}  ${a.password}  ${a.role}`);
}

/**
 * `npm run dev` / `npm start`: resolves the database (embedded unless DATABASE_URL), applies
 * migrations, seeds the demo when it has no users, then runs Next on 127.0.0.1. On SIGINT/SIGTERM
 * it stops Next, then PostgreSQL; if Next dies on its own, it exits with Next's code.
 */
export async function launch(mode: LaunchMode): Promise<void> {
  let next: ChildProcess | undefined;
  let database: ResolvedDatabase | undefined;
  let catcher: MailCatcher | undefined;
  let shuttingDown: Promise<void> | undefined;
  let stopTimeoutMs = 15_000 + STOP_MARGIN_MS;

  const shutdown = (exitCode: number): Promise<void> => {
    shuttingDown ??= (async () => {
      if (next && !hasExited(next)) {
        const exited = new Promise((resolve) => next?.once("exit", resolve));
        next.kill("SIGTERM");
        const killTimer = setTimeout(() => next?.kill("SIGKILL"), stopTimeoutMs);
        await exited;
        clearTimeout(killTimer);
      }
      await catcher?.close().catch((error: unknown) => console.error("Stopping the mail catcher failed:", error));
      // The launcher's own Prisma client closed right after seeding: only PostgreSQL is left.
      await database?.stop().catch((error: unknown) => console.error("Stopping PostgreSQL failed:", error));
      process.exit(exitCode);
    })();
    return shuttingDown;
  };

  // Repeats are expected (the terminal and npm both forward Ctrl-C); the first one decides.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  try {
    const port = parsePort("PORT", process.env.PORT, 3000);
    const baseUrl = `http://${HOST === "0.0.0.0" ? "127.0.0.1" : HOST}:${port}`;
    const external = Boolean(process.env.DATABASE_URL);
    if (mode === "start" && external && !process.env.NEXTAUTH_SECRET) {
      throw new Error(
        "NEXTAUTH_SECRET is required when DATABASE_URL is set for production: set it to a random string of 32+ characters (openssl rand -base64 32).",
      );
    }
    if (mode === "start" && !existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
      throw new Error("No production build in .next: run `npm run build` before `npm start`.");
    }

    const started = Date.now();
    database = await resolveDatabase();
    const db = database;
    const applied = await applyMigrations(db.sessionUrl);
    const demo = db.embedded || process.env.TRILOGUE_DEMO === "1";
    let accounts: DemoAccount[] = [];
    if (demo) {
      // The demo's TOTP secret is encrypted under the key the app will run with.
      process.env.NEXTAUTH_SECRET ||= await localSecret();
      const seeded = await seedIfEmpty(db.url);
      accounts = seeded.accounts;
      if (seeded.outcome === "seeded") console.log("Seeded the demo data.");
    }
    console.log(
      `Database: ${db.description}${applied.length ? `, applied ${applied.join(", ")}` : ""} (${Date.now() - started} ms)`,
    );
    void db.exited.then(async () => {
      // Ctrl-C reaches PostgreSQL too; give our own signal handler the first word.
      await sleep(500);
      if (!shuttingDown) {
        console.error("PostgreSQL stopped unexpectedly: stopping Trilogue.");
        void shutdown(1);
      }
    });

    // `npm run dev` catches the app's email locally unless the person points SMTP_URL elsewhere
    // (README "Email"): nothing leaves the machine, and /dev/mail shows what was sent.
    const mailEnv: Record<string, string> = {};
    if (mode === "dev" && !process.env.SMTP_URL) {
      const dir = process.env.MAIL_CATCHER_DIR || path.join(DATA_DIR, "mail");
      catcher = await startMailCatcher({ dir, port: parsePort("MAIL_CATCHER_PORT", process.env.MAIL_CATCHER_PORT, 0) });
      mailEnv.SMTP_URL = catcher.url;
      mailEnv.MAIL_FROM = process.env.MAIL_FROM || "Trilogue (development) <trilogue@localhost.localdomain>";
      mailEnv.MAIL_CATCHER_DIR = dir;
      console.log(`Mail: caught by a local SMTP catcher at ${catcher.url}; see ${baseUrl}/dev/mail`);
    }

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || (await localSecret()),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // The briefing-book PDF renderer loads the print page from this server itself, never from
      // the origin a request names.
      TRILOGUE_INTERNAL_ORIGIN: baseUrl,
      PORT: String(port),
      ...(demo ? { TRILOGUE_DEMO: "1" } : {}),
      ...mailEnv,
    };
    // Fail here, naming the variable, rather than on the first request.
    const parsed = parseEnv({ ...childEnv, NODE_ENV: mode === "dev" ? "development" : "production" });
    stopTimeoutMs = parsed.TRILOGUE_DRAIN_SECONDS * 1000 + STOP_MARGIN_MS;

    if (shuttingDown) return;
    // Production runs our own HTTP server around Next (scripts/serve.ts), which drains on SIGTERM.
    const command =
      mode === "start"
        ? ["--import", "tsx", path.join(REPO_ROOT, "scripts", "serve.ts")]
        : [path.join(REPO_ROOT, "node_modules", ".bin", "next"), "dev", "-H", HOST, "-p", String(port)];
    next = spawn(process.execPath, command, {
      cwd: REPO_ROOT,
      env: { ...childEnv, HOST, NODE_ENV: mode === "dev" ? "development" : "production" },
      stdio: "inherit",
    });
    const child = next;
    child.on("exit", (code, signal) => {
      if (shuttingDown) return;
      console.error(`Next exited (${code ?? signal}): stopping Trilogue.`);
      void shutdown(exitCodeOf(code, signal));
    });

    await warmUp(baseUrl, child);
    if (shuttingDown) return;
    console.log(`Trilogue ready at ${baseUrl}`);
    if (demo) printDemoAccounts(accounts);
  } catch (error) {
    if (shuttingDown) return;
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}
