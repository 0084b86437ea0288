import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/calendar/[token]/route";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

async function feedUrlOf(userId: string): Promise<string> {
  return (await (await callerFor(db, userId)).calendar.get()).url;
}

/** Calls the route handler as Next would, with the URL's last segment as the token. */
async function fetchFeed(url: string): Promise<Response> {
  const token = decodeURIComponent(new URL(url).pathname.split("/").pop()!);
  return GET(new Request(url), { params: Promise.resolve({ token }) });
}

/** The events of an iCal text: each VEVENT's properties, folded lines joined. */
function events(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      const [name, ...params] = line.slice(0, colon).split(";");
      current[name!] = line.slice(colon + 1);
      if (params.length) current[`${name}@params`] = params.join(";");
    }
  }
  return out;
}

const uids = (evs: Record<string, string>[]) => evs.map((e) => e.UID).sort();

describe("calendar.get", () => {
  it("gives a secret URL under /api/calendar that the feed answers, and the same URL again", async () => {
    const url = await feedUrlOf(w.users.usDelegate.id);
    expect(url).toMatch(/^https?:\/\/[^/]+\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(await feedUrlOf(w.users.usDelegate.id)).toBe(url);
    const res = await fetchFeed(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("does not accept the column's default (cuid) token as a feed credential", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: w.users.observer.id }, select: { calendarToken: true } });
    expect(user.calendarToken).not.toMatch(/^[A-Za-z0-9_-]{32}$/);
    const res = await fetchFeed(`http://127.0.0.1:3000/api/calendar/${user.calendarToken}.ics`);
    expect(res.status).toBe(404);
  });
});

describe("the iCal feed", () => {
  it("lists for a US delegate every session of their three series, with zone, place and link", async () => {
    const text = await (await fetchFeed(await feedUrlOf(w.users.usDelegate.id))).text();
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    const evs = events(text);
    const s = w.sessions;
    expect(uids(evs)).toEqual(
      [s.eddPublished, s.eddDraft, s.edscgPublished, s.edscgDraft, s.triPublished, s.triDraft].map((x) => `${x.id}@trilogue`).sort(),
    );
    const edd = evs.find((e) => e.UID === `${s.eddPublished.id}@trilogue`)!;
    expect(edd.SUMMARY).toBe("EDD: EDD published session");
    expect(edd.LOCATION).toBe("Tokyo");
    expect(edd["DTSTART@params"]).toBe("TZID=Asia/Tokyo");
    expect(edd.URL).toMatch(new RegExp(`/sessions/${s.eddPublished.id}$`));
    const draft = evs.find((e) => e.UID === `${s.eddDraft.id}@trilogue`)!;
    expect(draft.LOCATION).toBe("Virtual");
  });

  it("gives a KR delegate no EDD session", async () => {
    const evs = events(await (await fetchFeed(await feedUrlOf(w.users.krDelegate.id))).text());
    const s = w.sessions;
    expect(uids(evs)).toEqual([s.edscgPublished, s.edscgDraft, s.triPublished, s.triDraft].map((x) => `${x.id}@trilogue`).sort());
    expect(evs.some((e) => e.SUMMARY?.startsWith("EDD:"))).toBe(false);
  });

  it("gives a scholar only the session of their invited published item", async () => {
    const evs = events(await (await fetchFeed(await feedUrlOf(w.users.scholarA.id))).text());
    expect(uids(evs)).toEqual([`${w.sessions.triPublished.id}@trilogue`]);
  });

  it("is empty for an outsider, and 404 for an unknown token or a deactivated account", async () => {
    expect(events(await (await fetchFeed(await feedUrlOf(w.users.outsider.id))).text())).toEqual([]);
    const unknown = await fetchFeed(`http://127.0.0.1:3000/api/calendar/${"A".repeat(32)}.ics`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("cache-control")).toBe("private, no-store");
    const url = await feedUrlOf(w.users.jpDelegate.id);
    expect((await fetchFeed(url)).status).toBe(200);
    await db.user.update({ where: { id: w.users.jpDelegate.id }, data: { deactivatedAt: new Date() } });
    try {
      expect((await fetchFeed(url)).status).toBe(404);
    } finally {
      await db.user.update({ where: { id: w.users.jpDelegate.id }, data: { deactivatedAt: null } });
    }
  });

  it("drops the series of a removed membership at the next fetch", async () => {
    const url = await feedUrlOf(w.users.observer.id);
    expect(uids(events(await (await fetchFeed(url)).text()))).toContain(`${w.sessions.eddPublished.id}@trilogue`);
    await db.membership.updateMany({ where: { userId: w.users.observer.id, seriesId: w.series.edd.id }, data: { removedAt: new Date() } });
    try {
      expect(uids(events(await (await fetchFeed(url)).text()))).not.toContain(`${w.sessions.eddPublished.id}@trilogue`);
    } finally {
      await db.membership.updateMany({ where: { userId: w.users.observer.id, seriesId: w.series.edd.id }, data: { removedAt: null } });
    }
  });
});

describe("calendar.reset", () => {
  it("replaces the token: the old URL gives 404, the new one the feed; audited without the token", async () => {
    const c = await callerFor(db, w.users.usDelegate.id);
    const old = (await c.calendar.get()).url;
    const { url } = await c.calendar.reset();
    expect(url).not.toBe(old);
    expect((await c.calendar.get()).url).toBe(url);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(url)).status).toBe(200);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "calendar.token_reset", actorId: w.users.usDelegate.id },
      select: { action: true, objectId: true, summary: true },
    });
    expect(JSON.stringify(audit)).not.toContain(url.split("/").pop()!.replace(".ics", ""));
  });
});
