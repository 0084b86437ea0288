import { describe, expect, it } from "vitest";
import { defaultScale } from "@/lib/scales";

describe("defaultScale", () => {
  it("gives propositions a −3…+3 scale from strongly oppose to strongly support", () => {
    expect(defaultScale("PROPOSITION")).toEqual({
      min: -3,
      max: 3,
      labels: [
        "Strongly oppose",
        "Oppose",
        "Somewhat oppose",
        "Neutral",
        "Somewhat support",
        "Support",
        "Strongly support",
      ],
    });
  });

  it("gives deterrence criteria a 0…3 scale from not required to essential", () => {
    expect(defaultScale("DETERRENCE_CRITERION")).toEqual({
      min: 0,
      max: 3,
      labels: ["Not required", "Desirable", "Important", "Essential"],
    });
  });

  it.each(["PROPOSITION", "DETERRENCE_CRITERION"] as const)("labels every point of the %s scale once", (kind) => {
    const scale = defaultScale(kind);
    expect(scale.labels).toHaveLength(scale.max - scale.min + 1);
    expect(new Set(scale.labels).size).toBe(scale.labels.length);
  });

  it("returns a fresh copy, so editing one issue's labels leaves the defaults alone", () => {
    const first = defaultScale("PROPOSITION");
    first.labels[0] = "Edited";
    expect(defaultScale("PROPOSITION").labels[0]).toBe("Strongly oppose");
  });
});
