import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { constants } from "node:os";
import { runCli } from "./lib/cli";
import { assertLocalDatabase, dropDatabase, ensureDatabase, redactUrl, withClient, withDatabaseName } from "./lib/database";
import { parsePort, seedIfEmpty } from "./lib/dev-database";
import { E2E_NEXTAUTH_SECRET } from "./lib/e2e-secret";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { startMailCatcher, type MailCatcher } from "./lib/mail-catcher";
import { applyMigrations } from "./lib/migrations";
import { DATA_DIR, REPO_ROOT } from "./lib/paths";

/*
 * `npm run test:e2e [-- <playwright args>]`: builds the app (unless E2E_SKIP_BUILD=1), creates a fresh
 * database trilogue_e2e_<pid> on TEST_DATABASE_URL / DATABASE_URL's server (else on an embedded
 * PostgreSQL in .data/pg-e2e), migrates it, seeds the demo, runs Playwright against the production
 * build (playwright.config.ts starts it through scripts/start.ts), then drops the database and stops
 * the embedded PostgreSQL. Exits with Playwright's code; Ctrl-C cleans up too.
 */

const E2E_DATA_DIR = path.join(DATA_DIR, "pg-e2e");
const DEFAULT_E2E_PG_PORT = 54322;
const bin = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);

class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`Interrupted (${signal})`);
  }
}

let interrupted: NodeJS.Signals | undefined;
let running: ChildProcess | undefined;

function checkInterrupted(): void {
  if (interrupted) throw new Interrupted(interrupted);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Runs a child with inherited stdio; resolves with its exit code (128+n when killed by a signal). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  checkInterrupted();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: "inherit" });
    running = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      running = undefined;
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}

async function build(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === "1") {
    console.log("e2e: E2E_SKIP_BUILD=1, using the existing production build in .next");
    return;
  }
  const started = Date.now();
  console.log("e2e: building the app (next build; set E2E_SKIP_BUILD=1 to reuse the last build)");
  const code = await run(process.execPath, [bin("next"), "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  checkInterrupted();
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  console.log(`e2e: build done in ${seconds(started)}`);
}

interface E2eDatabase {
  url: string;
  description: string;
  /** Drops the run's database and stops the embedded PostgreSQL if this run started it. */
  dispose(): Promise<void>;
}

async function prepareDatabase(): Promise<E2eDatabase> {
  const name = `trilogue_e2e_${process.pid}`;
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  let adminUrl: string;
  if (serverUrl) {
    // The run drops its database at the end: only on this machine.
    assertLocalDatabase(serverUrl, "create and drop end-to-end test databases");
    adminUrl = serverUrl;
  } else {
    const port = parsePort("E2E_PG_PORT", process.env.E2E_PG_PORT, DEFAULT_E2E_PG_PORT);
    // Throw-away data: durability off makes migrations and seeding faster.
    embedded = await startEmbeddedPostgres({
      dataDir: E2E_DATA_DIR,
      port,
      settings: ["fsync=off", "synchronous_commit=off", "full_page_writes=off"],
    });
    adminUrl = embedded.adminUrl;
    if (embedded.owned) {
      // This cluster only ever holds e2e databases; one left by an interrupted run is dead weight.
      const stale = await withClient(adminUrl, async (client) => {
        const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'trilogue\\_e2e\\_%'");
        return rows.map((r) => r.datname);
      });
      for (const db of stale) await dropDatabase(adminUrl, db);
    }
  }

  let disposed: Promise<void> | undefined;
  const dispose = () => {
    disposed ??= (async () => {
      try {
        await dropDatabase(adminUrl, name);
      } catch (error) {
        // The embedded server may already be gone (Ctrl-C reaches it too); its data dir is ours alone.
        if (!embedded) console.error(`e2e: could not drop database ${name}: ${error instanceof Error ? error.message : error}`);
      } finally {
        await embedded?.stop();
      }
    })();
    return disposed;
  };

  try {
    await dropDatabase(adminUrl, name); // a leftover of a crashed run with the same pid
    await ensureDatabase(adminUrl, name);
    const url = withDatabaseName(adminUrl, name);
    const description = embedded ? `embedded PostgreSQL on 127.0.0.1:${embedded.port} (${path.relative(REPO_ROOT, E2E_DATA_DIR)})` : redactUrl(url);
    return { url, description, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

let catcher: MailCatcher | undefined;

async function main(): Promise<number> {
  const extraArgs = process.argv.slice(2);
  const started = Date.now();
  await build();

  const dbStarted = Date.now();
  const database = await prepareDatabase();
  try {
    checkInterrupted();
    const applied = await applyMigrations(database.url);
    checkInterrupted();
    // The demo's TOTP secret is encrypted under the key the e2e server will use.
    process.env.NEXTAUTH_SECRET = E2E_NEXTAUTH_SECRET;
    const { outcome } = await seedIfEmpty(database.url);
    if (outcome !== "seeded") throw new Error(`Could not seed the demo data into the e2e database (${outcome})`);
    console.log(`e2e: database ${database.description}: ${applied.length} migrations applied, demo seeded (${seconds(dbStarted)})`);
    checkInterrupted();

    // The app's email goes to a local catcher whose mail the tests read (tests/e2e/fixtures.ts caughtMail).
    const mailDir = path.join(DATA_DIR, `e2e-mail-${process.pid}`);
    await rm(mailDir, { recursive: true, force: true });
    catcher = await startMailCatcher({ dir: mailDir, quiet: true });
    const testsStarted = Date.now();
    const code = await run(process.execPath, [bin("playwright"), "test", ...extraArgs], {
      ...process.env,
      E2E_DATABASE_URL: database.url,
      E2E_SMTP_URL: catcher.url,
      E2E_MAIL_DIR: mailDir,
    });
    console.log(`e2e: Playwright exited with ${code} after ${seconds(testsStarted)} (whole run ${seconds(started)})`);
    return interrupted ? 128 + (constants.signals[interrupted] ?? 0) : code;
  } finally {
    await catcher?.close().catch(() => undefined);
    if (catcher) await rm(catcher.dir, { recursive: true, force: true }).catch(() => undefined);
    await database.dispose();
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (interrupted) return; // the terminal and npm may both forward Ctrl-C
    interrupted = signal;
    console.error(`\ne2e: ${signal}: stopping, then cleaning up…`);
    // A terminal's Ctrl-C reaches the children too; a supervisor's SIGTERM only reaches us. Either way,
    // send SIGINT: Playwright stops its web server gracefully on SIGINT only (on SIGTERM it dies and
    // orphans the server), and it ignores the repeat when the terminal's SIGINT came first.
    if (running && running.exitCode === null && running.signalCode === null) running.kill("SIGINT");
  });
}

runCli(async () => {
  try {
    return await main();
  } catch (error) {
    // After Ctrl-C, whatever failed (e.g. the embedded PostgreSQL got the signal too) is the interruption.
    if (error instanceof Interrupted || interrupted) return 128 + (constants.signals[interrupted ?? "SIGINT"] ?? 0);
    throw error;
  }
});
