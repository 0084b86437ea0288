import { describe, expect, it } from "vitest";
import { describeTimeZone, formatSessionRange, safeCallbackUrl } from "@/lib/format";

describe("safeCallbackUrl", () => {
  it.each([
    ["/series/abc?tab=1", "/series/abc?tab=1"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s → %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});

describe("session times", () => {
  it("shows a span in the session's own zone", () => {
    const start = new Date("2026-03-12T00:00:00Z"); // 09:00 in Tokyo
    const end = new Date("2026-03-12T08:30:00Z"); // 17:30 in Tokyo
    const text = formatSessionRange(start, end, "Asia/Tokyo");
    expect(text).toContain("09:00");
    expect(text).toContain("17:30");
    expect(text).toBe("12 Mar 2026, 09:00–17:30");
  });

  it("names the zone with its offset at that date", () => {
    expect(describeTimeZone("Asia/Seoul", new Date("2026-06-01T00:00:00Z"))).toBe("Asia/Seoul (GMT+9)");
    expect(describeTimeZone("America/New_York", new Date("2026-01-15T00:00:00Z"))).toBe("America/New_York (GMT-5)");
  });
});
