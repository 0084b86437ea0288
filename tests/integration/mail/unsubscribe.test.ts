import { beforeAll, describe, expect, it } from "vitest";
import { POST, GET } from "@/app/api/unsubscribe/route";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { signUnsubscribeToken, unsubscribeState, verifyUnsubscribeToken } from "@/server/mail/unsubscribe";
import { testDb } from "@/tests/integration/helpers/db";

// One-click unsubscribe through the app route mail clients POST to (RFC 8058) and the page's
// button posts to: a signed token turns the named kinds' email off; anything else changes nothing.
const db = testDb();
let w: FixtureWorld;
const secret = () => process.env.NEXTAUTH_SECRET!;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const oneClick = (token: string) =>
  POST(
    new Request(`http://127.0.0.1/api/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );

const prefs = (userId: string) => db.notificationPreference.findMany({ where: { userId }, orderBy: { kind: "asc" }, select: { kind: true, email: true } });

describe("unsubscribe", () => {
  it("a mail client's one-click POST turns exactly the token's kinds off, once or twice", async () => {
    const us = w.users.usDelegate;
    await db.notificationPreference.create({ data: { userId: us.id, kind: "AGENDA", email: "IMMEDIATE" } });
    const token = signUnsubscribeToken({ userId: us.id, kinds: ["RELEASE", "AGENDA"] }, secret());
    const claim = verifyUnsubscribeToken(token, secret())!;
    expect(await unsubscribeState(db, claim)).toMatchObject({ email: us.email, alreadyOff: false });

    const response = await oneClick(token);
    expect(response.status).toBe(200);
    expect(await prefs(us.id)).toEqual([
      { kind: "AGENDA", email: "OFF" },
      { kind: "RELEASE", email: "OFF" },
    ]);
    expect((await oneClick(token)).status).toBe(200);
    expect(await prefs(us.id)).toHaveLength(2);
    expect(await unsubscribeState(db, claim)).toMatchObject({ alreadyOff: true });
  });

  it("a forged or altered token is refused and changes nothing", async () => {
    const jp = w.users.jpDelegate;
    const forged = signUnsubscribeToken({ userId: jp.id, kinds: ["MENTION"] }, `${secret()}-not-ours`);
    const real = signUnsubscribeToken({ userId: jp.id, kinds: ["MENTION"] }, secret());
    const altered = `${Buffer.from(JSON.stringify({ v: 1, u: jp.id, k: ["REPLY"] })).toString("base64url")}.${real.split(".")[1]}`;
    for (const token of [forged, altered, "garbage", ""]) {
      const response = await oneClick(token);
      expect(response.status, token).toBe(400);
      expect(await response.text()).toMatch(/not valid/);
    }
    expect(await prefs(jp.id)).toEqual([]);
  });

  it("the page's button comes back to the page; GET (a link scanner) changes nothing", async () => {
    const kr = w.users.krDelegate;
    const token = signUnsubscribeToken({ userId: kr.id, kinds: ["REPLY"] }, secret());
    const scanned = await GET(new Request(`http://127.0.0.1/api/unsubscribe?token=${encodeURIComponent(token)}`));
    expect(scanned.status).toBe(303);
    expect(await prefs(kr.id)).toEqual([]);

    const fromPage = await POST(
      new Request(`http://127.0.0.1/api/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "from=page",
      }),
    );
    expect(fromPage.status).toBe(303);
    expect(fromPage.headers.get("location")).toBe(`/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await prefs(kr.id)).toEqual([{ kind: "REPLY", email: "OFF" }]);
  });
});
