import { describe, expect, it } from "vitest";
import { formatPoint, formatPointLabel, isScale, pointCount, resizeLabels, samePoints, scalePoints, scaleProblems } from "@/lib/issue-scale";
import { defaultScale } from "@/lib/scales";
import { issueFormSchema } from "@/lib/schemas/issues";

describe("scalePoints and pointCount", () => {
  it("lists the points from min to max, both included", () => {
    expect(scalePoints(-3, 3)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(scalePoints(0, 3)).toEqual([0, 1, 2, 3]);
    expect(scalePoints(1, 2)).toEqual([1, 2]);
    expect(pointCount(-3, 3)).toBe(7);
    expect(pointCount(0, 10)).toBe(11);
  });

  it("is empty for a reversed or fractional range", () => {
    expect(scalePoints(3, 0)).toEqual([]);
    expect(scalePoints(0.5, 2)).toEqual([]);
  });
});

describe("scaleProblems", () => {
  it("accepts both default scales", () => {
    expect(scaleProblems(defaultScale("PROPOSITION"))).toEqual([]);
    expect(scaleProblems(defaultScale("DETERRENCE_CRITERION"))).toEqual([]);
  });

  it("accepts the smallest (2 points) and largest (11 points) scales", () => {
    expect(scaleProblems({ min: 0, max: 1, labels: ["No", "Yes"] })).toEqual([]);
    expect(scaleProblems({ min: -5, max: 5, labels: Array.from({ length: 11 }, (_, i) => `P${i}`) })).toEqual([]);
  });

  it("refuses min ≥ max on the highest point", () => {
    expect(scaleProblems({ min: 2, max: 2, labels: ["Only"] })).toEqual([{ field: "scaleMax", message: "The highest point must be above the lowest" }]);
    expect(scaleProblems({ min: 3, max: 0, labels: [] })[0]!.field).toBe("scaleMax");
  });

  it("refuses 12 points (−6…5) and counts them in the message", () => {
    expect(scaleProblems({ min: -6, max: 5, labels: Array.from({ length: 12 }, (_, i) => `P${i}`) })).toEqual([
      { field: "scaleMax", message: "A scale has at most 11 points (this one has 12)" },
    ]);
  });

  it("refuses fractional or out-of-bounds ends", () => {
    expect(scaleProblems({ min: 0.5, max: 3, labels: [] }).map((p) => p.field)).toEqual(["scaleMin"]);
    expect(scaleProblems({ min: 0, max: 11, labels: [] }).map((p) => p.field)).toEqual(["scaleMax"]);
    expect(scaleProblems({ min: -11, max: 12, labels: [] }).map((p) => p.field)).toEqual(["scaleMin", "scaleMax"]);
  });

  it("refuses a labels count other than the points (0…3 has 4 points)", () => {
    expect(scaleProblems({ min: 0, max: 3, labels: ["a", "b", "c"] })).toEqual([
      { field: "scaleLabels", message: "Give one label per point: 4 labels for 0 to 3, not 3" },
    ]);
  });

  it("points at each empty or duplicate label by its index and point", () => {
    expect(scaleProblems({ min: -1, max: 2, labels: ["Low", " ", "low", "High"] })).toEqual([
      { field: "scaleLabels", index: 1, message: "Label the point 0" },
      { field: "scaleLabels", index: 2, message: "Same label as the point -1" },
    ]);
  });
});

describe("resizeLabels", () => {
  it("keeps the labels of points that stay and leaves new points empty", () => {
    expect(resizeLabels(-1, ["No", "Maybe", "Yes"], 0, 2)).toEqual(["Maybe", "Yes", ""]);
    expect(resizeLabels(0, ["Not required", "Desirable", "Important", "Essential"], 0, 2)).toEqual(["Not required", "Desirable", "Important"]);
    expect(resizeLabels(0, ["a", "b"], -2, 1)).toEqual(["", "", "a", "b"]);
  });

  it("gives nothing for an invalid range", () => {
    expect(resizeLabels(0, ["a", "b"], 2, 1)).toEqual([]);
  });
});

describe("samePoints, isScale, formatPoint, formatPointLabel", () => {
  it("compares points but not wording", () => {
    expect(samePoints({ min: -3, max: 3 }, { min: -3, max: 3 })).toBe(true);
    expect(samePoints({ min: -3, max: 3 }, { min: -2, max: 3 })).toBe(false);
    const clarified = { ...defaultScale("PROPOSITION"), labels: defaultScale("PROPOSITION").labels.map((l, i) => (i === 3 ? "Undecided" : l)) };
    expect(isScale(clarified, defaultScale("PROPOSITION"))).toBe(false);
    expect(isScale(defaultScale("PROPOSITION"), defaultScale("PROPOSITION"))).toBe(true);
  });

  it("signs points only on scales with negative points", () => {
    expect([-3, 0, 3].map((p) => formatPoint(p, -3))).toEqual(["\u22123", "0", "+3"]);
    expect([0, 3].map((p) => formatPoint(p, 0))).toEqual(["0", "3"]);
  });

  it("writes a true minus sign, and never signs a criterion's 0…3", () => {
    expect([-2, 0, 2].map((p) => formatPoint(p, -3))).toEqual(["\u22122", "0", "+2"]);
    expect(formatPoint(-1, -3)).not.toContain("-");
    expect([0, 1, 2, 3].map((p) => formatPoint(p, 0)).join(" ")).not.toContain("+");
  });

  it("puts a point's label after it, or the point alone", () => {
    const scale = { scaleMin: -1, scaleLabels: ["Oppose", "Neutral", "Support"] };
    expect([-1, 0, 1].map((p) => formatPointLabel(p, scale))).toEqual(["\u22121 Oppose", "0 Neutral", "+1 Support"]);
    expect(formatPointLabel(2, scale)).toBe("+2");
    expect(formatPointLabel(3, { scaleMin: 0, scaleLabels: [] })).toBe("3");
  });
});

describe("issueFormSchema", () => {
  const valid = { title: "Forward-deployed forces", description: "", kind: "DETERRENCE_CRITERION", topic: "", scaleMin: 0, scaleMax: 3, scaleLabels: [" Not required ", "Desirable", "Important", "Essential"] };

  it("trims labels and accepts a valid issue", () => {
    const parsed = issueFormSchema.parse(valid);
    expect(parsed.scaleLabels[0]).toBe("Not required");
  });

  it("puts an empty label's error on that label's path", () => {
    const result = issueFormSchema.safeParse({ ...valid, scaleLabels: ["a", "", "c", "d"] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toEqual([["scaleLabels", 1]]);
  });
});
