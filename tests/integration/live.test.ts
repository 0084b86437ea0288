import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgendaItem, createIssue } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { startChangeFeed, stopChangeFeed } from "@/server/changes/feed";
import type { LiveEvent } from "@/server/live/signals";
import { LIVE_LIMITS, openStreams } from "@/server/live/stream";
import { signalKinds } from "@/server/live/visibility";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDatabaseUrl, testDb } from "@/tests/integration/helpers/db";

// Live signals through the tRPC caller, fed by PostgreSQL's notifications (migration live_signals)
// on a change feed listening to the test database, as on the web server.
const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
  await startChangeFeed(testDatabaseUrl()).ready();
});

afterAll(async () => {
  // Module state is shared between files: later files must not run with a live feed.
  await stopChangeFeed();
});

const body = { rationale: "Because", conditions: "", redLine: false, priority: 2 };

/** One open subscription, read event by event. */
class Subscriber {
  readonly seen: LiveEvent[] = [];
  private constructor(private readonly iterator: AsyncIterator<LiveEvent>) {}

  static async open(userId: string, input: { sessionId: string } | { seriesId: string }): Promise<Subscriber> {
    const caller = await callerFor(db, userId);
    const iterable = "sessionId" in input ? await caller.live.session(input) : await caller.live.series(input);
    const subscriber = new Subscriber(iterable[Symbol.asyncIterator]());
    // Every stream opens with a resync: the client refetches what it shows.
    expect(await subscriber.next()).toEqual({ kind: "resync", id: "", sessionId: null });
    return subscriber;
  }

  /** The next event; fails the test if none comes within a generous bound (a notification takes milliseconds). */
  async next(): Promise<LiveEvent> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no live event within 10 s; seen ${JSON.stringify(this.seen)}`)), 10_000);
    });
    try {
      const result = await Promise.race([this.iterator.next(), timeout]);
      if (result.done) throw new Error("stream ended");
      this.seen.push(result.value);
      return result.value;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Reads events until one matches; returns everything read on the way, the match last. */
  async until(match: (e: LiveEvent) => boolean): Promise<LiveEvent[]> {
    const read: LiveEvent[] = [];
    for (;;) {
      const e = await this.next();
      read.push(e);
      if (match(e)) return read;
    }
  }

  /** How the stream ends when read on: "OK" for a normal end, else the error's code. */
  async ending(): Promise<string> {
    return outcomeOf(async () => {
      for (;;) {
        const r = await this.iterator.next();
        if (r.done) return;
        this.seen.push(r.value);
      }
    });
  }

  async close(): Promise<void> {
    await this.iterator.return?.(undefined);
  }
}

/** A new issue on the trilateral published agenda, with no stance yet. */
async function triAgendaIssue() {
  const issue = await createIssue(db, { seriesId: w.series.tri.id });
  await createAgendaItem(db, { sessionId: w.sessions.triPublished.id, issueId: issue.id, status: "ACCEPTED" });
  return issue;
}

describe("live.session", () => {
  it("answers NOT_FOUND for a session the viewer may not see, as for a missing one", async () => {
    const kr = await callerFor(db, w.users.krDelegate.id);
    expect(await outcomeOf(() => kr.live.session({ sessionId: w.sessions.eddPublished.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => kr.live.session({ sessionId: "no-such-session" }))).toBe("NOT_FOUND");
    // A draft agenda's session is hidden from an invited scholar until published.
    const scholar = await callerFor(db, w.users.scholarA.id);
    expect(await outcomeOf(() => scholar.live.session({ sessionId: w.sessions.triDraft.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => scholar.live.session({ sessionId: w.sessions.triPublished.id }))).toBe("OK");
    expect(await outcomeOf(() => kr.live.series({ seriesId: w.series.edd.id }))).toBe("NOT_FOUND");
  });

  it("sends a KR delegate nothing of a JP draft, and the JP release at once", async () => {
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const kr = await callerFor(db, w.users.krDelegate.id);
    const sessionId = w.sessions.triPublished.id;
    // Stance B: a JP draft from before the subscription, released during it.
    const b = await jp.stance.create({ sessionId, issueId: (await triAgendaIssue()).id, position: 1, ...body });
    const issueA = await triAgendaIssue();
    const boardBefore = await kr.stance.board({ sessionId });

    const krLive = await Subscriber.open(w.users.krDelegate.id, { sessionId });
    const jpLive = await Subscriber.open(w.users.jpDelegate.id, { sessionId });

    // Stance A: a JP draft created and saved while KR listens.
    const a = await jp.stance.create({ sessionId, issueId: issueA.id, position: 2, ...body });
    const saved = await jp.stance.save({ stanceId: a.id, version: a.version, position: 3, ...body });
    const aRevisions = (await db.stanceRevision.findMany({ where: { stanceId: a.id }, select: { id: true } })).map((r) => r.id);
    expect(aRevisions).toHaveLength(2);
    // JP's own delegation hears of its draft.
    await jpLive.until((e) => e.kind === "stanceRevision" && e.id === aRevisions[1]);
    // KR's view did not change either.
    expect(await kr.stance.board({ sessionId })).toEqual(boardBefore);
    expect(saved.version).toBe(2);

    await jp.stance.release({ stanceId: b.id, version: b.version, releaseLevel: "GOVERNMENTS" });
    const read = await krLive.until((e) => e.kind === "stance" && e.id === b.id);
    // Nothing about the draft was sent before the release (signals are sent in commit order).
    const draftIds = new Set([a.id, ...aRevisions]);
    expect(read.filter((e) => draftIds.has(e.id))).toEqual([]);
    expect(read.every((e) => e.sessionId === sessionId || e.sessionId === null)).toBe(true);
    // The released revision follows, and still nothing of A.
    const releasedRevision = await db.stanceRevision.findFirstOrThrow({ where: { stanceId: b.id, releaseLevel: "GOVERNMENTS" } });
    const more = await krLive.until((e) => e.kind === "stanceRevision" && e.id === releasedRevision.id);
    expect(more.filter((e) => draftIds.has(e.id))).toEqual([]);
    expect(krLive.seen.filter((e) => draftIds.has(e.id))).toEqual([]);

    await krLive.close();
    await jpLive.close();
    expect(openStreams(w.users.krDelegate.id)).toBe(0);
  });

  it("follows only its own session: another session's signals are not sent", async () => {
    const convenor = await callerFor(db, w.users.triConvenor.id);
    const live = await Subscriber.open(w.users.usDelegate.id, { sessionId: w.sessions.triPublished.id });
    // A comment on another series' item (the US delegate may read it), then one on this session.
    const edscgItem = await db.agendaItem.findFirstOrThrow({ where: { sessionId: w.sessions.edscgPublished.id } });
    const us = await callerFor(db, w.users.usDelegate.id);
    const elsewhere = await us.comment.create({ agendaItemId: edscgItem.id, body: "Elsewhere" });
    const triItem = await db.agendaItem.findFirstOrThrow({ where: { sessionId: w.sessions.triPublished.id } });
    const here = await convenor.comment.create({ agendaItemId: triItem.id, body: "Here" });
    const read = await live.until((e) => e.kind === "comment" && e.id === here.id);
    expect(read.map((e) => e.id)).not.toContain(elsewhere.id);
    await live.close();
  });

  it("bounds the streams a person holds open", async () => {
    const userId = w.users.observer.id;
    const open: Subscriber[] = [];
    for (let i = 0; i < LIVE_LIMITS.streamsPerUser; i++) open.push(await Subscriber.open(userId, { seriesId: w.series.tri.id }));
    const observer = await callerFor(db, userId);
    expect(await outcomeOf(() => observer.live.series({ seriesId: w.series.tri.id }))).toBe("TOO_MANY_REQUESTS");
    await open.pop()!.close();
    const again = await Subscriber.open(userId, { seriesId: w.series.tri.id });
    for (const s of [...open, again]) await s.close();
    expect(openStreams(userId)).toBe(0);
  });

  it("joint texts: a KR delegate hears nothing of the chair's draft text nor of a JP untabled proposal, and hears the tabling", async () => {
    const sessionId = w.sessions.triPublished.id;
    const chair = await callerFor(db, w.users.triConvenor.id);
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const krLive = await Subscriber.open(w.users.krDelegate.id, { sessionId });
    const jpLive = await Subscriber.open(w.users.jpDelegate.id, { sessionId });
    const chairLive = await Subscriber.open(w.users.triConvenor.id, { sessionId });

    // The chair's DRAFT: convenors hear of it and of its revisions (announced as the text).
    const { id } = await chair.jointText.create({ sessionId, kind: "RECOMMENDATIONS", title: "Live text", languageTag: "en" });
    let v = (await chair.jointText.edit({ textId: id, version: 1, operation: { op: "addParagraph", text: "All parties should freeze nuclear testing." } })).version;
    await chairLive.until((e) => e.kind === "jointText" && e.id === id);
    const p1 = (await chair.jointText.get({ textId: id })).paragraphs[0]!.id;
    v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "bracketSpan", paragraphId: p1, segmentIndex: 0, start: 12, end: 18, alternatives: [] } })).version;
    v = (await chair.jointText.raiseRelease({ textId: id, version: v, release: "GOVERNMENTS" })).version;
    v = (await chair.jointText.table({ textId: id, version: v })).version;
    // Released to governments: KR hears of it now, and heard nothing of it while it was a draft
    // (signals arrive in commit order, so everything before the release came first).
    const beforeRelease = await krLive.until((e) => e.kind === "jointText" && e.id === id);
    expect(beforeRelease.filter((e) => e.kind === "jointText")).toHaveLength(1);

    const bracketId = (await jp.jointText.get({ textId: id })).brackets[0]!.id;
    const proposal = await jp.jointText.propose({ textId: id, payload: { kind: "OPTION", bracketId, text: "shall" }, note: "Stronger" });
    // JP's own delegation hears of its untabled proposal; the chair and KR do not.
    await jpLive.until((e) => e.kind === "jointTextProposal" && e.id === proposal.id);

    await jp.jointText.tableProposal({ proposalId: proposal.id, version: v });
    const read = await krLive.until((e) => e.kind === "jointTextProposal" && e.id === proposal.id);
    // The first KR hears of the proposal is its tabling (the draft's signal came earlier, in commit order).
    expect(read.filter((e) => e.kind === "jointTextProposal")).toHaveLength(1);
    const tabled = await db.jointTextProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(tabled.status).toBe("TABLED");
    const chairRead = await chairLive.until((e) => e.kind === "jointTextProposal" && e.id === proposal.id);
    expect(chairRead.filter((e) => e.kind === "jointTextProposal")).toHaveLength(1);
    expect(krLive.seen.every((e) => e.sessionId === sessionId || e.sessionId === null)).toBe(true);

    // Comments on a paragraph: one on a DRAFT text stays with the convenors; one on this text reaches KR.
    const { id: draftId } = await chair.jointText.create({ sessionId, kind: "JOINT_STATEMENT", title: "Live draft", languageTag: "en" });
    await chair.jointText.edit({ textId: draftId, version: 1, operation: { op: "addParagraph", text: "Draft paragraph." } });
    const draftParagraph = (await chair.jointText.get({ textId: draftId })).paragraphs[0]!.id;
    const onDraft = await chair.comment.create({ jointTextId: draftId, paragraphId: draftParagraph, body: "Chair's note" });
    const onText = await jp.comment.create({ jointTextId: id, paragraphId: p1, body: "JP on paragraph 1" });
    const heard = await krLive.until((e) => e.kind === "comment" && e.id === onText.id);
    expect(heard.filter((e) => e.id === onDraft.id || e.id === draftId)).toEqual([]);
    await chairLive.until((e) => e.kind === "comment" && e.id === onDraft.id);

    for (const s of [krLive, jpLive, chairLive]) await s.close();
  });

  it("every kind the triggers announce has a visibility rule", async () => {
    const kinds = await db.$queryRaw<{ kind: string }[]>`
      SELECT DISTINCT (regexp_match(pg_get_triggerdef(t.oid), 'live_signal\\(''([^'']+)''')) [1] AS kind
      FROM pg_trigger t WHERE t.tgname LIKE '%\\_live\\_%'`;
    expect(kinds.length).toBeGreaterThan(10);
    expect(kinds.map((k) => k.kind).filter((k) => !signalKinds().includes(k))).toEqual([]);
  });

  it("now under discussion: the convenor marks an item in session; delegates hear it and see it; audited; a scholar sees only an item they may read", async () => {
    const sessionId = w.sessions.triPublished.id;
    const convenor = await callerFor(db, w.users.triConvenor.id);
    const items = await db.agendaItem.findMany({ where: { sessionId }, orderBy: { position: "asc" } });
    const invited = w.items.triInvited;
    const other = items.find((i) => i.id !== invited.id)!;
    // Not before the session is in session.
    expect(await outcomeOf(() => convenor.session.setCurrentItem({ sessionId, itemId: other.id }))).toBe("BAD_REQUEST");
    await db.session.update({ where: { id: sessionId }, data: { status: "IN_SESSION" } });
    // Only the convenor; an item of another session is not found.
    const kr = await callerFor(db, w.users.krDelegate.id);
    expect(await outcomeOf(() => kr.session.setCurrentItem({ sessionId, itemId: other.id }))).toBe("FORBIDDEN");
    const elsewhere = await db.agendaItem.findFirstOrThrow({ where: { sessionId: w.sessions.triDraft.id } });
    expect(await outcomeOf(() => convenor.session.setCurrentItem({ sessionId, itemId: elsewhere.id }))).toBe("NOT_FOUND");

    const live = await Subscriber.open(w.users.krDelegate.id, { sessionId });
    await convenor.session.setCurrentItem({ sessionId, itemId: other.id });
    await live.until((e) => e.kind === "session" && e.id === sessionId);
    expect((await kr.session.get({ sessionId })).currentItem).toMatchObject({ id: other.id, title: other.title });
    expect((await kr.agenda.listForSession({ sessionId })).items.filter((i) => i.current).map((i) => i.id)).toEqual([other.id]);
    expect(await db.auditEvent.count({ where: { action: "session.current_item_set", objectId: sessionId } })).toBe(1);
    // The scholar is not invited to that item: no marker for them.
    const scholar = await callerFor(db, w.users.scholarA.id);
    expect((await scholar.session.get({ sessionId })).currentItemId).toBeNull();
    await convenor.session.setCurrentItem({ sessionId, itemId: invited.id });
    expect((await scholar.session.get({ sessionId })).currentItemId).toBe(invited.id);
    // Cleared.
    await convenor.session.setCurrentItem({ sessionId, itemId: null });
    expect((await kr.session.get({ sessionId })).currentItem).toBeNull();
    await live.close();
    await db.session.update({ where: { id: sessionId }, data: { status: "AGENDA_PUBLISHED" } });
  });

  it("presence: who has the session open, named for the government side, counted for a scholar; gone when the stream ends", async () => {
    const sessionId = w.sessions.triPublished.id;
    const us = await callerFor(db, w.users.usDelegate.id);
    const scholar = await callerFor(db, w.users.scholarA.id);
    const watcher = await Subscriber.open(w.users.usDelegate.id, { sessionId });
    const kr = await Subscriber.open(w.users.krDelegate.id, { sessionId });
    // The US delegate's stream hears that someone came.
    await watcher.until((e) => e.kind === "presence" && e.id === sessionId);
    const named = await us.live.presence({ sessionId });
    expect(named.count).toBe(2);
    expect(named.people?.map((p) => p.id).sort()).toEqual([w.users.krDelegate.id, w.users.usDelegate.id].sort());
    expect(named.people?.find((p) => p.id === w.users.usDelegate.id)?.me).toBe(true);
    // A scholar learns how many, never who.
    expect(await scholar.live.presence({ sessionId })).toEqual({ count: 2, people: null });
    // Another series' delegate: as if the session did not exist.
    const edscgOnly = await callerFor(db, w.users.edscgConvenor.id);
    expect(await outcomeOf(() => edscgOnly.live.presence({ sessionId }))).toBe("NOT_FOUND");

    // Closing a stream deletes its row before the close returns.
    await kr.close();
    expect((await us.live.presence({ sessionId })).people?.map((p) => p.id)).toEqual([w.users.usDelegate.id]);
    // A row left by a server that died stops counting once stale.
    await db.presence.create({ data: { sessionId, userId: w.users.jpDelegate.id, seenAt: new Date(Date.now() - 10 * 60_000) } });
    expect((await us.live.presence({ sessionId })).count).toBe(1);
    await watcher.close();
    expect(await db.presence.count({ where: { sessionId, userId: { not: w.users.jpDelegate.id } } })).toBe(0);
  });

  it("a removed member stops receiving at once: the stream ends NOT_FOUND", async () => {
    const sessionId = w.sessions.triPublished.id;
    const live = await Subscriber.open(w.users.krDelegate.id, { sessionId });
    const membership = await db.membership.findFirstOrThrow({ where: { seriesId: w.series.tri.id, userId: w.users.krDelegate.id } });
    const convenor = await callerFor(db, w.users.triConvenor.id);
    await convenor.member.remove({ membershipId: membership.id, version: membership.version });
    // A change anyone in the session may see, after the removal: KR is not told of it.
    const triItem = await db.agendaItem.findFirstOrThrow({ where: { sessionId } });
    const after = await convenor.comment.create({ agendaItemId: triItem.id, body: "After the removal" });
    expect(await live.ending()).toBe("NOT_FOUND");
    expect(live.seen.map((e) => e.id)).not.toContain(after.id);
    expect(openStreams(w.users.krDelegate.id)).toBe(0);
  });
});
