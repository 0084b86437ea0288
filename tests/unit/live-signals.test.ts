import { describe, expect, it } from "vitest";
import { distinctSignals, inScope, parseSignal, StreamBudget, type Signal } from "@/server/live/signals";

const signal = (over: Partial<Signal> = {}): Signal => ({ kind: "stance", id: "st1", sessionId: "s1", seriesId: "r1", ...over });

describe("parseSignal", () => {
  it("reads the trigger's payload", () => {
    expect(parseSignal('{"k":"stance","i":"st1","s":"s1","r":"r1"}')).toEqual(signal());
    expect(parseSignal('{"k":"issue","i":"i1","s":null,"r":"r1"}')).toEqual({ kind: "issue", id: "i1", sessionId: null, seriesId: "r1" });
  });

  it("drops anything malformed", () => {
    for (const bad of ["", "not json", "null", "[]", '{"k":"stance","i":"st1","s":"s1"}', '{"k":"","i":"x","r":"r"}', '{"k":"a","i":1,"r":"r"}', '{"k":"a","i":"x","s":5,"r":"r"}']) {
      expect(parseSignal(bad)).toBeNull();
    }
  });
});

describe("inScope", () => {
  it("a series stream hears its whole series and nothing else", () => {
    const scope = { seriesId: "r1", sessionId: null };
    expect(inScope(scope, signal())).toBe(true);
    expect(inScope(scope, signal({ sessionId: null }))).toBe(true);
    expect(inScope(scope, signal({ seriesId: "r2" }))).toBe(false);
  });

  it("a session stream hears its session and the series-level objects", () => {
    const scope = { seriesId: "r1", sessionId: "s1" };
    expect(inScope(scope, signal())).toBe(true);
    expect(inScope(scope, signal({ kind: "issue", sessionId: null }))).toBe(true);
    expect(inScope(scope, signal({ sessionId: "s2" }))).toBe(false);
    expect(inScope(scope, signal({ seriesId: "r2", sessionId: null }))).toBe(false);
  });
});

describe("distinctSignals", () => {
  it("keeps each object once", () => {
    expect(distinctSignals([signal(), signal(), signal({ id: "st2" }), signal({ kind: "stanceRevision" })])).toHaveLength(3);
  });
});

describe("StreamBudget", () => {
  it("bounds open streams per person and frees them", () => {
    const budget = new StreamBudget(2);
    expect(budget.take("u")).toBe(true);
    expect(budget.take("u")).toBe(true);
    expect(budget.take("u")).toBe(false);
    expect(budget.take("v")).toBe(true);
    budget.give("u");
    expect(budget.count("u")).toBe(1);
    expect(budget.take("u")).toBe(true);
  });
});
