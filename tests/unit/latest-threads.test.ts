import { describe, expect, it } from "vitest";
import { latestThreads } from "@/lib/comments/latest-threads";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 9, minute));
const top = (id: string, minute: number) => ({ id, parentId: null, createdAt: at(minute) });
const reply = (id: string, parentId: string, minute: number) => ({ id, parentId, createdAt: at(minute) });

describe("latestThreads", () => {
  it("keeps a short thread whole", () => {
    const rows = [top("a", 1), reply("a1", "a", 2), top("b", 3)];
    expect(latestThreads(rows, 2)).toEqual({ shown: rows, earlier: 0 });
  });

  it("keeps the most recently active top-level comments with all their replies, in the thread's order", () => {
    const rows = [top("a", 1), top("b", 2), reply("a1", "a", 3), top("c", 4), top("d", 5)];
    const { shown, earlier } = latestThreads(rows, 2);
    expect(shown.map((r) => r.id)).toEqual(["c", "d"]);
    expect(earlier).toBe(2);
    // A reply brings an old thread back into view, replies and all.
    const revived = [...rows, reply("a2", "a", 6)];
    const again = latestThreads(revived, 2);
    expect(again.shown.map((r) => r.id)).toEqual(["a", "a1", "d", "a2"]);
    expect(again.earlier).toBe(2);
  });

  it("shows exactly `limit` threads and counts the rest, whatever the size", () => {
    const rows = Array.from({ length: 200 }, (_, i) => top(`t${String(i).padStart(3, "0")}`, i));
    const { shown, earlier } = latestThreads(rows, 50);
    expect(shown).toHaveLength(50);
    expect(shown[0]!.id).toBe("t150");
    expect(earlier).toBe(150);
  });
});
