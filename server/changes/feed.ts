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
const CHANNELS: ChangeChannel[] = ["trilogue_viewer", "trilogue_series"];

const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
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

type Registry = { caches: Set<Invalidatable>; feed: ChangeFeed | null };
// On globalThis so that a dev server's hot reloads share one connection and one registry.
const globalForChanges = globalThis as unknown as { trilogueChanges?: Registry };
const registry: Registry = (globalForChanges.trilogueChanges ??= { caches: new Set(), feed: null });

/** Registers a cache to be emptied by notifications on its channel and by every reset. */
export function registerCache(cache: Invalidatable): void {
  registry.caches.add(cache);
}

export class ChangeFeed implements FeedState {
  live = false;
  generation = 0;
  private client: pg.Client | null = null;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private readyWaiters: (() => void)[] = [];

  constructor(private readonly url: string) {}

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
    this.generation++;
    for (const cache of registry.caches) {
      if (cache.channel !== channel) continue;
      if (!payload || payload === "*") cache.clear();
      else cache.invalidate(payload);
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: "trilogue-change-feed" });
    this.client = client;
    client.on("notification", (n) => this.dispatch(n.channel, n.payload));
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
      if (this.client !== client || this.stopped) return;
      // Whatever was cached before this connection listened may have missed a notification.
      this.reset();
      this.live = true;
      this.heartbeat = setInterval(() => void this.beat(client), HEARTBEAT_MS);
      this.heartbeat.unref();
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    } catch {
      this.lost(client);
    }
  }

  /** A connection that stopped answering is treated as lost, so caches fall back to the database. */
  private async beat(client: pg.Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.query("SELECT 1"),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("change feed heartbeat timed out")), HEARTBEAT_TIMEOUT_MS);
        }),
      ]);
    } catch {
      this.lost(client);
    } finally {
      clearTimeout(timer);
    }
  }

  private drop(): void {
    this.live = false;
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
export function startChangeFeed(url: string): ChangeFeed {
  registry.feed ??= new ChangeFeed(url).start();
  return registry.feed;
}

/** Stops and forgets the feed (tests). */
export async function stopChangeFeed(): Promise<void> {
  const feed = registry.feed;
  registry.feed = null;
  await feed?.stop();
}
