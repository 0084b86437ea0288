import { describe, expect, it } from "vitest";
import { ChangeAwareCache, Lru, StampedCache, resetCaches } from "@/server/changes/cache";

// The cache's rules with a stand-in for the feed's state; tests/integration/change-feed.test.ts
// drives the same cache with PostgreSQL's real notifications.
function setup(live = true) {
  const feed = { live, generation: 0 };
  const cache = new ChangeAwareCache<string>("trilogue_viewer", 3, () => feed);
  let reads = 0;
  const read = (value: string) => async () => {
    reads++;
    return value;
  };
  return { feed, cache, read, reads: () => reads };
}

describe("ChangeAwareCache", () => {
  it("reads every time without a listening feed", async () => {
    const { cache, read, reads } = setup(false);
    await cache.get("u1", read("a"));
    await cache.get("u1", read("a"));
    expect(reads()).toBe(2);
    expect(cache.size).toBe(0);
    const none = new ChangeAwareCache<string>("trilogue_viewer", 3, () => null);
    await none.get("u1", read("a"));
    await none.get("u1", read("a"));
    expect(reads()).toBe(4);
  });

  it("holds a value while the feed listens, until its key is invalidated", async () => {
    const { cache, read, reads } = setup();
    expect(await cache.get("u1", read("a"))).toBe("a");
    expect(await cache.get("u1", read("b"))).toBe("a");
    expect(reads()).toBe(1);
    cache.invalidate("u2");
    expect(await cache.get("u1", read("b"))).toBe("a");
    cache.invalidate("u1");
    expect(await cache.get("u1", read("b"))).toBe("b");
    expect(reads()).toBe(2);
  });

  it("does not keep a value read while a change was announced", async () => {
    const { feed, cache, reads } = setup();
    let release!: (v: string) => void;
    let count = 0;
    const slow = () => {
      count++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const pending = cache.get("u1", slow);
    // A notification (any key) or a local write arrives while the read is under way.
    feed.generation++;
    release("before the change");
    expect(await pending).toBe("before the change");
    expect(cache.has("u1")).toBe(false);
    const again = cache.get("u1", slow);
    release("after the change");
    expect(await again).toBe("after the change");
    expect(cache.has("u1")).toBe(true);
    expect(count).toBe(2);
    expect(reads()).toBe(0);
  });

  it("does not keep a value when the feed stopped listening during the read, and drops everything on clear", async () => {
    const { feed, cache, read } = setup();
    const pending = cache.get("u1", async () => {
      feed.live = false;
      return "x";
    });
    expect(await pending).toBe("x");
    expect(cache.has("u1")).toBe(false);
    feed.live = true;
    await cache.get("u1", read("a"));
    await cache.get("u2", read("b"));
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("is bounded, evicting the least recently used", async () => {
    const { cache, read } = setup();
    for (const k of ["a", "b", "c"]) await cache.get(k, read(k));
    await cache.get("a", read("a")); // a is now the most recent
    await cache.get("d", read("d"));
    expect(cache.size).toBe(3);
    expect(cache.has("b")).toBe(false);
    expect(cache.has("a") && cache.has("c") && cache.has("d")).toBe(true);
  });
});

describe("Lru", () => {
  it("drops the least recently used entry first, counting reads as use", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.has("a")).toBe(true);
    expect(lru.has("b")).toBe(false);
    expect(lru.size).toBe(2);
  });
});

describe("resetCaches", () => {
  it("empties both kinds of cache", async () => {
    const feed = { live: true, generation: 0 };
    const aware = new ChangeAwareCache<string>("trilogue_viewer", 3, () => feed);
    const stamped = new StampedCache(3);
    await aware.get("k", async () => "v");
    await stamped.get("k", "1", async () => "v");
    expect(aware.size + stamped.size).toBe(2);
    resetCaches();
    expect(aware.size + stamped.size).toBe(0);
  });
});
