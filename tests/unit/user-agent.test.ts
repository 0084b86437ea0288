import { describe, expect, it } from "vitest";
import { summariseUserAgent } from "@/lib/user-agent";

describe("summariseUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", "Chrome 141", "Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0", "Edge 141", "Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari 18", "macOS"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari 18", "iOS"],
    ["Mozilla/5.0 (Android 14; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0", "Firefox 145", "Android"],
  ])("%s", (ua, browser, system) => {
    expect(summariseUserAgent(ua)).toEqual({ browser, system });
  });

  it("says nothing it does not know", () => {
    expect(summariseUserAgent("")).toEqual({ browser: null, system: null });
    expect(summariseUserAgent("curl/8.5.0")).toEqual({ browser: null, system: null });
  });
});
