import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { loadViewer, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { appRouter, createCaller } from "@/server/trpc/root";
import { dropDatabase, ensureDatabase, withDatabaseName } from "@/scripts/lib/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { applyMigrations } from "@/scripts/lib/migrations";
import { DATA_DIR, REPO_ROOT } from "@/scripts/lib/paths";
import { buildBriefingBook } from "@/server/services/briefing/book";
import { briefingDownload } from "@/server/services/briefing/summary";
import { cachedFeed, loadFeedViewer } from "@/server/services/calendar/feed";
import { createBenchWorld, type BenchWorld } from "@/tests/bench/world";
import { measureFanout } from "@/tests/bench/fanout";

// npm run bench: builds a large series in a database of its own (by default issue 5's size: 100
// issues, 200 sessions, 3 parties, stances with several revisions at mixed release levels), then
// measures the views in process (median/p95, SQL queries and SQL time per call, JSON size) and over
// HTTP against the production build (autocannon on 127.0.0.1), each next to the trivial
// health.ping procedure on the same server. It reports; it asserts nothing.
//
// Knobs (environment): BENCH_SESSIONS, BENCH_ISSUES, BENCH_ITEMS, BENCH_REVISIONS (size of each
// series); BENCH_SERIES (how many such series, default 10: the delegate measured sits in all of
// them, for the dashboard and tracker.overview); BENCH_DB=<name> keeps the generated database
// between runs and reuses it; BENCH_VIEWS=a,b measures only those views; BENCH_IN_PROCESS_ONLY=1
// skips HTTP; BENCH_PORT (default 3200), BENCH_CONNECTIONS, BENCH_SECONDS, BENCH_WARMUP_SECONDS,
// BENCH_RUNS; BENCH_CPU_PROF=<dir> writes the server's CPU profile there; BENCH_FANOUT=<n> live
// subscribers for the fan-out figure (default 200, 0 skips it), BENCH_FANOUT_ROUNDS releases timed.

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200);
const ISSUES = Number(process.env.BENCH_ISSUES ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 30);
const REVISIONS = Number(process.env.BENCH_REVISIONS ?? 3);
/** Series of that size; the delegate sits in all of them (the cross-series views). */
const SERIES = Number(process.env.BENCH_SERIES ?? 10);
/**
 * A database name to keep between runs: the first run generates into it and leaves it (and
 * bench-results/world-<name>.json) behind, later runs with the same options reuse it. Without it
 * every run generates into a database of its own and drops it.
 */
const KEEP_DB = process.env.BENCH_DB?.trim() || undefined;
/** Measure nothing over HTTP (in-process figures only: no production build needed). */
const IN_PROCESS_ONLY = process.env.BENCH_IN_PROCESS_ONLY === "1";
/** Comma-separated view names to measure (default: all). health.ping is always measured. */
const ONLY_VIEWS = process.env.BENCH_VIEWS?.split(",").map((v) => v.trim());
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Seconds of the same load before each measurement, discarded: V8 optimises the hot path first. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
/** Comma-separated view names to measure over HTTP (default: all of VIEWS that exist). */
const HTTP_VIEWS = process.env.BENCH_HTTP_VIEWS?.split(",").map((v) => v.trim());
/** Live subscribers of the measured session for the fan-out figure (tests/bench/fanout.ts); 0: none. */
const FANOUT = Number(process.env.BENCH_FANOUT ?? 200);
const FANOUT_ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 20);
const SECRET = "bench-only-secret-0123456789abcdefghijklmnop";

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

type Caller = ReturnType<typeof createCaller>;
interface View {
  name: string;
  /** The tRPC procedure path; views whose procedure does not exist yet are skipped. */
  procedure: string;
  input?: (world: BenchWorld) => unknown;
  /** A plain HTTP route instead of a procedure: its path, and the same answer in process. */
  route?: { path: (world: BenchWorld) => string; inProcess: (db: Db, world: BenchWorld, viewer: Viewer) => Promise<unknown> };
}

/** The session the per-session views are measured on: the last one, which carries the whole history. */
const measuredSession = (world: BenchWorld) => world.sessionIds.at(-1)!;

const VIEWS: View[] = [
  { name: "health.ping", procedure: "health.ping" },
  { name: "tracker.seriesOverview", procedure: "tracker.seriesOverview", input: (w) => ({ seriesId: w.seriesId }) },
  { name: "tracker.session", procedure: "tracker.session", input: (w) => ({ sessionId: measuredSession(w) }) },
  { name: "tracker.overview", procedure: "tracker.overview" },
  { name: "dashboard.get", procedure: "dashboard.get" },
  { name: "series.get", procedure: "series.get", input: (w) => ({ seriesId: w.seriesId }) },
  { name: "series.sessions", procedure: "series.sessions", input: (w) => ({ seriesId: w.seriesId }) },
  { name: "session.get", procedure: "session.get", input: (w) => ({ sessionId: measuredSession(w) }) },
  { name: "stance.listForSession", procedure: "stance.listForSession", input: (w) => ({ sessionId: measuredSession(w) }) },
  { name: "stance.board", procedure: "stance.board", input: (w) => ({ sessionId: measuredSession(w) }) },
  { name: "stance.history", procedure: "stance.history", input: (w) => ({ stanceId: w.historyStanceId }) },
  { name: "paper.get", procedure: "paper.get", input: (w) => ({ paperId: w.paperId }) },
  { name: "paper.compare", procedure: "paper.compare", input: (w) => ({ paperId: w.paperId, from: 1, to: w.paperRevisions }) },
  { name: "agenda.getItem", procedure: "agenda.getItem", input: (w) => ({ itemId: w.threadItemId }) },
  { name: "comment.list", procedure: "comment.list", input: (w) => ({ agendaItemId: w.threadItemId }) },
  { name: "assessment.panel", procedure: "assessment.panel", input: (w) => ({ agendaItemId: w.panelItemId }) },
  { name: "minutes.get", procedure: "minutes.get", input: (w) => ({ sessionId: measuredSession(w) }) },
  { name: "jointText.get", procedure: "jointText.get", input: (w) => ({ textId: w.jointTextId }) },
  { name: "tracker.textConvergence", procedure: "tracker.textConvergence", input: (w) => ({ seriesId: w.seriesId, sessionId: measuredSession(w) }) },
  // The briefing book's Markdown as people get it: the .md download (its bytes held per book).
  {
    name: "briefing.markdown",
    procedure: "briefing.markdown",
    route: {
      path: (w) => `/api/sessions/${measuredSession(w)}/briefing.md`,
      inProcess: async (db, w, viewer) => new TextDecoder().decode(briefingDownload(await buildBriefingBook(db, viewer, measuredSession(w))).bytes),
    },
  },
  {
    name: "calendar feed",
    procedure: "calendar.get",
    route: {
      path: (w) => `/api/calendar/${w.calendarToken}.ics`,
      // The whole answer of the route, as the server gives it (the feed's text is shared per class and stamp).
      inProcess: async (db, w) => (await cachedFeed(db, (await loadFeedViewer(db, w.calendarToken))!, "http://127.0.0.1")).text,
    },
  },
];

function procedureExists(path: string): boolean {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures;
  return path in procedures;
}

function call(caller: Caller, view: View, world: BenchWorld, db: Db, viewer: Viewer): Promise<unknown> {
  if (view.route) return view.route.inProcess(db, world, viewer);
  let target: unknown = caller;
  for (const part of view.procedure.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input?: unknown) => Promise<unknown>)(view.input?.(world));
}

async function measureInProcess(url: string, world: BenchWorld, views: View[]) {
  let queries = 0;
  let sqlMs = 0;
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  const byQuery = new Map<string, number>();
  client.$on("query", (e) => {
    queries++;
    sqlMs += Number(e.duration);
    const key = e.query.replace(/\s+/g, " ").slice(0, 160);
    byQuery.set(key, (byQuery.get(key) ?? 0) + Number(e.duration));
  });
  const db = client as unknown as Db;
  const user = await db.user.findUniqueOrThrow({ where: { email: world.delegateEmail }, select: { id: true } });
  const viewer = await loadViewer(db, user.id, Date.now() + 1000);
  if (!viewer) throw new Error(`bench: ${world.delegateEmail} is not an active account`);
  const caller = createCaller({ db, viewer, headers: new Headers() });
  const rows = [];
  for (const view of views) {
    let bytes = 0;
    for (let i = 0; i < 3; i++) bytes = JSON.stringify(await call(caller, view, world, db, viewer)).length;
    const times: number[] = [];
    queries = 0;
    sqlMs = 0;
    byQuery.clear();
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await call(caller, view, world, db, viewer);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const slowest = [...byQuery].sort((a, b) => b[1] - a[1])[0];
    if (slowest && slowest[1] / RUNS > 20) console.log(`${view.name}: slowest query ${(slowest[1] / RUNS).toFixed(0)} ms/call: ${slowest[0]}`);
    rows.push({
      view: view.name,
      medianMs: percentile(times, 50),
      p95Ms: percentile(times, 95),
      queriesPerCall: queries / RUNS,
      sqlMsPerCall: sqlMs / RUNS,
      jsonKB: bytes / 1024,
    });
  }
  await client.$disconnect();
  return rows;
}

async function startApp(url: string): Promise<ChildProcess> {
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(process.env.BENCH_CPU_PROF)] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/start.ts"], {
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

function run(url: string, cookie: string, connections: number, seconds: number, times?: number[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: { cookie } }, (error, done) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    if (times) instance.on("response", (_client, _status, _bytes, responseTime) => void times.push(responseTime));
  });
}

async function load(url: string, cookie: string, connections: number) {
  if (WARMUP_SECONDS > 0) await run(url, cookie, connections, WARMUP_SECONDS);
  const times: number[] = [];
  const result = await run(url, cookie, connections, HTTP_SECONDS, times);
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  times.sort((a, b) => a - b);
  return {
    reqPerSec: result.requests.average,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    kBPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total / 1024 : 0,
  };
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
  const name = KEEP_DB ?? `trilogue_bench_${process.pid}`;
  const url = withDatabaseName(adminUrl, name);
  const options = { SESSIONS, ISSUES, ITEMS, REVISIONS, SERIES };
  const worldFile = path.join(REPO_ROOT, "bench-results", `world-${name}.json`);
  const kept = KEEP_DB && existsSync(worldFile) ? (JSON.parse(await readFile(worldFile, "utf8")) as { options: typeof options; world: BenchWorld }) : null;
  if (kept && JSON.stringify(kept.options) !== JSON.stringify(options)) {
    throw new Error(`${name} was generated with ${JSON.stringify(kept.options)}, not ${JSON.stringify(options)}: drop it or name another BENCH_DB`);
  }
  if (!kept) {
    if (KEEP_DB) await dropDatabase(adminUrl, name);
    await ensureDatabase(adminUrl, name);
  }
  let app: ChildProcess | undefined;
  try {
    await applyMigrations(url);
    const t0 = performance.now();
    const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    const world =
      kept?.world ??
      (await createBenchWorld(seedClient, { url, sessions: SESSIONS, issues: ISSUES, itemsPerSession: ITEMS, revisions: REVISIONS, series: SERIES }));
    if (KEEP_DB && !kept) {
      await mkdir(path.dirname(worldFile), { recursive: true });
      await writeFile(worldFile, JSON.stringify({ options, world }));
    }
    const counts = {
      sessions: await seedClient.session.count(),
      issues: await seedClient.issue.count(),
      agendaItems: await seedClient.agendaItem.count(),
      stances: await seedClient.stance.count(),
      stanceRevisions: await seedClient.stanceRevision.count(),
      assessments: await seedClient.assessment.count(),
    };
    const levels = await seedClient.stance.groupBy({ by: ["releaseLevel"], _count: true });
    await seedClient.$disconnect();
    const generationMs = Math.round(performance.now() - t0);
    console.log(
      `Data (${kept ? `reused ${name}` : "generated"}): ${JSON.stringify(counts)}; stances by level ${JSON.stringify(Object.fromEntries(levels.map((l) => [l.releaseLevel, l._count])))} (${generationMs} ms)`,
    );

    const missing = VIEWS.filter((v) => !procedureExists(v.procedure)).map((v) => v.procedure);
    if (missing.length > 0) console.log(`Skipped (no such procedure yet): ${missing.join(", ")}`);
    const views = VIEWS.filter((v) => procedureExists(v.procedure) && (!ONLY_VIEWS || v.name === "health.ping" || ONLY_VIEWS.includes(v.name)));

    const inProcess = await measureInProcess(url, world, views);
    console.log(`\nIn process (tRPC caller as a delegate, real PostgreSQL; ${RUNS} calls each):`);
    console.table(
      inProcess.map((r) => ({
        ...r,
        medianMs: r.medianMs.toFixed(1),
        p95Ms: r.p95Ms.toFixed(1),
        sqlMsPerCall: r.sqlMsPerCall.toFixed(1),
        jsonKB: r.jsonKB.toFixed(1),
      })),
    );

    if (IN_PROCESS_ONLY) return;
    app = await startApp(url);
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await signIn(base, world.delegateEmail, world.password);
    const http = [];
    for (const view of views) {
      if (HTTP_VIEWS && view.name !== "health.ping" && !HTTP_VIEWS.includes(view.name)) continue;
      const target = view.route ? `${base}${view.route.path(world)}` : trpcUrl(base, view.procedure, view.input?.(world));
      // One request first, so a failing route shows here rather than as thousands of errors.
      const first = await fetch(target, { headers: { cookie } });
      await first.arrayBuffer();
      if (!first.ok) throw new Error(`${view.name}: HTTP ${first.status}`);
      http.push({ view: view.name, connections: CONNECTIONS, ...(await load(target, cookie, CONNECTIONS)) });
    }
    const ping = http[0]!.reqPerSec;
    const { loadavg } = await import("node:os");
    console.log(
      `\nHTTP on 127.0.0.1 (autocannon, ${CONNECTIONS} connections, ${HTTP_SECONDS} s each after ${WARMUP_SECONDS} s of warm-up, production build; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}):`,
    );
    console.table(
      http.map((r) => ({
        ...r,
        reqPerSec: Math.round(r.reqPerSec),
        kBPerResponse: r.kBPerResponse.toFixed(1),
        vsPing: (r.reqPerSec / ping).toFixed(2),
      })),
    );

    let fanout: Awaited<ReturnType<typeof measureFanout>> | undefined;
    if (FANOUT > 0) {
      const fanoutClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
      try {
        fanout = await measureFanout({
          base,
          url,
          adminUrl,
          db: fanoutClient,
          world,
          sessionId: measuredSession(world),
          delegateCookie: cookie,
          subscribers: FANOUT,
          rounds: FANOUT_ROUNDS,
          signIn: (email, password) => signIn(base, email, password),
          throughput: (target, as) => load(target, as, CONNECTIONS),
          trpcUrl: (proc, input) => trpcUrl(base, proc, input),
          log: (line) => console.log(line),
        });
      } finally {
        await fanoutClient.$disconnect();
      }
      printFanout(fanout, loadavg());
    }

    await mkdir(path.join(REPO_ROOT, "bench-results"), { recursive: true });
    await writeFile(
      path.join(REPO_ROOT, "bench-results", "latest.json"),
      JSON.stringify(
        {
          at: new Date().toISOString(),
          options: { ...options, RUNS, HTTP_SECONDS, WARMUP_SECONDS, CONNECTIONS },
          load: loadavg(),
          counts,
          generationMs,
          skipped: missing,
          inProcess,
          http: http.map((r) => ({ ...r, vsPing: r.reqPerSec / ping })),
          fanout,
        },
        null,
        2,
      ),
    );
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
    if (!KEEP_DB) await dropDatabase(adminUrl, name);
    await embedded?.stop();
  }
}

function printFanout(f: Awaited<ReturnType<typeof measureFanout>>, load: number[]) {
  const ms = (x: { p50Ms: number; p95Ms: number; maxMs: number }) => ({ p50Ms: x.p50Ms.toFixed(0), p95Ms: x.p95Ms.toFixed(0), maxMs: x.maxMs.toFixed(0) });
  console.log(
    `\nLive fan-out: ${f.subscribers} live.session streams (${f.people} delegates) on the measured session, ` +
      `opened in ${(f.openMs / 1000).toFixed(1)} s (presence signals quiet after ${(f.presenceStormMs / 1000).toFixed(1)} s); ` +
      `a delegate releases a stance (stance.release over HTTP); from its answer (load average ${load.map((l) => l.toFixed(2)).join(" ")}):`,
  );
  console.table([
    { figure: "release answered, no subscriber", ...ms(f.releaseMs.noSubscriber) },
    { figure: `release answered, ${f.subscribers} subscribers`, ...ms(f.releaseMs.withSubscribers) },
    { figure: `last subscriber has the signal (${f.signalOnly.rounds} releases, no refetch)`, ...ms(f.signalOnly.lastSignal) },
    { figure: "each subscriber has the signal (no refetch)", ...ms(f.signalOnly.perSubscriberSignal) },
    { figure: `last subscriber has the signal (${f.refetching.rounds} releases, refetching)`, ...ms(f.refetching.lastSignal) },
    { figure: `last subscriber refetched ${f.refetch}`, ...ms(f.refetching.lastRefetched) },
    { figure: `each subscriber refetched ${f.refetch}`, ...ms(f.refetching.perSubscriberRefetched) },
  ]);
  if (f.signalOnly.missed + f.refetching.missed + f.refetching.failedRefetches > 0) {
    console.log(`missed signals: ${f.signalOnly.missed + f.refetching.missed}, failed refetches: ${f.refetching.failedRefetches}`);
  }
  console.log(`PostgreSQL per release (${f.postgres.counts}):`);
  const pgRow = (label: string, c: Record<string, number>) => ({ per: label, ...c });
  console.table([
    pgRow("release, no subscriber", f.postgres.perReleaseNoSubscriber),
    pgRow(`release, ${f.subscribers} receiving`, f.postgres.perReleaseSignalOnly),
    pgRow(`release, ${f.subscribers} refetching`, f.postgres.perReleaseRefetching),
    pgRow("extra: delivery only", f.postgres.extraPerReleaseSignalOnly),
    pgRow("extra: delivery + refetches", f.postgres.extraPerReleaseRefetching),
    pgRow(`second of ${f.subscribers} idle streams`, f.postgres.idlePerSecond),
  ]);
  const page = f.sessionPage;
  console.log(
    `Session page (${page.view}, ${CONNECTIONS} connections) with ${f.subscribers} idle subscribers vs none: ${page.ratio.toFixed(2)} ` +
      `(means of two measurements each; the four differ by up to ${page.spread.toFixed(2)}x${page.spread > 1.2 ? ": the machine's load drifted, judge the ratio by that" : ""})`,
  );
  const row = (label: string, r: { reqPerSec: number; p50Ms: number; p95Ms: number }) => ({
    subscribers: label,
    reqPerSec: Math.round(r.reqPerSec),
    p50Ms: Math.round(r.p50Ms),
    p95Ms: Math.round(r.p95Ms),
  });
  console.table([
    row("none (before)", page.none[0]!),
    row(`${f.subscribers} (after opening)`, page.withSubscribers[0]!),
    row(`${f.subscribers} (after the releases)`, page.withSubscribers[1]!),
    row("none (after closing)", page.none[1]!),
  ]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
