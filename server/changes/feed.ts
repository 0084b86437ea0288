import pg from "pg";

/**
 * PostgreSQL's change notifications (LISTEN/NOTIFY), so in-process caches can serve a value only
 * while the database still says the same (migration change_notifications).
 *
 * The rules every cache built on this follows (./cache.ts):
 * - No feed, or a feed that is not listening right now: no cache at all, every read goes to the
 *   database (integration tests and scripts never start one; a lost connection falls back).
 * - Listening starts, stops or is lost: every cache is emptied (notifications may have been
 *   missed meanwhile).
 * - A notification empties the entries it names (or all, for "*").
 * - A mutation that ends in this process empties every cache before its answer is sent, so the
 *   writer and everyone after them read the new state here at once; writes by other processes
 *   (another server, the user:admin command) show within the notification's delay, milliseconds
 *   on a local database.
 * - A value read from the database is kept only if no notification, reset or local write happened
 *   while it was read (the generation did not move), so a slow read can never store a value older
 *   than a change it overlapped.
 */

export type ChangeChannel = "trilogue_viewer" | "trilogue_series";
/** Live signals for subscribers (server/live/), heard on the same connection; they empty no cache. */
export const LIVE_CHANNEL = "trilogue_live";
const CHANNELS = ["trilogue_viewer", "trilogue_series", LIVE_CHANNEL];

/**
 * What the live hub hears: a signal's raw payload, or "resync" when listening (re)starts, after which
 * anything may have been missed and every subscriber must refetch all it shows.
 */
export type LiveListener = (payload: string | "resync") => void;

/**
 * Staleness is bounded, not hoped for. A heartbeat (SELECT 1) goes down the listening connection
 * every BEAT_MS; PostgreSQL delivers every notification committed before it ahead of its answer,
 * so an answered beat proves nothing was missed up to the moment it was sent. Caches are served
 * only while the last such proof is at most FRESH_MS old; a connection that stopped answering
 * (a frozen backend, a silent network) makes every read go to the database within that bound,
 * and a beat unanswered for TIMEOUT_MS drops the connection and reconnects.
 */
export type FeedTiming = { beatMs: number; freshMs: number; timeoutMs: number };
export const FEED_TIMING: FeedTiming = { beatMs: 500, freshMs: 2_000, timeoutMs: 5_000 };
const RETRY_MS = 2_000;

/** Something that holds values derived from the database and can drop them. */
export interface Invalidatable {
  readonly channel: ChangeChannel;
  invalidate(key: string): void;
  clear(): void;
}

/** What a cache needs to know of the feed. */
export interface FeedState {
  readonly live: boolean;
  readonly generation: number;
}

type Registry = { caches: Set<Invalidatable>; feed: ChangeFeed | null; live?: Set<LiveListener> };
// On globalThis so that a dev server's hot reloads share one connection and one registry.
const globalForChanges = globalThis as unknown as { trilogueChanges?: Registry };
const registry: Registry = (globalForChanges.trilogueChanges ??= { caches: new Set(), feed: null });

/** Listens to live signals on this process's feed; returns the function that stops listening. */
export function listenLive(listener: LiveListener): () => void {
  const listeners = (registry.live ??= new Set());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function tellLive(payload: string): void {
  for (const listener of registry.live ?? []) {
    try {
      listener(payload);
    } catch {
      // One subscriber's failure is its own; the others still hear.
    }
  }
}

/** Registers a cache to be emptied by notifications on its channel and by every reset. */
export function registerCache(cache: Invalidatable): void {
  registry.caches.add(cache);
}

export class ChangeFeed implements FeedState {
  generation = 0;
  private connected = false;
  /** When the newest answered heartbeat (or LISTEN) was sent: nothing was missed before it. */
  private confirmedAt = 0;
  private beating = false;
  private client: pg.Client | null = null;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private readyWaiters: (() => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly timing: FeedTiming = FEED_TIMING,
  ) {}

  /** Listening, and proven current within the staleness bound: only then may caches serve. */
  get live(): boolean {
    return this.connected && Date.now() - this.confirmedAt <= this.timing.freshMs;
  }

  start(): this {
    void this.connect();
    return this;
  }

  /** Resolves once listening (for tests and warm-up); never rejects, keeps retrying. */
  ready(): Promise<void> {
    if (this.live) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Empties every cache: called when a mutation in this process ends, before its answer is sent. */
  localWrite(): void {
    this.reset();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.drop();
    if (client) await client.end().catch(() => undefined);
  }

  private reset(): void {
    this.generation++;
    for (const cache of registry.caches) cache.clear();
  }

  private dispatch(channel: string, payload: string | undefined): void {
    if (channel === LIVE_CHANNEL) {
      if (payload) tellLive(payload);
      return;
    }
    this.generation++;
    for (const cache of registry.caches) {
      if (cache.channel !== channel) continue;
      if (!payload || payload === "*") cache.clear();
      else cache.invalidate(payload);
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.url,
      // The kernel notices a dead peer too; the heartbeat bounds what it does not notice.
      keepAlive: true,
      keepAliveInitialDelayMillis: 5_000,
      application_name: "trilogue-change-feed",
    });
    this.client = client;
    client.on("notification", (n) => this.dispatch(n.channel, n.payload));
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      const listenedAt = Date.now();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
      if (this.client !== client || this.stopped) return;
      // Whatever was cached before this connection listened may have missed a notification.
      this.reset();
      this.confirmedAt = listenedAt;
      this.connected = true;
      this.heartbeat = setInterval(() => void this.beat(client), this.timing.beatMs);
      this.heartbeat.unref();
      // Live subscribers may have missed signals while nobody listened: they refetch.
      tellLive("resync");
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    } catch {
      this.lost(client);
    }
  }

  /** A connection that stopped answering is treated as lost, so caches fall back to the database. */
  private async beat(client: pg.Client): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    const sentAt = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.query("SELECT 1"),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("change feed heartbeat timed out")), this.timing.timeoutMs);
        }),
      ]);
      if (this.client !== client) return;
      // Back from a stretch without proof: caches were not served meanwhile, and what they hold
      // may predate a notification delivered only now; start them afresh.
      if (!this.live) this.reset();
      this.confirmedAt = Math.max(this.confirmedAt, sentAt);
      // Back to live on the same connection (a stall shorter than the timeout): whoever waits in
      // ready() is told now, not only after a reconnect.
      if (this.live) for (const resolve of this.readyWaiters.splice(0)) resolve();
    } catch {
      this.lost(client);
    } finally {
      clearTimeout(timer);
      this.beating = false;
    }
  }

  private drop(): void {
    this.connected = false;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.retry) clearTimeout(this.retry);
    this.heartbeat = null;
    this.retry = null;
    this.reset();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.drop();
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.retry = setTimeout(() => void this.connect(), RETRY_MS);
    this.retry.unref();
  }
}

/** The running feed, if this process started one (the web server does; tests and scripts may). */
export function runningChangeFeed(): ChangeFeed | null {
  return registry.feed;
}

/** Starts this process's feed once; later calls return the same one. */
export function startChangeFeed(url: string, timing: FeedTiming = FEED_TIMING): ChangeFeed {
  registry.feed ??= new ChangeFeed(url, timing).start();
  return registry.feed;
}

/** Stops and forgets the feed (tests). */
export async function stopChangeFeed(): Promise<void> {
  const feed = registry.feed;
  registry.feed = null;
  await feed?.stop();
}
