import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { loadViewer } from "@/server/access";
import type { Db } from "@/server/db";
import { createCaller } from "@/server/trpc/root";
import { dropDatabase, ensureDatabase, withDatabaseName } from "@/scripts/lib/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { applyMigrations } from "@/scripts/lib/migrations";
import { DATA_DIR, REPO_ROOT } from "@/scripts/lib/paths";
import { createBenchWorld, type BenchWorld } from "@/tests/bench/world";

// npm run bench: builds a large series in a database of its own, then measures the views in
// process (median/p95 and SQL queries per call) and over HTTP against the production build
// (autocannon on 127.0.0.1), each next to the trivial health.ping procedure on the same server.
// It reports; it asserts nothing.

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 40);
const ISSUES = Number(process.env.BENCH_ISSUES ?? 40);
const REVISIONS = Number(process.env.BENCH_REVISIONS ?? 2);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECRET = "bench-only-secret-0123456789abcdefghijklmnop";

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

type CallerView = { name: string; run: (c: ReturnType<typeof createCaller>) => Promise<unknown> };

async function measureInProcess(url: string, world: BenchWorld) {
  let queries = 0;
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", () => void queries++);
  const db = client as unknown as Db;
  const user = await db.user.findUniqueOrThrow({ where: { email: world.delegateEmail }, select: { id: true } });
  const viewer = await loadViewer(db, user.id, Date.now() + 1000);
  const caller = createCaller({ db, viewer, headers: new Headers() });
  const lastSession = world.sessionIds.at(-1)!;
  const views: CallerView[] = [
    { name: "health.ping", run: (c) => c.health.ping() },
    { name: "dashboard.get", run: (c) => c.dashboard.get() },
    { name: "series.get", run: (c) => c.series.get({ seriesId: world.seriesId }) },
    { name: "tracker.overview", run: (c) => c.tracker.overview() },
    { name: "session.get", run: (c) => c.session.get({ sessionId: lastSession }) },
    { name: "stance.listForSession", run: (c) => c.stance.listForSession({ sessionId: lastSession }) },
  ];
  const rows = [];
  for (const view of views) {
    for (let i = 0; i < 3; i++) await view.run(caller);
    const times: number[] = [];
    queries = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await view.run(caller);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({ view: view.name, medianMs: percentile(times, 50), p95Ms: percentile(times, 95), queriesPerCall: queries / RUNS });
  }
  await client.$disconnect();
  return rows;
}

async function startApp(url: string): Promise<ChildProcess> {
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, TRILOGUE_DEMO: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the app exited (${code}) before it was ready`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Trilogue ready at")) resolve();
    });
  });
  return child;
}

/** Signs in through NextAuth's credentials flow and returns the cookie header of the session. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session;
}

function trpcUrl(base: string, proc: string, input?: unknown): string {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return `${base}/api/trpc/${proc}${query}`;
}

async function load(url: string, cookie: string, connections: number) {
  const result = await autocannon({ url, connections, duration: HTTP_SECONDS, headers: { cookie } });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return { reqPerSec: result.requests.average, p50Ms: result.latency.p50, p97_5Ms: result.latency.p97_5, p99Ms: result.latency.p99 };
}

async function main() {
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  let adminUrl: string;
  if (server) adminUrl = server;
  else {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg-bench"), port: 54323, settings: ["fsync=off", "synchronous_commit=off"], ifRunning: "reuse" });
    adminUrl = embedded.adminUrl;
  }
  const name = `trilogue_bench_${process.pid}`;
  await ensureDatabase(adminUrl, name);
  const url = withDatabaseName(adminUrl, name);
  let app: ChildProcess | undefined;
  try {
    await applyMigrations(url);
    const t0 = performance.now();
    const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    const world = await createBenchWorld(seedClient, { sessions: SESSIONS, issues: ISSUES, revisions: REVISIONS });
    const counts = { stances: await seedClient.stance.count(), stanceRevisions: await seedClient.stanceRevision.count(), agendaItems: await seedClient.agendaItem.count() };
    await seedClient.$disconnect();
    console.log(`Data: ${SESSIONS} sessions × ${ISSUES} issues × 3 parties: ${JSON.stringify(counts)} (${Math.round(performance.now() - t0)} ms)`);

    const inProcess = await measureInProcess(url, world);
    console.log("\nIn process (tRPC caller, real PostgreSQL):");
    console.table(inProcess.map((r) => ({ ...r, medianMs: r.medianMs.toFixed(1), p95Ms: r.p95Ms.toFixed(1) })));

    app = await startApp(url);
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await signIn(base, world.delegateEmail, world.password);
    const targets: [string, string, number][] = [
      ["health.ping", trpcUrl(base, "health.ping"), CONNECTIONS],
      ["dashboard.get", trpcUrl(base, "dashboard.get"), CONNECTIONS],
      ["series.get", trpcUrl(base, "series.get", { seriesId: world.seriesId }), CONNECTIONS],
      ["tracker.overview", trpcUrl(base, "tracker.overview"), CONNECTIONS],
      ["session.get", trpcUrl(base, "session.get", { sessionId: world.sessionIds.at(-1) }), CONNECTIONS],
    ];
    const http = [];
    for (const [view, target, connections] of targets) http.push({ view, connections, ...(await load(target, cookie, connections)) });
    const ping = http[0]!.reqPerSec;
    console.log(`\nHTTP on 127.0.0.1 (autocannon, ${HTTP_SECONDS} s each, production build):`);
    console.table(http.map((r) => ({ ...r, reqPerSec: Math.round(r.reqPerSec), vsPing: (r.reqPerSec / ping).toFixed(2) })));

    await mkdir(path.join(REPO_ROOT, "bench-results"), { recursive: true });
    await writeFile(
      path.join(REPO_ROOT, "bench-results", "latest.json"),
      JSON.stringify({ at: new Date().toISOString(), sizes: { SESSIONS, ISSUES, REVISIONS, ...counts }, inProcess, http }, null, 2),
    );
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
    await dropDatabase(adminUrl, name);
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
