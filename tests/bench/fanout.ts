import pg from "pg";
import type { Db } from "@/server/db";
import { LIVE_LIMITS } from "@/server/live/stream";
import { ensureFanoutDelegates, removeFanoutDelegates, type BenchWorld } from "@/tests/bench/world";

/*
 * The live channel's fan-out figure (issue 12): N subscribers (default 200) hold `live.session` of
 * the measured session open over SSE, as the session layout does in every browser showing the
 * session; a delegate releases a stance through `stance.release` over HTTP, and each subscriber,
 * on the first signal after the release, refetches the session's stance board over HTTP, as the
 * page would. Measured from the mutation's answer: when each subscriber had the signal, when it had
 * the board again, and the last of them per release. PostgreSQL's extra work per release comes
 * from pg_stat_database of the bench's database; the session page's throughput with the
 * subscribers connected (idle) against none. It reports; it asserts nothing.
 */

export interface FanoutOptions {
  base: string;
  /** Connection string of the bench's database (stances are picked and restored through it). */
  url: string;
  /** A connection string of the same server outside the bench's database (pg_stat_database is read from there). */
  adminUrl: string;
  db: Db;
  world: BenchWorld;
  sessionId: string;
  /** The measured delegate's cookie: they release the stances. */
  delegateCookie: string;
  subscribers: number;
  /** Releases timed with every subscriber refetching. */
  rounds: number;
  signIn: (email: string, password: string) => Promise<string>;
  /** Throughput of one URL under the bench's usual load (autocannon). */
  throughput: (url: string, cookie: string) => Promise<{ reqPerSec: number; p50Ms: number; p95Ms: number }>;
  trpcUrl: (proc: string, input?: unknown) => string;
  log: (line: string) => void;
}

/** Counters of pg_stat_database for one database. */
type PgCounters = { xactCommit: number; tupReturned: number; tupFetched: number; tupWritten: number; blksHit: number; blksRead: number };
const COUNTERS: (keyof PgCounters)[] = ["xactCommit", "tupReturned", "tupFetched", "tupWritten", "blksHit", "blksRead"];

/**
 * A backend that goes idle within a second of its last report holds its counters for up to
 * 10 s (PGSTAT_IDLE_INTERVAL) before it reports them: every phase is read after this long idle.
 */
const STATS_SETTLE_MS = 11_000;
/** Bounded waits. */
const OPEN_TIMEOUT_MS = 60_000;
const ROUND_TIMEOUT_MS = 20_000;
/** Between releases: no event for this long (a release's signals come in one or two batches). */
const QUIET_MS = 400;
/** Releases with nobody subscribed, then with subscribers that only receive the signal. */
const BASELINE_ROUNDS = 6;
const SIGNAL_ONLY_ROUNDS = 6;
/** Seconds of idle subscribers for the background load (presence rows are renewed every 30 s). */
const IDLE_SECONDS = 30;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** One browser's live stream: an SSE GET of live.session, read as it arrives. */
class Subscriber {
  private readonly controller = new AbortController();
  private reading: Promise<void> = Promise.resolve();
  /** The stream's first event (resync) arrived. */
  opened = false;
  closed = false;
  events = 0;
  lastEventAt = 0;
  /** What to do on the next event other than presence (the current release's handler). */
  onSignal: ((kind: string, at: number) => void) | null = null;

  constructor(
    readonly cookie: string,
    private readonly url: string,
  ) {}

  async open(): Promise<void> {
    const res = await fetch(this.url, { headers: { cookie: this.cookie, accept: "text/event-stream" }, signal: this.controller.signal });
    if (res.status !== 200 || !res.body) {
      const text = await res.text().catch(() => "");
      throw new Error(`live.session answered ${res.status}: ${text.slice(0, 200)}`);
    }
    this.reading = this.read(res.body as unknown as AsyncIterable<Uint8Array>);
  }

  private async read(body: AsyncIterable<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.event(block);
        }
      }
    } catch {
      // Aborted when the bench closes the stream.
    } finally {
      this.closed = true;
    }
  }

  private event(block: string): void {
    const data = block
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).trim())
      .join("\n");
    if (!data) return; // pings, the connection's own messages
    let kind: string | undefined;
    try {
      const parsed = JSON.parse(data) as { json?: { kind?: string }; kind?: string };
      kind = parsed.json?.kind ?? parsed.kind;
    } catch {
      return;
    }
    if (!kind) return;
    const at = performance.now();
    this.events++;
    this.lastEventAt = at;
    if (kind === "resync") this.opened = true;
    // A browser refetches only who is here on a presence signal; the bench's subscribers idle.
    if (kind === "presence") return;
    this.onSignal?.(kind, at);
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.reading;
  }
}

async function until(check: () => boolean, timeoutMs: number, stepMs = 20): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) return false;
    await sleep(stepMs);
  }
  return true;
}

/** releasedAt as PostgreSQL's text, so it goes back exactly as it was. */
type Stance = { id: string; releaseLevel: string; releasedAt: string | null; version: number };

/** One release: PARTY → GOVERNMENTS, then GOVERNMENTS → ALL_PARTICIPANTS of the same stances. */
type Release = { stance: Stance; to: "GOVERNMENTS" | "ALL_PARTICIPANTS" };

export async function measureFanout(o: FanoutOptions) {
  const releasesNeeded = BASELINE_ROUNDS + SIGNAL_ONLY_ROUNDS + o.rounds;
  const stanceCount = Math.ceil(releasesNeeded / 2);
  const bench = new pg.Client({ connectionString: o.url });
  const admin = new pg.Client({ connectionString: o.adminUrl });
  await bench.connect();
  await admin.connect();
  const dbName = new URL(o.url).pathname.slice(1);
  const subscribers: Subscriber[] = [];
  let picked: Stance[] = [];
  try {
    // Stances of the measured delegate's party on the measured session, put back at PARTY for the
    // releases (and restored to their generated levels afterwards): a release only ever raises.
    const { rows } = await bench.query<Stance>(
      `SELECT id, "releaseLevel", "releasedAt"::text AS "releasedAt", version FROM "Stance"
        WHERE "sessionId" = $1 AND "partyId" = (SELECT "partyId" FROM "Stance" WHERE id = $2) AND id <> $2
        ORDER BY id LIMIT $3`,
      [o.sessionId, o.world.historyStanceId, stanceCount],
    );
    picked = rows;
    if (picked.length < stanceCount) throw new Error(`fan-out: ${picked.length} stances of the party on the measured session, ${stanceCount} needed`);
    await bench.query(`UPDATE "Stance" SET "releaseLevel" = 'PARTY', "releasedAt" = NULL WHERE id = ANY($1)`, [picked.map((s) => s.id)]);
    const versions = new Map(picked.map((s) => [s.id, s.version]));
    const releases: Release[] = [
      ...picked.map((stance) => ({ stance, to: "GOVERNMENTS" as const })),
      ...picked.map((stance) => ({ stance, to: "ALL_PARTICIPANTS" as const })),
    ];
    let next = 0;
    const release = async (): Promise<{ ms: number; answeredAt: number }> => {
      const r = releases[next++]!;
      const t0 = performance.now();
      const res = await fetch(o.trpcUrl("stance.release"), {
        method: "POST",
        headers: { cookie: o.delegateCookie, "content-type": "application/json" },
        body: JSON.stringify({ json: { stanceId: r.stance.id, version: versions.get(r.stance.id), releaseLevel: r.to } }),
      });
      const body = (await res.json()) as { result?: { data?: { json?: { version: number } } }; error?: unknown };
      const answeredAt = performance.now();
      const version = body.result?.data?.json?.version;
      if (!res.ok || version === undefined) throw new Error(`stance.release answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      versions.set(r.stance.id, version);
      return { ms: answeredAt - t0, answeredAt };
    };

    const counters = async (): Promise<PgCounters> => {
      const { rows } = await admin.query<Record<string, string>>(
        `SELECT xact_commit, tup_returned, tup_fetched, tup_inserted + tup_updated + tup_deleted AS tup_written, blks_hit, blks_read
           FROM pg_stat_database WHERE datname = $1`,
        [dbName],
      );
      const r = rows[0]!;
      return {
        xactCommit: Number(r.xact_commit),
        tupReturned: Number(r.tup_returned),
        tupFetched: Number(r.tup_fetched),
        tupWritten: Number(r.tup_written),
        blksHit: Number(r.blks_hit),
        blksRead: Number(r.blks_read),
      };
    };
    /** pg_stat_database's counters over `phase` (read after the stats settled), and its length. */
    const measured = async (phase: () => Promise<void>): Promise<{ delta: PgCounters; seconds: number }> => {
      await sleep(STATS_SETTLE_MS);
      const before = await counters();
      const t0 = performance.now();
      await phase();
      await sleep(STATS_SETTLE_MS);
      const after = await counters();
      const delta = Object.fromEntries(COUNTERS.map((k) => [k, after[k] - before[k]])) as PgCounters;
      return { delta, seconds: (performance.now() - t0) / 1000 };
    };

    const sessionPage = o.trpcUrl("session.get", { sessionId: o.sessionId });
    const board = o.trpcUrl("stance.board", { sessionId: o.sessionId });
    const warm = await fetch(board, { headers: { cookie: o.delegateCookie } });
    await warm.arrayBuffer();

    // 1. Releases with nobody subscribed: the mutation's own work.
    o.log(`fan-out: ${BASELINE_ROUNDS} releases with no subscriber`);
    const baselineMs: number[] = [];
    const baseline = await measured(async () => {
      for (let i = 0; i < BASELINE_ROUNDS; i++) {
        baselineMs.push((await release()).ms);
        await sleep(QUIET_MS);
      }
    });

    // 2. The session page's throughput with nobody subscribed.
    o.log(`fan-out: session.get with no subscriber`);
    const pageBefore = await o.throughput(sessionPage, o.delegateCookie);

    // 3. Open the streams: LIVE_LIMITS.streamsPerUser per person, so several people.
    const perUser = LIVE_LIMITS.streamsPerUser;
    const emails = await ensureFanoutDelegates(o.db, o.world, Math.ceil(o.subscribers / perUser));
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await o.signIn(email, o.world.password));
    const streamUrl = o.trpcUrl("live.session", { sessionId: o.sessionId });
    for (let n = 0; n < o.subscribers; n++) subscribers.push(new Subscriber(cookies[Math.floor(n / perUser)]!, streamUrl));
    o.log(`fan-out: opening ${o.subscribers} live.session streams as ${emails.length} delegates`);
    const openStart = performance.now();
    for (let i = 0; i < subscribers.length; i += 25) await Promise.all(subscribers.slice(i, i + 25).map((s) => s.open()));
    if (!(await until(() => subscribers.every((s) => s.opened), OPEN_TIMEOUT_MS))) {
      throw new Error(`fan-out: ${subscribers.filter((s) => !s.opened).length} streams had no resync after ${OPEN_TIMEOUT_MS / 1000} s`);
    }
    const openMs = performance.now() - openStart;
    // Each opening announces a presence signal to every stream already open: let that storm pass.
    const quiet = async (ms: number) =>
      until(() => performance.now() - Math.max(...subscribers.map((s) => s.lastEventAt)) > ms, 30_000, 50);
    await quiet(1_000);
    const presenceStormMs = performance.now() - openStart;

    // 4. Idle subscribers: what holding them costs PostgreSQL (presence rows renewed every 30 s).
    o.log(`fan-out: ${IDLE_SECONDS} s idle`);
    const idle = await measured(async () => {
      await sleep(IDLE_SECONDS * 1000);
    });
    const idlePerSecond = (k: keyof PgCounters) => idle.delta[k] / idle.seconds;
    o.log(`fan-out: session.get with ${o.subscribers} idle subscribers`);
    const pageWithEarly = await o.throughput(sessionPage, o.delegateCookie);

    // 5. Releases; each subscriber refetches the board on its first signal (or only receives it).
    const rounds = async (count: number, refetch: boolean) => {
      const signalMs: number[] = [];
      const refetchMs: number[] = [];
      const lastSignalMs: number[] = [];
      const lastRefetchMs: number[] = [];
      const mutationMs: number[] = [];
      let missed = 0;
      let failed = 0;
      for (let round = 0; round < count; round++) {
        await quiet(QUIET_MS);
        const signalAt: (number | null)[] = subscribers.map(() => null);
        const doneAt: (number | null)[] = subscribers.map(() => null);
        const refetches: Promise<void>[] = [];
        subscribers.forEach((s, i) => {
          s.onSignal = (_kind, at) => {
            if (signalAt[i] !== null) return;
            signalAt[i] = at;
            if (!refetch) return;
            refetches.push(
              fetch(board, { headers: { cookie: s.cookie } }).then(
                async (res) => {
                  await res.arrayBuffer();
                  if (!res.ok) failed++;
                  doneAt[i] = performance.now();
                },
                () => {
                  failed++;
                },
              ),
            );
          };
        });
        const { ms, answeredAt } = await release();
        mutationMs.push(ms);
        const target = refetch ? doneAt : signalAt;
        await until(() => target.every((t) => t !== null), ROUND_TIMEOUT_MS);
        for (const s of subscribers) s.onSignal = null;
        await Promise.race([Promise.all(refetches), sleep(ROUND_TIMEOUT_MS)]);
        missed += target.filter((t) => t === null).length;
        const since = (ts: (number | null)[]) => ts.filter((t): t is number => t !== null).map((t) => t - answeredAt);
        const signals = since(signalAt);
        const refetched = since(doneAt);
        signalMs.push(...signals);
        refetchMs.push(...refetched);
        if (signals.length) lastSignalMs.push(Math.max(...signals));
        if (refetched.length) lastRefetchMs.push(Math.max(...refetched));
      }
      return { signalMs, refetchMs, lastSignalMs, lastRefetchMs, mutationMs, missed, failed };
    };
    o.log(`fan-out: ${SIGNAL_ONLY_ROUNDS} releases, ${o.subscribers} subscribers receiving only`);
    let signalOnly: Awaited<ReturnType<typeof rounds>> | undefined;
    const signalPhase = await measured(async () => {
      signalOnly = await rounds(SIGNAL_ONLY_ROUNDS, false);
    });
    o.log(`fan-out: ${o.rounds} releases, ${o.subscribers} subscribers refetching stance.board`);
    let full: Awaited<ReturnType<typeof rounds>> | undefined;
    const fullPhase = await measured(async () => {
      full = await rounds(o.rounds, true);
    });

    // 6. The session page's throughput with the subscribers connected and idle (twice, a while
    // apart, as "none" is measured before and after: a shared machine's load drifts), then none again.
    o.log(`fan-out: session.get with ${o.subscribers} idle subscribers`);
    const pageWith = [pageWithEarly, await o.throughput(sessionPage, o.delegateCookie)];
    const stillOpen = subscribers.filter((s) => !s.closed).length;
    await Promise.all(subscribers.map((s) => s.close()));
    await sleep(2_000);
    o.log(`fan-out: session.get with no subscriber again`);
    const pageAfter = await o.throughput(sessionPage, o.delegateCookie);

    /** Per release, minus the idle subscribers' background over the same time. */
    const perRelease = (phase: { delta: PgCounters; seconds: number }, count: number, background: boolean) =>
      Object.fromEntries(
        COUNTERS.map((k) => [k, Math.round((phase.delta[k] - (background ? idlePerSecond(k) * phase.seconds : 0)) / count)]),
      ) as PgCounters;
    const pgBaseline = perRelease(baseline, BASELINE_ROUNDS, false);
    const pgSignal = perRelease(signalPhase, SIGNAL_ONLY_ROUNDS, true);
    const pgFull = perRelease(fullPhase, o.rounds, true);
    const extra = (x: PgCounters) => Object.fromEntries(COUNTERS.map((k) => [k, x[k] - pgBaseline[k]])) as PgCounters;
    const stats = (values: number[]) => ({ p50Ms: percentile(values, 50), p95Ms: percentile(values, 95), maxMs: Math.max(...values) });
    const mean = (rs: { reqPerSec: number }[]) => rs.reduce((sum, r) => sum + r.reqPerSec, 0) / rs.length;
    const none = [pageBefore, pageAfter];
    return {
      subscribers: o.subscribers,
      people: emails.length,
      rounds: o.rounds,
      refetch: "stance.board",
      openMs,
      presenceStormMs,
      streamsOpenAtEnd: stillOpen,
      releaseMs: { noSubscriber: stats(baselineMs), withSubscribers: stats(full!.mutationMs) },
      signalOnly: {
        rounds: SIGNAL_ONLY_ROUNDS,
        lastSignal: stats(signalOnly!.lastSignalMs),
        perSubscriberSignal: stats(signalOnly!.signalMs),
        missed: signalOnly!.missed,
      },
      refetching: {
        rounds: o.rounds,
        lastRefetched: stats(full!.lastRefetchMs),
        perSubscriberRefetched: stats(full!.refetchMs),
        lastSignal: stats(full!.lastSignalMs),
        perSubscriberSignal: stats(full!.signalMs),
        missed: full!.missed,
        failedRefetches: full!.failed,
      },
      postgres: {
        counts: "pg_stat_database of the bench database: transactions committed, rows returned by scans, rows fetched by index, rows written, buffer hits and reads; per release, minus the idle subscribers' background",
        perReleaseNoSubscriber: pgBaseline,
        perReleaseSignalOnly: pgSignal,
        perReleaseRefetching: pgFull,
        extraPerReleaseSignalOnly: extra(pgSignal),
        extraPerReleaseRefetching: extra(pgFull),
        idlePerSecond: Object.fromEntries(COUNTERS.map((k) => [k, Math.round(idlePerSecond(k) * 10) / 10])),
      },
      sessionPage: {
        view: "session.get",
        none,
        withSubscribers: pageWith,
        /** Mean with subscribers over mean with none. */
        ratio: mean(pageWith) / mean(none),
        /** Largest over smallest of the four measurements: the machine's drift, for judging the ratio. */
        spread: Math.max(...[...none, ...pageWith].map((r) => r.reqPerSec)) / Math.min(...[...none, ...pageWith].map((r) => r.reqPerSec)),
      },
    };
  } finally {
    await Promise.all(subscribers.map((s) => s.close()));
    // Back to the generated levels, and the fan-out delegates' seats removed: the world as it was
    // (but for the releases' revisions and audit entries).
    for (const s of picked) {
      await bench.query(`UPDATE "Stance" SET "releaseLevel" = $2::"ReleaseLevel", "releasedAt" = $3::timestamp(3) WHERE id = $1`, [s.id, s.releaseLevel, s.releasedAt]);
    }
    await removeFanoutDelegates(o.db, o.world).catch(() => undefined);
    await bench.end();
    await admin.end();
  }
}
