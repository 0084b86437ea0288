import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { startChangeFeed, stopChangeFeed } from "@/server/changes/feed";
import { resetCaches } from "@/server/changes/cache";
import { seriesStampHeld, seriesStamps } from "@/server/services/tracker/cache";
import { createCaller } from "@/server/trpc/root";
import { threadView } from "@/lib/comments/thread-view";
import { outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { countingTestDb, testDatabaseUrl } from "@/tests/integration/helpers/db";

// The read views beyond the tracker (a paper, an agenda item's page, its thread, minutes, a panel,
// a stance's history, the series page, the briefing book, the dashboard) are shared per series,
// visibility class and content stamp (server/services/tracker/cache.ts cachedInSeries). Here the
// change feed listens as in the web server, and changes are written straight to the database,
// behind every service's back, as another app server would.
const counted = countingTestDb();
const db = counted.db;
let w: FixtureWorld;

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function as(user: keyof FixtureWorld["users"]) {
  const viewer = (await loadViewer(db, w.users[user].id, signedInNow()))!;
  return createCaller({ db, viewer, headers: new Headers() });
}

/**
 * Calls `view` until a repeat of it runs only its per-person queries (the shared part is held), and
 * answers that repeat: the thread visit for a thread, the working copy for a paper's own party.
 */
async function held<T>(view: () => Promise<T>, perPerson = 0): Promise<T> {
  for (let i = 0; i < 50; i++) {
    await view();
    counted.queries = 0;
    const again = await view();
    if (counted.queries === perPerson) return again;
  }
  throw new Error("the view was never held");
}

beforeAll(async () => {
  w = await createFixtureWorld(db);
  resetCaches();
  const feed = startChangeFeed(testDatabaseUrl());
  await feed.ready();
});

afterAll(async () => {
  await stopChangeFeed();
  await counted.close();
});

describe("content stamp", () => {
  it("moves with a comment, a paper revision and a rename, without moving the tracker's stamp", async () => {
    const tri = w.series.tri.id;
    const before = (await seriesStamps(db, tri))!;
    await db.comment.update({ where: { id: w.comments.triGovernmentsItemByUs.id }, data: { body: "Edited behind the services' back" } });
    const afterComment = (await seriesStamps(db, tri))!;
    expect(afterComment.content).not.toBe(before.content);
    expect(afterComment.tracker).toBe(before.tracker);
    await db.paperRevision.updateMany({ where: { paperId: w.papers.triUsGovernments.id }, data: { title: "Retitled revision" } });
    const afterPaper = (await seriesStamps(db, tri))!;
    expect(afterPaper.content).not.toBe(afterComment.content);
    await db.user.update({ where: { id: w.users.usDelegate.id }, data: { name: "US Delegate (renamed)" } });
    const afterRename = (await seriesStamps(db, tri))!;
    expect(afterRename.content).not.toBe(afterPaper.content);
    // A sign-in writes other columns of the account: nothing moves.
    await db.user.update({ where: { id: w.users.usDelegate.id }, data: { version: { increment: 1 } } });
    expect((await seriesStamps(db, tri))!.content).toBe(afterRename.content);
    // A tracker write moves both.
    await db.issue.update({ where: { id: w.issues.triProbe.id }, data: { description: "changed" } });
    const afterIssue = (await seriesStamps(db, tri))!;
    expect(afterIssue.tracker).not.toBe(afterRename.tracker);
    expect(afterIssue.content).not.toBe(afterRename.content);
  });
});

describe("shared read views under the change feed", () => {
  it("a held thread runs no query but the visit, and a comment written elsewhere shows once announced", async () => {
    const jp = await as("jpDelegate");
    const target = { agendaItemId: w.items.triGovernments.id };
    const first = await held(() => jp.comment.list(target), 1);
    // The thread is the shared object; only the viewer's own part is new each time.
    expect((await jp.comment.list(target)).thread).toBe(first.thread);
    await db.comment.create({
      data: { agendaItemId: target.agendaItemId, authorId: w.users.krDelegate.id, body: "Written through another server" },
    });
    await until(async () => threadView(await jp.comment.list(target)).comments.some((c) => c.html === "<p>Written through another server</p>"), "the new comment");
    const view = threadView(await jp.comment.list(target));
    const added = view.comments.find((c) => c.html === "<p>Written through another server</p>")!;
    expect(added.isNew).toBe(true);
    expect(added.isMine).toBe(false);
    expect(added.author.name).toBe(w.users.krDelegate.name);
  });

  it("the viewer's own rights are never shared: the author may edit, a colleague of the same party may not", async () => {
    const target = { agendaItemId: w.items.triGovernments.id };
    const us = await as("usDelegate");
    const created = await us.comment.create({ ...target, body: "Mine to edit" });
    const mine = threadView(await held(() => us.comment.list(target), 1)).comments.find((c) => c.id === created.id)!;
    expect(mine.canEdit).toBe(true);
    expect(mine.isMine).toBe(true);
    // The Markdown source goes to its author alone, for the edit form; everyone reads the rendered text.
    expect(mine.body).toBe("Mine to edit");
    // The observer shares nothing with the US delegate's class, and may do nothing with the comment.
    const observer = threadView(await (await as("observer")).comment.list(target)).comments.find((c) => c.id === created.id)!;
    expect(observer.canEdit).toBe(false);
    expect(observer.canWithdraw).toBe(false);
    expect(observer.isMine).toBe(false);
    expect(observer.body).toBeNull();
    expect(observer.html).toBe("<p>Mine to edit</p>");
  });

  it("a paper another party may not read stays NOT_FOUND while its own party's view of it is held", async () => {
    const us = await as("usDelegate");
    const paperId = w.papers.triUsParty.id;
    const own = await held(() => us.paper.get({ paperId }), 1);
    expect(own.id).toBe(paperId);
    for (const other of ["jpDelegate", "krDelegate", "observer", "scholarA", "outsider"] as const) {
      const caller = await as(other);
      expect(await outcomeOf(() => caller.paper.get({ paperId })), other).toBe("NOT_FOUND");
      expect(await outcomeOf(() => caller.paper.revisions({ paperId })), other).toBe("NOT_FOUND");
      expect(await outcomeOf(() => caller.comment.list({ paperId })), other).toBe("NOT_FOUND");
    }
    // The owner's per-person part: its own party may edit it.
    expect(own.canEdit).toBe(true);
  });

  it("a paper saved elsewhere shows its new revision once announced; a release reaches the other parties", async () => {
    const us = await as("usDelegate");
    const jp = await as("jpDelegate");
    const paperId = w.papers.triUsParty.id;
    const before = await held(() => us.paper.get({ paperId }), 1);
    const number = (before.latest?.number ?? 0) + 1;
    await db.paperRevision.create({
      data: { paperId, number, title: "Written elsewhere", body: "New text", releaseLevel: "PARTY", authorId: w.users.usDelegate.id },
    });
    await until(async () => (await us.paper.get({ paperId })).latest?.number === number, "the new revision");
    expect(await outcomeOf(() => jp.paper.get({ paperId }))).toBe("NOT_FOUND");
    await db.$transaction([
      db.positionPaper.update({ where: { id: paperId }, data: { releaseLevel: "GOVERNMENTS", releasedAt: new Date() } }),
      db.paperRevision.create({
        data: { paperId, number: number + 1, title: "Released", body: "Released text", releaseLevel: "GOVERNMENTS", authorId: w.users.usDelegate.id },
      }),
    ]);
    await until(async () => (await outcomeOf(() => jp.paper.get({ paperId }))) === "OK", "the release");
    const seen = await jp.paper.get({ paperId });
    expect(seen.latest?.title).toBe("Released");
    // Never a draft that led to the release.
    expect((await jp.paper.revisions({ paperId })).map((r) => r.number)).toEqual([number + 1]);
    expect(seen.canEdit).toBe(false);
  });

  it("a renamed author shows under their comments once announced", async () => {
    const kr = await as("krDelegate");
    const target = { agendaItemId: w.items.triGovernments.id };
    await held(() => kr.comment.list(target), 1);
    await db.user.update({ where: { id: w.users.usDelegate.id }, data: { name: "Renamed elsewhere" } });
    await until(
      async () => threadView(await kr.comment.list(target)).comments.some((c) => c.author.name === "Renamed elsewhere"),
      "the rename",
    );
  });

  it("the dashboard drops a session from 'upcoming' when it ends, with nothing written", async () => {
    const us = await as("usDelegate");
    const before = await held(() => us.dashboard.get());
    const first = before.upcoming[0]!;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(first.endsAt.getTime() + 1_000);
      const after = await us.dashboard.get();
      expect(after.upcoming.map((s) => s.id)).not.toContain(first.id);
    } finally {
      vi.useRealTimers();
    }
  });

  it("held answers stop being used the moment the feed stops", async () => {
    const jp = await as("jpDelegate");
    await held(() => jp.series.get({ seriesId: w.series.tri.id }));
    expect(seriesStampHeld(w.series.tri.id)).toBe(true);
    await stopChangeFeed();
    counted.queries = 0;
    await jp.series.get({ seriesId: w.series.tri.id });
    // Without a feed the stamp is read on every call.
    expect(counted.queries).toBeGreaterThan(0);
    const feed = startChangeFeed(testDatabaseUrl());
    await feed.ready();
  });
});
