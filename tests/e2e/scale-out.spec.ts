import type pg from "pg";
import { expect, test, DEMO, uniqueSuffix, type TestUser } from "./fixtures";
import { sidePort, signInCookie, startAppServers, trpcClient, type AppServer } from "./servers";

/*
 * Scale-out: two production servers, A and B, on the run's one database and nothing else shared.
 * The app servers keep no state of their own: a session signed in on A is valid on B, and what B
 * holds in its caches (accounts, tracker figures; server/changes/) follows writes made through A
 * at B's next request, through PostgreSQL's change notifications. To show B really holds values
 * (and is not simply reading the database every time), a write made with
 * session_replication_role = replica, which fires no trigger and so announces nothing, stays unseen
 * on B until an announced write names the same rows.
 */

// Bounded waits for a notification to reach B: milliseconds in practice.
const NEXT_REQUEST = { timeout: 2_000, intervals: [20, 50, 100, 200] };
// B's change feed listens on a URL of its own (DATABASE_LISTEN_URL, as behind a transaction-pooling
// PgBouncer): the same database, named so that its connection can be told apart.
const B_FEED = "trilogue-scale-out-b-feed";
const SCALE_LABELS = ["Oppose", "Undecided", "Support"];

type Me = { id: string; name: string; isAdmin: boolean };
type Overview = { issues: { id: string; title: string }[] };
type Issue = { id: string; title: string; version: number };

test.describe.configure({ mode: "serial" });

let a: AppServer;
let b: AppServer;
let person: TestUser;
let personCookie: string;
let adminCookie: string;
let seriesId: string;
let issue: Issue;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const listenUrl = new URL(process.env.E2E_DATABASE_URL!);
  listenUrl.searchParams.set("application_name", B_FEED);
  const started = await startAppServers([
    { port: sidePort(61) },
    { port: sidePort(62), env: { DATABASE_LISTEN_URL: listenUrl.toString() } },
  ]);
  a = started[0]!;
  b = started[1]!;
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

/** A write that fires no trigger, so PostgreSQL announces nothing (superuser only: the e2e database's owner). */
async function silently(db: pg.Pool, statements: [string, unknown[]][]): Promise<void> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (const [sql, params] of statements) await client.query(sql, params);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

test("a session signed in on A is valid on B", async ({ users }) => {
  person = await users.create();
  personCookie = await signInCookie(a.base, person.email);
  adminCookie = await signInCookie(a.base, DEMO.admin);

  const me = await trpcClient(b.base, personCookie).query<Me>("me.get");
  expect(me.status).toBe(200);
  expect(me.data).toMatchObject({ id: person.id, name: person.name, isAdmin: false });
  expect((await trpcClient(b.base, adminCookie).query<Me>("me.get")).data?.isAdmin).toBe(true);
  // The cookie is what carries it: without one, B knows nobody.
  expect((await trpcClient(b.base, "").query("me.get")).code).toBe("UNAUTHORIZED");
});

test("a write through A shows through B's account and tracker caches at the next request", async ({ e2eDb }) => {
  const onA = { admin: trpcClient(a.base, adminCookie), person: trpcClient(a.base, personCookie) };
  const onB = trpcClient(b.base, personCookie);
  const { rows: parties } = await e2eDb.query<{ id: string }>(`SELECT id FROM "Party" WHERE code IN ('US', 'JP') ORDER BY code`);
  expect(parties).toHaveLength(2);
  const overview = (id: string) => onB.query<Overview>("tracker.seriesOverview", { seriesId: id });

  // Account: B holds the person's account (no memberships) from the request before.
  expect((await onB.query<Me>("me.get")).status).toBe(200);
  const suffix = uniqueSuffix().slice(-8).toUpperCase();
  const created = await onA.admin.mutate<{ id: string }>("admin.series.create", {
    name: `Scale-out series ${suffix}`,
    shortName: `SO-${suffix}`,
    description: "",
    track: "TRACK_1",
    attribution: "ATTRIBUTED",
    partyIds: parties.map((p) => p.id),
    convenorIds: [person.id],
  });
  expect(created.status, created.message).toBe(200);
  seriesId = created.data!.id;
  // The new membership reaches B's viewer: the series' tracker opens to its convenor.
  await expect.poll(async () => (await overview(seriesId)).status, NEXT_REQUEST).toBe(200);
  expect((await overview(seriesId)).data?.issues).toEqual([]);

  // Tracker: B now holds the (empty) figures of the series; an issue created through A shows.
  const title = `Scale-out issue ${suffix}`;
  const made = await onA.person.mutate<Issue>("issue.create", {
    seriesId,
    title,
    description: "",
    kind: "PROPOSITION",
    topic: "",
    scaleMin: 1,
    scaleMax: 3,
    scaleLabels: SCALE_LABELS,
  });
  expect(made.status, made.message).toBe(200);
  issue = made.data!;
  await expect.poll(async () => (await overview(seriesId)).data?.issues.map((i) => i.title), NEXT_REQUEST).toEqual([title]);

  const renamed = await onA.person.mutate<Issue>("issue.update", {
    issueId: issue.id,
    version: issue.version,
    title: `${title} (renamed on A)`,
    description: "",
    kind: "PROPOSITION",
    topic: "",
    scaleMin: 1,
    scaleMax: 3,
    scaleLabels: SCALE_LABELS,
  });
  expect(renamed.status, renamed.message).toBe(200);
  issue = renamed.data!;
  await expect.poll(async () => (await overview(seriesId)).data?.issues.map((i) => i.title), NEXT_REQUEST).toEqual([issue.title]);
});

test("B holds what it read: an unannounced write stays unseen there, an announced one shows", async ({ e2eDb }) => {
  const onB = trpcClient(b.base, personCookie);
  const nameOnB = async () => {
    const answer = await onB.query<Me>("me.get");
    expect(answer.status, answer.message).toBe(200);
    return answer.data!.name;
  };

  // Account cache. Until B's change feed listens, B reads every request from the database (and
  // would show each silent name at once); from then on it answers the name it read before.
  let stale: { served: string; stored: string } | undefined;
  for (let round = 1; round <= 40 && !stale; round++) {
    const stored = `Unannounced ${round} ${person.name}`;
    await silently(e2eDb, [[`UPDATE "User" SET name = $1 WHERE id = $2`, [stored, person.id]]]);
    const served = await nameOnB();
    if (served !== stored) stale = { served, stored };
  }
  expect(stale, "B kept reading the account from the database: it holds nothing between requests").toBeDefined();
  expect(stale!.served).not.toBe(stale!.stored);
  // The same row, announced (the trigger's NOTIFY): B shows the stored name at its next request.
  const announced = `Announced ${person.name}`;
  await e2eDb.query(`UPDATE "User" SET name = $1 WHERE id = $2`, [announced, person.id]);
  await expect.poll(nameOnB, NEXT_REQUEST).toBe(announced);

  // Tracker cache: B holds the series' figures and stamp. Change the issue and bump the stamp
  // without announcing either: B still shows the old title, which a fresh read would not.
  const titlesOnB = async () => (await onB.query<Overview>("tracker.seriesOverview", { seriesId })).data?.issues.map((i) => i.title);
  expect(await titlesOnB()).toEqual([issue.title]);
  const unannounced = `${issue.title} (unannounced)`;
  await silently(e2eDb, [
    [`UPDATE "Issue" SET title = $1 WHERE id = $2`, [unannounced, issue.id]],
    [`UPDATE "SeriesTrackerStamp" SET version = version + 1, "changedAt" = now() WHERE "seriesId" = $1`, [seriesId]],
  ]);
  expect(await titlesOnB()).toEqual([issue.title]);
  expect(await titlesOnB()).toEqual([issue.title]);
  // An announced stamp bump (what every tracked write does through its trigger) and B recomputes.
  await e2eDb.query(`UPDATE "SeriesTrackerStamp" SET version = version + 1, "changedAt" = now() WHERE "seriesId" = $1`, [seriesId]);
  await expect.poll(titlesOnB, NEXT_REQUEST).toEqual([unannounced]);

  // What B heard came through its DATABASE_LISTEN_URL connection.
  const { rows } = await e2eDb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
    [B_FEED],
  );
  expect(rows[0]!.n).toBe(1);
});

test("a live signal crosses servers: a change through A reaches a subscriber of B", async () => {
  // An SSE stream of the series on B, as the browser opens it (httpSubscriptionLink: a GET).
  const controller = new AbortController();
  const input = encodeURIComponent(JSON.stringify({ json: { seriesId } }));
  const res = await fetch(`${b.base}/api/trpc/live.series?input=${input}`, {
    headers: { cookie: personCookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  let received = "";
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) received += decoder.decode(chunk, { stream: true });
    } catch {
      // Aborted below.
    }
  })();
  try {
    // The stream opens with a resync; then the rename through A arrives as a signal naming the issue.
    await expect.poll(() => received, NEXT_REQUEST).toContain('"resync"');
    const renamed = await trpcClient(a.base, personCookie).mutate<Issue>("issue.update", {
      issueId: issue.id,
      version: issue.version,
      title: `${issue.title} (live)`,
      description: "",
      kind: "PROPOSITION",
      topic: "",
      scaleMin: 1,
      scaleMax: 3,
      scaleLabels: SCALE_LABELS,
    });
    expect(renamed.status, renamed.message).toBe(200);
    issue = renamed.data!;
    await expect.poll(() => received, { timeout: 5_000 }).toContain(`"id":"${issue.id}"`);
    // Ids only: the new title never travels on the live channel.
    expect(received).not.toContain("(live)");
  } finally {
    controller.abort();
    await reading;
  }
});

test("a deactivation through A bites on B at the next request", async () => {
  const onB = trpcClient(b.base, personCookie);
  expect((await onB.query<Me>("me.get")).status).toBe(200);
  const done = await trpcClient(a.base, adminCookie).mutate("admin.users.setActive", { userId: person.id, active: false });
  expect(done.status, done.message).toBe(200);
  await expect.poll(async () => (await onB.query("me.get")).code, NEXT_REQUEST).toBe("UNAUTHORIZED");
  expect((await onB.query("tracker.seriesOverview", { seriesId })).code).toBe("UNAUTHORIZED");
  // Signing in again is refused on either server.
  await expect(signInCookie(b.base, person.email)).rejects.toThrow(/sign-in failed/);
});
