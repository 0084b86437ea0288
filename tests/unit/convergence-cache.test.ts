import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { resetCaches } from "@/server/changes/cache";
import { cachedAcrossSeries, cachedForSeries, trackerCacheSize, visibilityClass } from "@/server/services/tracker/cache";

const viewer = (memberships: Viewer["memberships"]): Viewer => ({ userId: "u", email: "u@x", name: "U", isAdmin: false, memberships });
const m = (seriesId: string, role: Viewer["memberships"][number]["role"], partyId: string | null = null) => ({ membershipId: `${seriesId}${role}`, seriesId, role, partyId });

describe("tracker cache visibility class", () => {
  it("shares figures only between viewers every access fragment treats alike in the series", () => {
    expect(visibilityClass(viewer([m("s", "DELEGATE", "JP")]), "s")).toBe("DELEGATE:JP");
    expect(visibilityClass(viewer([m("s", "DELEGATE", "KR")]), "s")).not.toBe(visibilityClass(viewer([m("s", "DELEGATE", "JP")]), "s"));
    expect(visibilityClass(viewer([m("s", "CONVENOR")]), "s")).not.toBe(visibilityClass(viewer([m("s", "OBSERVER")]), "s"));
    // Memberships elsewhere do not matter: every fragment is narrowed to the series.
    expect(visibilityClass(viewer([m("s", "OBSERVER"), m("t", "DELEGATE", "US")]), "s")).toBe(visibilityClass(viewer([m("s", "OBSERVER")]), "s"));
  });

  it("never shares a scholar's or a non-member's figures", () => {
    expect(visibilityClass(viewer([m("s", "SCHOLAR")]), "s")).toBeNull();
    expect(visibilityClass(viewer([m("t", "CONVENOR")]), "s")).toBeNull();
  });
});

describe("tracker cache entries", () => {
  /** A stand-in for the database: only the stamp lookup is ever sent. */
  const stamps = new Map<string, string | null>();
  const fakeDb = {
    $queryRaw: async (sql: { values: unknown[] }) => {
      const s = stamps.get(sql.values[0] as string);
      return s ? [{ tracker: s, content: `${s}+content` }] : [];
    },
  } as unknown as Db;
  const jp = viewer([m("s", "DELEGATE", "JP")]);
  let computed = 0;
  const compute = async () => ({ n: ++computed });

  beforeEach(() => {
    resetCaches();
    stamps.clear();
    computed = 0;
  });

  it("serves the held value while the stamp is unchanged and recomputes when it moves", async () => {
    stamps.set("s", "1@t");
    const a = await cachedForSeries(fakeDb, jp, "s", "x", compute);
    expect(await cachedForSeries(fakeDb, jp, "s", "x", compute)).toBe(a);
    stamps.set("s", "2@t");
    const b = await cachedForSeries(fakeDb, jp, "s", "x", compute);
    expect(b).not.toBe(a);
    expect(computed).toBe(2);
  });

  it("never holds a series without a stamp, a scholar's figures or another class's", async () => {
    await cachedForSeries(fakeDb, jp, "s", "x", compute);
    await cachedForSeries(fakeDb, jp, "s", "x", compute);
    expect(computed).toBe(2);
    expect(trackerCacheSize()).toBe(0);
    stamps.set("s", "1@t");
    const scholar = viewer([m("s", "SCHOLAR")]);
    await cachedForSeries(fakeDb, scholar, "s", "x", compute);
    await cachedForSeries(fakeDb, scholar, "s", "x", compute);
    expect(computed).toBe(4);
    const mine = await cachedForSeries(fakeDb, jp, "s", "x", compute);
    const kr = await cachedForSeries(fakeDb, viewer([m("s", "DELEGATE", "KR")]), "s", "x", compute);
    expect(kr).not.toBe(mine);
  });

  it("computes once for concurrent misses and stays bounded", async () => {
    stamps.set("s", "1@t");
    const [a, b] = await Promise.all([cachedForSeries(fakeDb, jp, "s", "x", compute), cachedForSeries(fakeDb, jp, "s", "x", compute)]);
    expect(a).toBe(b);
    expect(computed).toBe(1);
    for (let i = 0; i < 200; i++) {
      stamps.set(`s${i}`, "1@t");
      await cachedForSeries(fakeDb, viewer([m(`s${i}`, "OBSERVER")]), `s${i}`, "x", compute);
    }
    expect(trackerCacheSize()).toBe(64);
  });

  it("shares a view across series only between viewers of the same classes in all of them, under all their stamps", async () => {
    stamps.set("s", "1@t");
    stamps.set("t", "1@t");
    const jpBoth = viewer([m("s", "DELEGATE", "JP"), m("t", "OBSERVER")]);
    const a = await cachedAcrossSeries(fakeDb, jpBoth, "d", compute);
    expect(await cachedAcrossSeries(fakeDb, viewer([m("t", "OBSERVER"), m("s", "DELEGATE", "JP")]), "d", compute)).toBe(a);
    // Another class in one of them, or one series fewer: never the same entry.
    expect(await cachedAcrossSeries(fakeDb, viewer([m("s", "DELEGATE", "JP"), m("t", "CONVENOR")]), "d", compute)).not.toBe(a);
    expect(await cachedAcrossSeries(fakeDb, viewer([m("s", "DELEGATE", "JP")]), "d", compute)).not.toBe(a);
    // A scholar anywhere: computed every time.
    const withScholar = viewer([m("s", "DELEGATE", "JP"), m("u", "SCHOLAR")]);
    stamps.set("u", "1@t");
    expect(await cachedAcrossSeries(fakeDb, withScholar, "d", compute)).not.toBe(await cachedAcrossSeries(fakeDb, withScholar, "d", compute));
    // Either series changing: a new value.
    stamps.set("t", "2@t");
    expect(await cachedAcrossSeries(fakeDb, jpBoth, "d", compute)).not.toBe(a);
  });

  it("recomputes a held view that the clock has made stale", async () => {
    stamps.set("s", "1@t");
    let fresh = true;
    const a = await cachedAcrossSeries(fakeDb, jp, "d", compute, () => fresh);
    expect(await cachedAcrossSeries(fakeDb, jp, "d", compute, () => fresh)).toBe(a);
    fresh = false;
    expect(await cachedAcrossSeries(fakeDb, jp, "d", compute, () => fresh)).not.toBe(a);
  });
});
