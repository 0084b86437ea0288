import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { authenticate } from "@/server/auth/authenticate";
import { securityLogTo } from "@/server/security-log";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";
import pino from "pino";

// Security events reach the structured log as they happen, beside their rows in the database.
const db = testDb();
let w: FixtureWorld;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  w = await createFixtureWorld(db);
  securityLogTo(
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  );
});

afterAll(() => {
  // Later files log nowhere again, as under the test runner by default.
  securityLogTo(pino.destination("/dev/null"));
});

describe("security events", () => {
  it("a failed and a successful sign-in are logged with the account and the address, never the password", async () => {
    const email = w.users.usDelegate.email;
    expect(await outcomeOf(() => authenticate(db, { email, password: "not-the-password-9" }, "203.0.113.44"))).toBe("UNAUTHORIZED");
    await authenticate(db, { email, password: w.password }, "203.0.113.44");
    const signIns = lines.filter((l) => String(l.event).startsWith("sign_in.") && l.address === "203.0.113.44");
    expect(signIns.map((l) => l.event)).toEqual(["sign_in.failed", "sign_in.succeeded"]);
    expect(signIns[0]).toMatchObject({ userId: w.users.usDelegate.id, reason: "wrong_credentials", level: "warn" });
    expect(JSON.stringify(signIns)).not.toContain("not-the-password-9");
    expect(JSON.stringify(signIns)).not.toContain(w.password);
  });

  it("a member removed is a permission change, naming who, what and where", async () => {
    const seat = await db.membership.findFirstOrThrow({ where: { seriesId: w.series.edd.id, userId: w.users.observer.id } });
    await (await callerFor(db, w.users.eddConvenor.id)).member.remove({ membershipId: seat.id, version: seat.version });
    expect(lines.find((l) => l.event === "permission.changed" && l.objectId === seat.id)).toMatchObject({
      actorId: w.users.eddConvenor.id,
      seriesId: w.series.edd.id,
      action: "membership.removed",
      objectType: "Membership",
    });
  });
});
