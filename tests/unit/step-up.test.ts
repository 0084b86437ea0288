import { describe, expect, it } from "vitest";
import { STEP_UP_WINDOW_MS, stepUpFresh } from "@/server/auth/step-up";

describe("stepUpFresh", () => {
  const now = Date.UTC(2026, 11, 4, 12, 0, 0);
  it("accepts an authentication inside the last 15 minutes", () => {
    expect(stepUpFresh(now, now)).toBe(true);
    expect(stepUpFresh(now - STEP_UP_WINDOW_MS + 1, now)).toBe(true);
  });
  it("refuses one 15 minutes old or older, or none", () => {
    expect(stepUpFresh(now - STEP_UP_WINDOW_MS, now)).toBe(false);
    expect(stepUpFresh(now - 60 * 60_000, now)).toBe(false);
    expect(stepUpFresh(undefined, now)).toBe(false);
    expect(stepUpFresh(null, now)).toBe(false);
    expect(stepUpFresh(Number.NaN, now)).toBe(false);
  });
  it("counts a time in the future as now, not as forever", () => {
    expect(stepUpFresh(now + 60 * 60_000, now)).toBe(true);
    expect(stepUpFresh(now + 60 * 60_000, now + 60 * 60_000 + STEP_UP_WINDOW_MS)).toBe(false);
  });
});
