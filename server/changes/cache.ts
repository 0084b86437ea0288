import { registerCache, runningChangeFeed, type ChangeChannel, type FeedState, type Invalidatable } from "@/server/changes/feed";

/**
 * A bounded cache of values read from the database, kept only while PostgreSQL's change feed is
 * listening and emptied by its notifications (rules in ./feed.ts). Without a listening feed it
 * is a pass-through: every `get` reads.
 */
export class ChangeAwareCache<V> implements Invalidatable {
  private readonly entries = new Map<string, V>();

  constructor(
    readonly channel: ChangeChannel,
    private readonly maxEntries: number,
    private readonly feed: () => FeedState | null = runningChangeFeed,
  ) {
    registerCache(this);
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const feed = this.feed();
    if (!feed?.live) return load();
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      // Most recently used last, for eviction.
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const generation = feed.generation;
    const value = await load();
    // Kept only if nothing was announced while it was read.
    if (feed.live && feed.generation === generation) {
      this.entries.set(key, value);
      while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
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
