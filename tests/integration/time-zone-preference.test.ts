import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { countingTestDb } from "@/tests/integration/helpers/db";

const counted = countingTestDb();
const db = counted.db;
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

afterAll(async () => {
  await counted.close();
});

describe("time-zone preference", () => {
  it("is the browser's until chosen, holds an IANA zone, and clears back to the browser's", async () => {
    const me = await callerFor(db, w.users.jpDelegate.id);
    expect((await me.me.get()).timeZone).toBeNull();
    await me.me.setTimeZone({ timeZone: "Asia/Tokyo" });
    expect((await me.me.get()).timeZone).toBe("Asia/Tokyo");
    // Only the person's own.
    expect((await (await callerFor(db, w.users.krDelegate.id)).me.get()).timeZone).toBeNull();
    await me.me.setTimeZone({ timeZone: null });
    expect((await me.me.get()).timeZone).toBeNull();
  });

  it("refuses what is not a zone with a plain message and keeps the choice", async () => {
    const me = await callerFor(db, w.users.usDelegate.id);
    await me.me.setTimeZone({ timeZone: "America/New_York" });
    for (const timeZone of ["Mars/Olympus_Mons", "", "UTC+9", "x".repeat(65)]) {
      expect(await outcomeOf(() => me.me.setTimeZone({ timeZone })), timeZone).toBe("BAD_REQUEST");
    }
    await expect(me.me.setTimeZone({ timeZone: "Mars/Olympus_Mons" })).rejects.toThrow(/Choose a time zone from the list/);
    expect((await me.me.get()).timeZone).toBe("America/New_York");
  });
});
