import { describe, expect, it } from "vitest";
import { diffStats, inlineDiff, sideBySideDiff } from "@/lib/text-diff";

describe("text diff", () => {
  it("marks replaced words inline and keeps the rest", () => {
    const parts = inlineDiff("cap ICBMs first", "cap MRBMs first");
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["ICBMs"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["MRBMs"]);
    expect(parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe("cap ICBMs first");
  });

  it("pairs a replaced line with its replacement and leaves blanks for lone changes", () => {
    const rows = sideBySideDiff("a\nb\nc\n", "a\nB\nc\nd\n");
    expect(rows).toEqual([
      { left: { kind: "same", text: "a" }, right: { kind: "same", text: "a" } },
      { left: { kind: "removed", text: "b" }, right: { kind: "added", text: "B" } },
      { left: { kind: "same", text: "c" }, right: { kind: "same", text: "c" } },
      { left: null, right: { kind: "added", text: "d" } },
    ]);
  });

  it("counts words added and removed", () => {
    expect(diffStats("one two three", "one three four five")).toEqual({ added: 2, removed: 1 });
  });
});
