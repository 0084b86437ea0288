import { registerCache, runningChangeFeed, type ChangeChannel, type FeedState, type Invalidatable } from "@/server/changes/feed";

// Every in-process cache of values derived from the database is one of the two kinds below, both
// bounded by the one LRU here, and all emptied by resetCaches() (tests).

/** Everything this module made, so that resetCaches() reaches it. */
const everyCache = new Set<{ clear(): void }>();

/** Empties every cache (tests; the feed empties the change-aware ones itself, see ./feed.ts). */
export function resetCaches(): void {
  for (const cache of everyCache) cache.clear();
}

/** A map of at most `maxEntries`, the least recently used dropped first. */
export class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {}

  /** The value, now the most recently used; undefined when not held. */
  get(key: string): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A bounded cache of values read from the database, kept only while PostgreSQL's change feed is
 * listening and emptied by its notifications (rules in ./feed.ts). Without a listening feed it
 * is a pass-through: every `get` reads.
 */
export class ChangeAwareCache<V> implements Invalidatable {
  private readonly entries: Lru<V>;

  constructor(
    readonly channel: ChangeChannel,
    maxEntries: number,
    private readonly feed: () => FeedState | null = runningChangeFeed,
  ) {
    this.entries = new Lru(maxEntries);
    registerCache(this);
    everyCache.add(this);
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const feed = this.feed();
    if (!feed?.live) return load();
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const generation = feed.generation;
    const value = await load();
    // Kept only if nothing was announced while it was read.
    if (feed.live && feed.generation === generation) this.entries.set(key, value);
    return value;
  }

  invalidate(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }
}

/**
 * Values computed under a stamp (a version the database bumps on every change of what they were
 * computed from): an entry is served only while the caller's current stamp is the one it was
 * computed under. The stamp must be read *before* computing, so an entry is never older than its
 * stamp. Concurrent misses for one key and stamp compute once.
 */
export class StampedCache {
  private readonly entries: Lru<{ stamp: string; value: unknown }>;
  private readonly pending = new Map<string, { stamp: string; value: Promise<unknown> }>();

  constructor(maxEntries: number) {
    this.entries = new Lru(maxEntries);
    everyCache.add(this);
  }

  /** `isFresh`: for values that also age with the clock, whether a held one still holds now. */
  async get<T>(key: string, stamp: string, compute: () => Promise<T>, isFresh?: (value: T) => boolean): Promise<T> {
    const held = this.entries.get(key);
    if (held && held.stamp === stamp && (!isFresh || isFresh(held.value as T))) return held.value as T;
    const running = this.pending.get(key);
    if (running && running.stamp === stamp) return running.value as Promise<T>;
    const value = compute();
    this.pending.set(key, { stamp, value });
    try {
      const result = await value;
      this.entries.set(key, { stamp, value: result });
      return result;
    } finally {
      if (this.pending.get(key)?.value === value) this.pending.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.pending.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
