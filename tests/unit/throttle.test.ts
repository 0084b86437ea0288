import { describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT, THROTTLE_WINDOW_MS, minutesUntilFree } from "@/server/auth/throttle";

const now = new Date("2026-11-27T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("minutesUntilFree", () => {
  it("is 0 while fewer failures than the limit sit in the window", () => {
    expect(minutesUntilFree([minutesAgo(1), minutesAgo(2)], MAX_FAILURES_PER_ACCOUNT, now)).toBe(0);
  });

  it("waits until the limit-th most recent failure leaves the 15-minute window", () => {
    // Five failures 1..5 minutes ago: the fifth most recent (5 min ago) frees in 10 minutes.
    const failures = [1, 2, 3, 4, 5].map(minutesAgo);
    expect(minutesUntilFree(failures, 5, now)).toBe(10);
  });

  it("ignores order and counts from the most recent failures", () => {
    const failures = [14, 1, 13, 2, 3, 4].map(minutesAgo);
    // Most recent five: 1,2,3,4,13 → the 13-minute-old one frees in 2 minutes.
    expect(minutesUntilFree(failures, 5, now)).toBe(2);
  });

  it("never says 0 minutes while blocked", () => {
    const failures = [1, 2, 3, 4].map(minutesAgo).concat(new Date(now.getTime() - THROTTLE_WINDOW_MS + 1_000));
    expect(minutesUntilFree(failures, 5, now)).toBe(1);
  });
});
