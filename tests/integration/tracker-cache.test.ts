import { beforeAll, describe, expect, it } from "vitest";
import { STATUS_LETTER } from "@/lib/schemas/tracker";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { seriesStamp } from "@/server/services/tracker/cache";
import { seriesTimelines } from "@/server/services/tracker/tracker";
import { callerFor, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// The tracker's figures are cached per (series, visibility class) and reused while the series'
// stamp is unchanged. The stamp is bumped by PostgreSQL triggers, so every write — through a
// service or straight to the database — makes the next call recompute.
const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const kr = () => callerFor(db, w.users.krDelegate.id);
async function probeStatuses() {
  const overview = await (await kr()).tracker.seriesOverview({ seriesId: w.series.tri.id });
  return overview.issues.find((i) => i.id === w.issues.triProbe.id)!;
}

describe("tracker cache invalidation", () => {
  it("reuses the figures while nothing changed, and the stamp is a primary-key row bumped by writes", async () => {
    const viewer = (await loadViewer(db, w.users.krDelegate.id, signedInNow()))!;
    const first = await seriesTimelines(db, viewer, w.series.tri.id);
    // A cache hit returns the very same object (no recomputation).
    expect(await seriesTimelines(db, viewer, w.series.tri.id)).toBe(first);
    const before = await seriesStamp(db, w.series.tri.id);
    expect(before).not.toBeNull();
    // A write elsewhere does not move this series' stamp.
    await db.issue.update({ where: { id: w.issues.eddProbe.id }, data: { title: "EDD probe, renamed" } });
    expect(await seriesStamp(db, w.series.tri.id)).toBe(before);
    expect(await seriesTimelines(db, viewer, w.series.tri.id)).toBe(first);
    // A write in the series does, and the next call recomputes.
    await db.issue.update({ where: { id: w.issues.triProbe.id }, data: { topic: "renamed topic" } });
    expect(await seriesStamp(db, w.series.tri.id)).not.toBe(before);
    expect(await seriesTimelines(db, viewer, w.series.tri.id)).not.toBe(first);
  });

  it("the series overview is built once per stamp, frozen, and rebuilt after a change", async () => {
    const caller = await kr();
    const first = await caller.tracker.seriesOverview({ seriesId: w.series.tri.id });
    // Shared between requests of the same class, so it must not be mutable by any of them.
    expect(await caller.tracker.seriesOverview({ seriesId: w.series.tri.id })).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.issues[0])).toBe(true);
    const probe = w.issues.triProbe.id;
    await db.issue.update({ where: { id: probe }, data: { title: "Probe, retitled for the overview" } });
    const second = await caller.tracker.seriesOverview({ seriesId: w.series.tri.id });
    expect(second).not.toBe(first);
    expect(second.issues.find((i) => i.id === probe)!.title).toBe("Probe, retitled for the overview");
    expect(first.issues.find((i) => i.id === probe)!.title).not.toBe("Probe, retitled for the overview");
  });

  it("a stance released through the stance service shows in the next call", async () => {
    const before = await probeStatuses();
    const draft = w.stances.triJpProbeDraft;
    const sessionsBefore = before.statuses.replace(/-/g, "").length;
    const jp = await callerFor(db, w.users.jpDelegate.id);
    await jp.stance.release({ stanceId: draft.id, version: draft.version, releaseLevel: "GOVERNMENTS" });
    const after = await probeStatuses();
    // The released JP position (−3, far from everyone's 1) gives the probe figures at the draft session.
    expect(after.statuses.replace(/-/g, "").length).toBe(sessionsBefore + 1);
    expect(after.latest?.sessionId).toBe(w.sessions.triDraft.id);
    expect(after.latest?.spreadSteps).toBe(4);
  });

  it("a direct database write to a stance, a seal, an agenda item or a party name shows in the next call", async () => {
    const atPublished = async () => {
      const view = await (await kr()).tracker.seriesOverview({ seriesId: w.series.tri.id });
      const row = view.issues.find((i) => i.id === w.issues.triProbe.id)!;
      return { row, parties: view.parties, view };
    };
    const column = (await atPublished()).view.sessions.findIndex((x) => x.id === w.sessions.triPublished.id);
    expect((await atPublished()).row.statuses[column]).toBe(STATUS_LETTER.CONVERGED);
    // A position changed behind every service's back: US −3 against JP and KR at 1.
    await db.stance.update({ where: { id: w.stances.triUsProbe.id }, data: { position: -3 } });
    expect((await atPublished()).row.statuses[column]).not.toBe(STATUS_LETTER.CONVERGED);

    // Sealing the published session hides every released stance of it from the KR delegate's figures.
    await db.session.update({ where: { id: w.sessions.triPublished.id }, data: { stancesSealedAt: new Date() } });
    const sealed = await (await kr()).tracker.session({ sessionId: w.sessions.triPublished.id });
    // Only KR's own released stance still counts there for the KR delegate.
    const probeSealed = sealed.issues.find((i) => i.issue.id === w.issues.triProbe.id)!;
    expect(probeSealed.positions.map((p) => p.partyId)).toEqual([w.parties.kr.id]);
    expect(probeSealed.status).toBe("INCOMPLETE");
    await db.session.update({ where: { id: w.sessions.triPublished.id }, data: { stancesSealedAt: null } });

    // A party renamed (Party has no series column: the trigger finds the series through SeriesParty).
    await db.party.update({ where: { id: w.parties.kr.id }, data: { name: "Korea (renamed)" } });
    expect((await atPublished()).parties.find((p) => p.id === w.parties.kr.id)!.name).toBe("Korea (renamed)");

    // The series renamed: the session tracker carries the series' name.
    await db.series.update({ where: { id: w.series.tri.id }, data: { name: "Trilateral (renamed)" } });
    expect((await (await kr()).tracker.session({ sessionId: w.sessions.triPublished.id })).series.name).toBe("Trilateral (renamed)");

    // An agenda item removed from the published session's agenda.
    const s = await (await kr()).tracker.session({ sessionId: w.sessions.triPublished.id });
    expect(s.issues.map((i) => i.issue.id)).toContain(w.issues.triGovernments.id);
    await db.agendaItem.delete({ where: { id: w.items.triGovernments.id } });
    const s2 = await (await kr()).tracker.session({ sessionId: w.sessions.triPublished.id });
    expect(s2.issues.map((i) => i.issue.id)).not.toContain(w.issues.triGovernments.id);
  });
});

describe("per-session views cached per series × class", () => {
  const jp = () => callerFor(db, w.users.jpDelegate.id);
  const session = () => w.sessions.triPublished.id;

  it("serve one class's answer to that class only: a party's drafts never reach another party", async () => {
    const mine = await (await jp()).stance.listForSession({ sessionId: session() });
    const jpDraft = w.stances.triJpParty.id;
    expect(mine.map((s) => s.id)).toContain(jpDraft);
    // The JP answer is now held; KR asks the same question right after.
    const theirs = await (await kr()).stance.listForSession({ sessionId: session() });
    expect(theirs.map((s) => s.id)).not.toContain(jpDraft);
    const board = await (await kr()).stance.board({ sessionId: session() });
    expect(board.rows.flatMap((r) => Object.values(r.cells)).some((c) => c?.stanceId === jpDraft)).toBe(false);
    // A scholar is never served a delegate's answer (and is never cached).
    expect(await (await callerFor(db, w.users.scholarA.id)).session.get({ sessionId: session() }).then((s) => s.myRole)).toBe("SCHOLAR");
    expect((await (await jp()).session.get({ sessionId: session() })).myPartyId).toBe(w.parties.jp.id);
  });

  it("answer the same object while nothing changed, and the new state right after a write", async () => {
    const caller = await jp();
    const first = await caller.session.get({ sessionId: session() });
    expect(await caller.session.get({ sessionId: session() })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    await db.session.update({ where: { id: session() }, data: { title: "TRI published, retitled" } });
    expect((await caller.session.get({ sessionId: session() })).title).toBe("TRI published, retitled");
    // A seal submission (shown on the board) moves the stamp too.
    const board = await caller.stance.board({ sessionId: session() });
    expect(await caller.stance.board({ sessionId: session() })).toBe(board);
    await db.sealSubmission.create({ data: { sessionId: session(), partyId: w.parties.kr.id, submittedById: w.users.krDelegate.id } });
    const after = await caller.stance.board({ sessionId: session() });
    expect(after.seal.submitted.map((s) => s.partyCode)).toContain("KR");
    await db.sealSubmission.deleteMany({ where: { sessionId: session() } });
  });
});
