import { describe, expect, it } from "vitest";
import { INT32_MAX, MAX_ARRAY_ITEMS, MAX_DEPTH, inputProblem } from "@/server/trpc/input-guard";

describe("inputProblem", () => {
  it("lets ordinary input through, nested and with real astral characters", () => {
    expect(inputProblem({ title: "Tokyo 東京 — 🇯🇵", version: 3, ids: ["a", "b"], at: new Date("2026-12-03"), on: true, none: null })).toBeNull();
    expect(inputProblem(undefined)).toBeNull();
    expect(inputProblem({ n: -INT32_MAX, d: 1.5 })).toBeNull();
  });

  it.each([
    ["a NUL byte in a value", { body: "x\u0000y" }, "body"],
    ["a NUL byte in a key", { ["k\u0000"]: 1 }, ""],
    ["a lone high surrogate", { title: "a\uD800b" }, "title"],
    ["a lone low surrogate at the start", { title: "\uDC00" }, "title"],
    ["an integer above PostgreSQL's range", { version: INT32_MAX + 1 }, "version"],
    ["an integer below it", { page: -2_147_483_649 }, "page"],
    ["NaN", { position: Number.NaN }, "position"],
    ["Infinity", { position: Number.POSITIVE_INFINITY }, "position"],
    ["a bigint", { cursor: 10n }, "cursor"],
    ["a far-past date", { seenAt: new Date("0001-01-01T00:00:00Z") }, "seenAt"],
    ["an invalid date", { seenAt: new Date(Number.NaN) }, "seenAt"],
    ["a list too long", { itemIds: Array.from({ length: MAX_ARRAY_ITEMS + 1 }, (_, i) => `id${i}`) }, "itemIds"],
    ["a deep string in a list", { a: [{ b: ["ok", "bad\u0000"] }] }, "a[0].b[1]"],
  ])("refuses %s and names where", (_name, input, path) => {
    const problem = inputProblem(input);
    expect(problem).not.toBeNull();
    expect(problem!.path).toBe(path);
  });

  it("refuses nesting beyond the bound without recursing", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(inputProblem(deep)?.message).toMatch(/nested too deeply/);
    let ok: unknown = "leaf";
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = { d: ok };
    expect(inputProblem(ok)).toBeNull();
  });
});
