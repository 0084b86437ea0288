import { describe, expect, it } from "vitest";
import { quantile, scholarPanel } from "@/server/domain/convergence/panel";

describe("scholar panel", () => {
  it("interpolates quartiles linearly (type 7)", () => {
    // h = (n-1)p: for [1,2,4,7], q1 at h=0.75 → 1 + 0.75·1 = 1.75; q3 at h=2.25 → 4 + 0.25·3 = 4.75.
    expect(quantile([1, 2, 4, 7], 0.25)).toBeCloseTo(1.75);
    expect(quantile([1, 2, 4, 7], 0.75)).toBeCloseTo(4.75);
    expect(quantile([1, 2, 4, 7], 0.5)).toBeCloseTo(3);
  });

  it("finds consensus only with at least three assessments within one step", () => {
    expect(scholarPanel([1, 2, 2])).toMatchObject({ count: 3, median: 2, q1: 1.5, q3: 2, iqr: 0.5, consensus: true });
    expect(scholarPanel([1, 2]).consensus).toBe(false);
    // [-2, 0, 1, 3]: q1 = -0.5, q3 = 1.5, IQR 2 → no consensus.
    expect(scholarPanel([3, -2, 1, 0])).toMatchObject({ q1: -0.5, q3: 1.5, iqr: 2, consensus: false });
  });

  it("is stable when the median moved less than one step since the previous round", () => {
    // Median 2 against 1.5 before: half a step, stable; 3 against 1: not.
    expect(scholarPanel([1, 2, 2, 3], [1, 1, 2, 2])).toMatchObject({ median: 2, stable: true, previousMedian: 1.5 });
    expect(scholarPanel([2, 3, 3], [1, 1, 2]).stable).toBe(false);
    expect(scholarPanel([2, 3, 3]).stable).toBeNull();
    expect(scholarPanel([]).median).toBeNull();
  });
});
