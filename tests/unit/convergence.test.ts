import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carryForward, positionKey } from "@/server/domain/convergence/carry";
import { deterrenceProfile } from "@/server/domain/convergence/deterrence";
import { issueFigures, normalise, outlierOf, pairwiseSteps, type PartyPosition } from "@/server/domain/convergence/figures";
import { issueTimeline, sessionSummary, type StanceRecord } from "@/server/domain/convergence/timeline";

const LIKERT = { min: -3, max: 3 }; // 6 steps
const CRITERION = { min: 0, max: 3 }; // 3 steps
const THREE = ["US", "JP", "KR"];

const pos = (partyId: string, position: number, extra: Partial<PartyPosition> = {}): PartyPosition => ({
  partyId,
  position,
  redLine: false,
  priority: 2,
  carried: false,
  ...extra,
});

describe("normalisation and distances", () => {
  it("normalises over the issue's scale", () => {
    expect(normalise(-3, LIKERT)).toBe(0);
    expect(normalise(0, LIKERT)).toBe(0.5);
    expect(normalise(3, LIKERT)).toBe(1);
    expect(normalise(2, CRITERION)).toBeCloseTo(2 / 3, 12);
  });

  it("measures pairwise distances in whole steps", () => {
    expect(pairwiseSteps([pos("US", 2), pos("JP", -1), pos("KR", 0)])).toEqual([
      { a: "US", b: "JP", steps: 3 },
      { a: "US", b: "KR", steps: 2 },
      { a: "JP", b: "KR", steps: 1 },
    ]);
  });

  it("spread and agreement on a −3…3 scale: US 2, JP −1, KR 0", () => {
    const f = issueFigures(THREE, [pos("US", 2), pos("JP", -1), pos("KR", 0)], LIKERT, null);
    // steps 3, 2, 1 → spread 3 steps = 3/6; mean 2 steps = 2/6 → agreement 1 − 1/3.
    expect(f.spreadSteps).toBe(3);
    expect(f.spread).toBeCloseTo(0.5, 12);
    expect(f.agreement).toBeCloseTo(2 / 3, 12);
  });

  it("the same distances in steps mean different figures on scales of different widths", () => {
    const wide = issueFigures(["US", "JP"], [pos("US", 0), pos("JP", 2)], LIKERT, null);
    const narrow = issueFigures(["US", "JP"], [pos("US", 0), pos("JP", 2)], CRITERION, null);
    expect(wide.spreadSteps).toBe(2);
    expect(narrow.spreadSteps).toBe(2);
    expect(wide.agreement).toBeCloseTo(1 - 2 / 6, 12);
    expect(narrow.agreement).toBeCloseTo(1 - 2 / 3, 12);
    // Both are two steps apart: neither converged, whatever the width.
    expect(wide.status).toBe("STEADY");
    expect(narrow.status).toBe("STEADY");
    // One step on a 3-step scale is exactly within one step (no floating-point slip).
    expect(issueFigures(["US", "JP"], [pos("US", 1), pos("JP", 2)], CRITERION, null).status).toBe("CONVERGED");
  });
});

describe("status, first rule that applies", () => {
  it("INCOMPLETE when a party of the series has no position (missing stance)", () => {
    const f = issueFigures(THREE, [pos("US", 1), pos("JP", 1)], LIKERT, null);
    expect(f.status).toBe("INCOMPLETE");
    expect(f.missing).toEqual(["KR"]);
    expect(f.spreadSteps).toBe(0);
    expect(f.outlier).toBeNull();
    expect(issueFigures(THREE, [], LIKERT, null)).toMatchObject({ status: "INCOMPLETE", spreadSteps: null, agreement: null, weight: null });
  });

  it("ignores positions of parties outside the series", () => {
    expect(issueFigures(["US", "JP"], [pos("US", 1), pos("KR", 1)], LIKERT, null).status).toBe("INCOMPLETE");
  });

  it("BLOCKED when a red-line party has another party more than one step away, even when that beats CONVERGED rules", () => {
    const f = issueFigures(THREE, [pos("US", 0), pos("JP", 3, { redLine: true }), pos("KR", 2)], LIKERT, 4);
    expect(f.status).toBe("BLOCKED");
    expect(f.blockedBy).toBe("JP");
    // Exactly one step from the red line does not block: US 2, JP 3 (red line), KR 2 → CONVERGED.
    expect(issueFigures(THREE, [pos("US", 2), pos("JP", 3, { redLine: true }), pos("KR", 2)], LIKERT, null).status).toBe("CONVERGED");
  });

  it("CONVERGED when the spread is at most one step", () => {
    const f = issueFigures(THREE, [pos("US", 1), pos("JP", 2), pos("KR", 2)], LIKERT, 3);
    expect(f.status).toBe("CONVERGED");
    expect(f.agreement).toBeCloseTo(1 - (1 + 1 + 0) / 3 / 6, 12);
  });

  it("NARROWING, WIDENING and STEADY by the change of spread since the last comparable session", () => {
    const at = [pos("US", 2), pos("JP", 0), pos("KR", 0)]; // spread 2 steps
    expect(issueFigures(THREE, at, LIKERT, 3).status).toBe("NARROWING");
    expect(issueFigures(THREE, at, LIKERT, 1).status).toBe("WIDENING");
    expect(issueFigures(THREE, at, LIKERT, 2).status).toBe("STEADY");
    expect(issueFigures(THREE, at, LIKERT, null).status).toBe("STEADY");
  });
});

describe("outlier (three parties only)", () => {
  it("names the party two or more steps from both others who stand within one step of each other", () => {
    expect(outlierOf([pos("US", 3), pos("JP", 0), pos("KR", 1)])).toBe("US");
    expect(issueFigures(THREE, [pos("US", -2), pos("JP", 1), pos("KR", 1)], LIKERT, null).outlier).toBe("US");
  });

  it("names nobody when the other two are two steps apart or when the outlier is only one step from one", () => {
    expect(outlierOf([pos("US", 3), pos("JP", -1), pos("KR", 1)])).toBeNull(); // JP–KR two steps
    expect(outlierOf([pos("US", 2), pos("JP", 0), pos("KR", 1)])).toBeNull(); // US–KR one step
  });

  it("never applies to two parties", () => {
    expect(outlierOf([pos("US", 3), pos("JP", -3)])).toBeNull();
    expect(issueFigures(["US", "JP"], [pos("US", 3), pos("JP", -3)], LIKERT, null).outlier).toBeNull();
  });
});

describe("issueTimeline", () => {
  const rec = (sessionId: string, partyId: string, position: number, extra: Partial<StanceRecord> = {}): StanceRecord => ({
    issueId: "i1",
    sessionId,
    partyId,
    position,
    redLine: false,
    priority: 2,
    ...extra,
  });

  it("carries positions forward and marks them carried", () => {
    const records = [rec("s1", "US", 3), rec("s1", "JP", 0), rec("s2", "JP", 1)];
    const t = issueTimeline({ partyIds: ["US", "JP"], scale: LIKERT, sessionOrder: ["s1", "s2", "s3"], issueSessions: null, records });
    expect(t.map((p) => p.sessionId)).toEqual(["s1", "s2", "s3"]);
    expect(t[1]!.positions).toEqual([
      { partyId: "US", position: 3, redLine: false, priority: 2, carried: true },
      { partyId: "JP", position: 1, redLine: false, priority: 2, carried: false },
    ]);
    expect(t[2]!.positions.every((p) => p.carried)).toBe(true);
  });

  it("a two-party series: 3 steps → 2 → 2 → 1 → 3 reads STEADY, NARROWING, STEADY, CONVERGED, WIDENING", () => {
    const records = [
      rec("s1", "US", 3), rec("s1", "JP", 0),
      rec("s2", "JP", 1),
      // s3: nothing recorded; both carried, spread 2.
      rec("s4", "US", 2),
      rec("s5", "JP", -1),
    ];
    const t = issueTimeline({ partyIds: ["US", "JP"], scale: LIKERT, sessionOrder: ["s1", "s2", "s3", "s4", "s5"], issueSessions: null, records });
    expect(t.map((p) => [p.spreadSteps, p.status])).toEqual([
      [3, "STEADY"],
      [2, "NARROWING"],
      [2, "STEADY"],
      [1, "CONVERGED"],
      [3, "WIDENING"],
    ]);
    expect(t[4]!.agreement).toBeCloseTo(0.5, 12);
  });

  it("compares with the last earlier session that was not INCOMPLETE", () => {
    // s1: KR missing (INCOMPLETE, partial spread 1); s2: KR joins at 0 → spread 3, nothing comparable
    // before it → STEADY (not WIDENING from the INCOMPLETE s1); s4 (s3 not on the agenda): JP 0 → spread 3 vs 3 → STEADY;
    // s5: US 1 → spread 1 → CONVERGED.
    const records = [rec("s1", "US", 3), rec("s1", "JP", 2), rec("s2", "KR", 0), rec("s3", "US", 0), rec("s4", "JP", 0), rec("s5", "US", 1)];
    const t = issueTimeline({
      partyIds: THREE,
      scale: LIKERT,
      sessionOrder: ["s1", "s2", "s3", "s4", "s5"],
      issueSessions: new Set(["s1", "s2", "s4", "s5"]),
      records,
    });
    expect(t.map((p) => [p.sessionId, p.status, p.spreadSteps, p.previousSpreadSteps])).toEqual([
      ["s1", "INCOMPLETE", 1, null],
      ["s2", "STEADY", 3, null],
      // s3's US 0 is carried into s4: US 0, JP 0, KR 0.
      ["s4", "CONVERGED", 0, 3],
      ["s5", "CONVERGED", 1, 0],
    ]);
  });

  it("a missing stance leaves the issue INCOMPLETE until every party has a position, then compares from there", () => {
    const records = [rec("s1", "US", 3), rec("s2", "JP", -1), rec("s3", "JP", 0)];
    const t = issueTimeline({ partyIds: ["US", "JP"], scale: LIKERT, sessionOrder: ["s1", "s2", "s3"], issueSessions: null, records });
    expect(t.map((p) => p.status)).toEqual(["INCOMPLETE", "STEADY", "NARROWING"]);
    expect(t[0]!.missing).toEqual(["JP"]);
  });

  it("agrees with carryForward at every session (property)", () => {
    const sessions = ["s1", "s2", "s3", "s4"];
    const arbRecord = fc.record({
      sessionId: fc.constantFrom(...sessions),
      partyId: fc.constantFrom("US", "JP", "KR"),
      position: fc.integer({ min: -3, max: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbRecord, { selector: (r) => `${r.sessionId}/${r.partyId}` }), (raw) => {
        const records = raw.map((r) => rec(r.sessionId, r.partyId, r.position));
        const t = issueTimeline({ partyIds: THREE, scale: LIKERT, sessionOrder: sessions, issueSessions: new Set(sessions), records });
        for (const point of t) {
          const carried = carryForward(records, sessions, point.sessionId);
          for (const party of THREE) {
            const expected = carried.get(positionKey("i1", party));
            const got = point.positions.find((p) => p.partyId === party);
            expect(got?.position).toBe(expected?.record.position);
            expect(got?.carried).toBe(expected?.carried);
          }
        }
      }),
    );
  });
});

describe("sessionSummary", () => {
  it("weights each issue by the highest priority any party gives it", () => {
    const s = sessionSummary([
      { status: "CONVERGED", weight: 3 },
      { status: "WIDENING", weight: 1 },
      { status: "INCOMPLETE", weight: null }, // no position: weight 1
      { status: "CONVERGED", weight: 2 },
    ]);
    expect(s.share).toBeCloseTo(5 / 7, 12);
    expect(s.converged).toBe(2);
    expect(s.byStatus).toMatchObject({ CONVERGED: 2, WIDENING: 1, INCOMPLETE: 1 });
    expect(sessionSummary([]).share).toBeNull();
  });

  it("takes the weight from the highest priority among the positions", () => {
    const f = issueFigures(["US", "JP"], [pos("US", 1, { priority: 1 }), pos("JP", 1, { priority: 3 })], LIKERT, null);
    expect(f.weight).toBe(3);
  });
});

describe("deterrenceProfile", () => {
  it("finds the shared core (every party ≥ 2) and the gaps", () => {
    const p = deterrenceProfile(THREE, [
      { issueId: "umbrella", ratings: [{ partyId: "US", position: 3 }, { partyId: "JP", position: 3 }, { partyId: "KR", position: 2 }] },
      { issueId: "nsa", ratings: [{ partyId: "US", position: 1 }, { partyId: "JP", position: 3 }, { partyId: "KR", position: 2 }] },
      { issueId: "counterforce", ratings: [{ partyId: "US", position: 3 }, { partyId: "JP", position: 2 }] },
      { issueId: "none", ratings: [{ partyId: "US", position: 0 }, { partyId: "JP", position: 1 }, { partyId: "KR", position: 1 }] },
    ]);
    expect(p.sharedCore).toEqual(["umbrella"]);
    expect(p.gaps).toEqual(["nsa", "counterforce"]);
    expect(p.criteria[1]!.below).toEqual(["US"]);
    expect(p.criteria[2]!.below).toEqual(["KR"]);
    expect(p.criteria[2]!.cells[2]).toEqual({ partyId: "KR", rating: null });
    expect(p.criteria[3]).toMatchObject({ shared: false, gap: false, below: [] });
  });
});

describe("properties", () => {
  const scaleArb = fc
    .tuple(fc.integer({ min: -10, max: 9 }), fc.integer({ min: 1, max: 10 }))
    .map(([min, width]) => ({ min, max: Math.min(10, min + width) }));
  const caseArb = scaleArb.chain((scale) =>
    fc.record({
      scale: fc.constant(scale),
      parties: fc.integer({ min: 2, max: 3 }),
      positions: fc.array(fc.integer({ min: scale.min, max: scale.max }), { minLength: 3, maxLength: 3 }),
      redLines: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      previous: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    }),
  );
  const build = (c: { parties: number; positions: number[]; redLines: boolean[] }, ids = THREE) =>
    ids.slice(0, c.parties).map((id, i) => pos(id, c.positions[i]!, { redLine: c.redLines[i]! }));

  it("agreement and spread stay within [0, 1]", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const f = issueFigures(THREE.slice(0, c.parties), build(c), c.scale, c.previous);
        expect(f.agreement).not.toBeNull();
        expect(f.agreement!).toBeGreaterThanOrEqual(0);
        expect(f.agreement!).toBeLessThanOrEqual(1);
        expect(f.spread!).toBeGreaterThanOrEqual(0);
        expect(f.spread!).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("is unchanged when parties are relabelled and permuted", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 5 }), (c, k) => {
        const ids = THREE.slice(0, c.parties);
        const f = issueFigures(ids, build(c), c.scale, c.previous);
        const relabel = (id: string) => `party-${id.toLowerCase()}`;
        const permuted = [...build(c)].map((p) => ({ ...p, partyId: relabel(p.partyId) }));
        for (let i = 0; i < k; i++) permuted.push(permuted.shift()!);
        const newIds = [...ids].map(relabel).reverse();
        const g = issueFigures(newIds, permuted, c.scale, c.previous);
        expect(g.status).toBe(f.status);
        expect(g.spreadSteps).toBe(f.spreadSteps);
        expect(g.agreement).toBeCloseTo(f.agreement!, 12);
        expect(g.outlier).toBe(f.outlier === null ? null : relabel(f.outlier));
      }),
    );
  });

  it("every party at the same point is CONVERGED with agreement 1 (unless a missing party)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const ids = THREE.slice(0, c.parties);
        const same = ids.map((id, i) => pos(id, c.positions[0]!, { redLine: c.redLines[i]! }));
        const f = issueFigures(ids, same, c.scale, c.previous);
        expect(f.status).toBe("CONVERGED");
        expect(f.agreement).toBe(1);
        expect(f.spread).toBe(0);
        expect(f.outlier).toBeNull();
      }),
    );
  });
});
