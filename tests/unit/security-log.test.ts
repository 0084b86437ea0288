import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { securityEvent, securityLogTo } from "@/server/security-log";

function capture(): string[] {
  const lines: string[] = [];
  securityLogTo(
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    }),
  );
  return lines;
}

describe("the security log", () => {
  it("writes one JSON line per event, with its level, time and the known ids only", () => {
    const lines = capture();
    securityEvent("sign_in.failed", { userId: "u1", address: "203.0.113.9", reason: "wrong_credentials" });
    securityEvent("export.downloaded", { actorId: "u2", action: "briefing.pdf", objectType: "Session", objectId: "s1" });
    expect(lines).toHaveLength(2);
    const failed = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(failed).toMatchObject({ level: "warn", log: "security", event: "sign_in.failed", userId: "u1", address: "203.0.113.9", reason: "wrong_credentials" });
    expect(typeof failed.time).toBe("string");
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: "info", event: "export.downloaded", actorId: "u2", action: "briefing.pdf", objectId: "s1" });
  });

  it("drops anything that is not one of its fields: no password, token or text can ride along", () => {
    const lines = capture();
    const sneaky = { userId: "u1", password: "hunter2-secret", token: "abc.def.ghi", body: "Japan's draft position", summary: { title: "Secret" } };
    securityEvent("account.changed", sneaky as never);
    expect(lines).toHaveLength(1);
    for (const secret of ["hunter2-secret", "abc.def.ghi", "Japan's draft position", "Secret"]) expect(lines[0]).not.toContain(secret);
    expect(Object.keys(JSON.parse(lines[0]!) as object).sort()).toEqual(["event", "level", "log", "time", "userId"].sort());
  });
});
