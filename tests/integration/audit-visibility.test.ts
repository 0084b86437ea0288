import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer, visibleAuditEventsWhere } from "@/server/access";
import { callerFor, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// The audit trail is a read path: per role and per event kind, an event is seen only by those who
// may read its object as it stood at the event and as it stands now (server/access/audit.ts).

const db = testDb();
let w: FixtureWorld;

type Role = "convenor" | "us" | "jp" | "kr" | "observer" | "scholarA" | "scholarB" | "eddConvenor" | "admin";
const ROLES: Role[] = ["convenor", "us", "jp", "kr", "observer", "scholarA", "scholarB", "eddConvenor", "admin"];

function userOf(role: Role): string {
  const u = w.users;
  return {
    convenor: u.triConvenor.id,
    us: u.usDelegate.id,
    jp: u.jpDelegate.id,
    kr: u.krDelegate.id,
    observer: u.observer.id,
    scholarA: u.scholarA.id,
    scholarB: u.scholarB.id,
    eddConvenor: u.eddConvenor.id,
    admin: u.admin.id,
  }[role];
}

const as = (role: Role) => callerFor(db, userOf(role));

/** The actions of the events about these objects that the role may read, oldest first. */
async function seen(role: Role, objectIds: string[]): Promise<string[]> {
  const viewer = await loadViewer(db, userOf(role), signedInNow());
  const rows = await db.auditEvent.findMany({
    where: { AND: [{ objectId: { in: objectIds } }, visibleAuditEventsWhere(viewer!)] },
    select: { action: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.action);
}

/** Who sees which actions of the events about these objects. */
async function seenByRole(objectIds: string[]): Promise<Record<Role, string[]>> {
  const out = {} as Record<Role, string[]>;
  for (const role of ROLES) out[role] = await seen(role, objectIds);
  return out;
}

/** The whole audit trail of TRI-15 as its convenor reads it, every page, as JSON text. */
async function convenorTrailText(): Promise<{ text: string; count: number }> {
  const c = await as("convenor");
  let cursor: string | undefined;
  const events: unknown[] = [];
  do {
    const page = await c.audit.list({ seriesId: w.series.tri.id, cursor });
    events.push(...page.events);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { text: JSON.stringify(events), count: events.length };
}

let counter = 0;
async function newTriSession(opts: { publish: boolean; seal?: boolean }) {
  const c = await as("convenor");
  const n = ++counter;
  const session = await c.session.create({
    seriesId: w.series.tri.id,
    title: `Audit round ${n}`,
    startsAt: `2031-0${(n % 9) + 1}-01T10:00`,
    endsAt: `2031-0${(n % 9) + 1}-01T12:00`,
    timeZone: "Asia/Tokyo",
    place: "",
    isVirtual: true,
  });
  const item = await c.agenda.createItem({ sessionId: session.id, title: `Audit item ${n}`, issueId: w.issues.triProbe.id, status: "ACCEPTED" });
  if (opts.publish) {
    const current = await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { version: true } });
    await c.agenda.publish({ sessionId: session.id, version: current.version });
  }
  if (opts.seal) await c.stance.seal({ sessionId: session.id });
  return { session, item };
}

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const NOBODY: string[] = [];

describe("audit events of papers and comments on them", () => {
  it("a PARTY draft and its comments are JP's alone; after release others see the history from the release on", async () => {
    const jp = await as("jp");
    const paper = await jp.paper.create({
      sessionId: w.sessions.triPublished.id,
      title: "MARKER-draft-title",
      body: "MARKER-draft-body",
      agendaItemIds: [w.items.triInvited.id],
    });
    const saved = await jp.paper.save({ paperId: paper.id, version: 1, title: "MARKER-draft-title-2", body: "x" });
    const comment = await jp.comment.create({ paperId: paper.id, body: "MARKER-draft-comment" });
    await jp.comment.edit({ commentId: comment.id, version: comment.version, body: "MARKER-draft-comment-edited" });
    const withdrawn = await jp.comment.create({ paperId: paper.id, body: "MARKER-draft-withdrawn" });
    await jp.comment.withdraw({ commentId: withdrawn.id });

    const ids = [paper.id, comment.id, withdrawn.id];
    const draftHistory = ["paper.created", "paper.saved", "comment.created", "comment.edited", "comment.created", "comment.withdrawn"];
    expect(await seenByRole(ids)).toEqual({
      convenor: NOBODY,
      us: NOBODY,
      jp: draftHistory,
      kr: NOBODY,
      observer: NOBODY,
      scholarA: NOBODY,
      scholarB: NOBODY,
      eddConvenor: NOBODY,
      admin: NOBODY,
    });
    expect((await convenorTrailText()).text).not.toMatch(/MARKER-draft|"position":-2/);

    await jp.paper.raiseRelease({ paperId: paper.id, version: saved.version, releaseLevel: "GOVERNMENTS" });
    const governmentsComment = await (await as("us")).comment.create({ paperId: paper.id, body: "governments comment" });
    const afterRelease = ["paper.released", "comment.created"];
    const governmentsView = await seenByRole([...ids, governmentsComment.id]);
    expect(governmentsView).toEqual({
      convenor: afterRelease,
      us: afterRelease,
      jp: [...draftHistory, ...afterRelease],
      kr: afterRelease,
      observer: afterRelease,
      scholarA: NOBODY,
      scholarB: NOBODY,
      eddConvenor: NOBODY,
      admin: NOBODY,
    });
    const trail = await convenorTrailText();
    // The release carries the draft's last title into a GOVERNMENTS revision: the convenor may read
    // that title now, and the trail names the paper by it. Nothing else of the draft shows.
    expect(trail.text).toContain("MARKER-draft-title-2");
    expect(trail.text.replaceAll("MARKER-draft-title-2", "")).not.toContain("MARKER-draft");

    const current = await db.positionPaper.findUniqueOrThrow({ where: { id: paper.id }, select: { version: true } });
    await jp.paper.raiseRelease({ paperId: paper.id, version: current.version, releaseLevel: "ALL_PARTICIPANTS" });
    const allView = await seenByRole([...ids, governmentsComment.id]);
    // scholarA is invited to the paper's item; scholarB is not.
    expect(allView.scholarA).toEqual(["paper.released"]);
    expect(allView.scholarB).toEqual(NOBODY);
    expect(allView.convenor).toEqual([...afterRelease, "paper.released"]);
  });

  it("a scholar's own draft paper is the scholar's alone", async () => {
    const scholar = await as("scholarA");
    const paper = await scholar.paper.create({
      sessionId: w.sessions.triPublished.id,
      title: "MARKER-scholar-draft",
      body: "b",
      agendaItemIds: [w.items.triInvited.id],
    });
    const byRole = await seenByRole([paper.id]);
    expect(Object.entries(byRole).filter(([, actions]) => actions.length > 0)).toEqual([["scholarA", ["paper.created"]]]);
  });
});

describe("audit events of stances", () => {
  it("draft stance values never reach the convenor; a release shows from the release on", async () => {
    const { session } = await newTriSession({ publish: true });
    const jp = await as("jp");
    const stance = await jp.stance.create({
      sessionId: session.id,
      issueId: w.issues.triProbe.id,
      position: -2,
      rationale: "MARKER-stance-rationale",
      conditions: "MARKER-stance-conditions",
      redLine: true,
      priority: 1,
    });
    const saved = await jp.stance.save({ stanceId: stance.id, version: 1, position: -1, rationale: "MARKER-stance-2", conditions: "", redLine: true, priority: 1 });
    expect(await seenByRole([stance.id])).toEqual({
      convenor: NOBODY,
      us: NOBODY,
      jp: ["stance.created", "stance.saved"],
      kr: NOBODY,
      observer: NOBODY,
      scholarA: NOBODY,
      scholarB: NOBODY,
      eddConvenor: NOBODY,
      admin: NOBODY,
    });
    expect((await convenorTrailText()).text).not.toContain(stance.id);

    await jp.stance.release({ stanceId: stance.id, version: saved.version, releaseLevel: "GOVERNMENTS" });
    const released = await seenByRole([stance.id]);
    expect(released.convenor).toEqual(["stance.released"]);
    expect(released.kr).toEqual(["stance.released"]);
    expect(released.observer).toEqual(["stance.released"]);
    expect(released.scholarA).toEqual(NOBODY);
    expect(released.jp).toEqual(["stance.created", "stance.saved", "stance.released"]);
  });

  it("a sealed session shows nothing of positions before the reveal, and released ones after it", async () => {
    const { session } = await newTriSession({ publish: true, seal: true });
    const us = await as("us");
    const jp = await as("jp");
    const usStance = await us.stance.create({ sessionId: session.id, issueId: w.issues.triProbe.id, position: 3, rationale: "MARKER-sealed-us", conditions: "", redLine: false, priority: 2 });
    const jpStance = await jp.stance.create({ sessionId: session.id, issueId: w.issues.triProbe.id, position: -3, rationale: "MARKER-sealed-jp", conditions: "", redLine: true, priority: 1 });
    await us.stance.submitSealed({ sessionId: session.id });

    const before = await seenByRole([usStance.id, jpStance.id]);
    expect(before.convenor).toEqual(NOBODY);
    expect(before.kr).toEqual(NOBODY);
    expect(before.jp).toEqual(["stance.created"]);
    expect(before.us).toEqual(["stance.created", "stance.released"]);
    // The seal's own events say who submitted, never how many positions.
    const sessionEvents = await db.auditEvent.findMany({ where: { objectId: session.id, action: "stance.submitted" }, select: { summary: true } });
    expect(sessionEvents.map((e) => Object.keys(e.summary as object).sort())).toEqual([["partyId", "revealed", "session"]]);
    expect(await seen("convenor", [session.id])).toEqual(expect.arrayContaining(["stance.sealed", "stance.submitted"]));
    expect((await convenorTrailText()).text).not.toMatch(/MARKER-sealed|"released"/);

    await (await as("convenor")).stance.openSeal({ sessionId: session.id });
    const after = await seenByRole([usStance.id, jpStance.id]);
    expect(after.convenor).toEqual(["stance.released"]);
    expect(after.kr).toEqual(["stance.released"]);
    expect(after.jp).toEqual(["stance.created", "stance.released"]);
  });
});

describe("audit events of comments on agenda items", () => {
  it("follow the item: draft agenda for convenors, uninvited items not for scholars, withdrawn text for readers only", async () => {
    const convenor = await as("convenor");
    const onDraft = await convenor.comment.create({ agendaItemId: w.items.triDraftProcedural.id, body: "MARKER-draft-agenda" });
    const us = await as("us");
    const onUninvited = await us.comment.create({ agendaItemId: w.items.triGovernments.id, body: "MARKER-uninvited" });
    await us.comment.withdraw({ commentId: onUninvited.id });
    const onInvited = await us.comment.create({ agendaItemId: w.items.triInvited.id, body: "on the invited item" });

    expect(await seenByRole([onDraft.id])).toEqual({
      convenor: ["comment.created"],
      us: NOBODY,
      jp: NOBODY,
      kr: NOBODY,
      observer: NOBODY,
      scholarA: NOBODY,
      scholarB: NOBODY,
      eddConvenor: NOBODY,
      admin: NOBODY,
    });
    const uninvited = await seenByRole([onUninvited.id]);
    expect(uninvited.scholarA).toEqual(NOBODY);
    expect(uninvited.kr).toEqual(["comment.created", "comment.withdrawn"]);
    expect(uninvited.eddConvenor).toEqual(NOBODY);
    const invited = await seenByRole([onInvited.id]);
    expect(invited.scholarA).toEqual(["comment.created"]);
    expect(invited.scholarB).toEqual(NOBODY);
  });
});

describe("audit events of minutes", () => {
  it("are the convenors' until release; others see from the release on", async () => {
    const convenor = await as("convenor");
    const { session } = await newTriSession({ publish: true });
    const first = await convenor.minutes.save({ sessionId: session.id, body: "MARKER-minutes-draft", version: 0 });
    const minutes = await db.minutes.findUniqueOrThrow({ where: { sessionId: session.id }, select: { id: true } });
    expect((await seenByRole([minutes.id])).us).toEqual(NOBODY);
    await convenor.minutes.release({ sessionId: session.id, version: first.version });
    await convenor.minutes.save({ sessionId: session.id, body: "after release", version: first.version });
    const byRole = await seenByRole([minutes.id]);
    expect(byRole.convenor).toEqual(["minutes.saved", "minutes.released", "minutes.saved"]);
    expect(byRole.us).toEqual(["minutes.released", "minutes.saved"]);
    expect(byRole.observer).toEqual(["minutes.released", "minutes.saved"]);
    expect(byRole.scholarA).toEqual(NOBODY);
  });
});

describe("audit events of agendas and sessions", () => {
  it("a draft agenda's items are the convenors'; after publication members see the item's later changes", async () => {
    const convenor = await as("convenor");
    const { session, item } = await newTriSession({ publish: false });
    await convenor.agenda.updateItem({ itemId: item.id, version: item.version, title: "MARKER-draft-item" });
    expect((await seenByRole([item.id])).us).toEqual(NOBODY);
    const current = await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { version: true } });
    await convenor.agenda.publish({ sessionId: session.id, version: current.version });
    const fresh = await db.agendaItem.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
    await convenor.agenda.updateItem({ itemId: item.id, version: fresh.version, status: "DISCUSSED" });
    const byRole = await seenByRole([item.id]);
    expect(byRole.convenor).toEqual(["agenda.item_created", "agenda.item_updated", "agenda.item_updated"]);
    expect(byRole.us).toEqual(["agenda.item_updated"]);
    expect(byRole.observer).toEqual(["agenda.item_updated"]);
    // Not invited to this item.
    expect(byRole.scholarA).toEqual(NOBODY);
    expect(byRole.eddConvenor).toEqual(NOBODY);
    const sessionEvents = await seenByRole([session.id]);
    expect(sessionEvents.convenor).toEqual(["session.created", "agenda.published"]);
    expect(sessionEvents.kr).toEqual(["session.created", "agenda.published"]);
    expect(sessionEvents.scholarA).toEqual(NOBODY);
  });

  it("a deleted draft item stays in its convenors' trail only", async () => {
    const convenor = await as("convenor");
    const { item } = await newTriSession({ publish: false });
    await convenor.agenda.deleteItem({ itemId: item.id, version: item.version });
    const byRole = await seenByRole([item.id]);
    expect(byRole.convenor).toEqual(["agenda.item_created", "agenda.item_deleted"]);
    expect(Object.entries(byRole).filter(([role, a]) => role !== "convenor" && a.length > 0)).toEqual([]);
  });

  it("scholar invitations to items are the convenors' business", async () => {
    const convenor = await as("convenor");
    await convenor.agenda.inviteScholar({ itemId: w.items.triProbe.id, userId: w.users.scholarB.id });
    const byRole = await seenByRole([w.items.triProbe.id]);
    expect(byRole.convenor).toEqual(["agenda.scholar_invited"]);
    expect(byRole.scholarB).toEqual(NOBODY);
    expect(byRole.us).toEqual(NOBODY);
  });
});

describe("audit events of assessments, members and invitations", () => {
  it("an assessment is its rater's alone", async () => {
    const scholar = await as("scholarA");
    const mine = await scholar.assessment.mine({ agendaItemId: w.items.triInvited.id });
    await scholar.assessment.save({ agendaItemId: w.items.triInvited.id, position: 2, reasoning: "MARKER-assessment", version: mine.assessment?.version });
    const assessment = await db.assessment.findFirstOrThrow({ where: { scholarId: w.users.scholarA.id, agendaItemId: w.items.triInvited.id } });
    const byRole = await seenByRole([assessment.id]);
    expect(Object.entries(byRole).filter(([, a]) => a.length > 0).map(([role]) => role)).toEqual(["scholarA"]);
    expect((await convenorTrailText()).text).not.toContain("MARKER-assessment");
  });

  it("member and invitation changes are the series' convenors'", async () => {
    const convenor = await as("convenor");
    const invitation = await convenor.invitation.create({ seriesId: w.series.tri.id, email: `audit-${Date.now()}@example.org`, role: "OBSERVER" });
    await convenor.invitation.revoke({ invitationId: invitation.id });
    const byRole = await seenByRole([invitation.id]);
    expect(byRole.convenor).toEqual(["invitation.created", "invitation.revoked"]);
    expect(Object.entries(byRole).filter(([role, a]) => role !== "convenor" && a.length > 0)).toEqual([]);
  });

  it("issue changes are for every government member of the series, never another series", async () => {
    const convenor = await as("convenor");
    const issue = await db.issue.findUniqueOrThrow({ where: { id: w.issues.triCriterion.id } });
    await convenor.issue.update({
      issueId: issue.id,
      version: issue.version,
      title: issue.title,
      kind: issue.kind,
      scaleMin: issue.scaleMin,
      scaleMax: issue.scaleMax,
      scaleLabels: issue.scaleLabels,
      topic: "audit",
    });
    const byRole = await seenByRole([w.issues.triCriterion.id]);
    expect(byRole.us).toEqual(["issue.updated"]);
    expect(byRole.observer).toEqual(["issue.updated"]);
    expect(byRole.eddConvenor).toEqual(NOBODY);
    expect(byRole.scholarA).toEqual(NOBODY);
  });
});

describe("the audit trail's pages and counts", () => {
  it("leaves hidden events out of pages and cursors, not just out of rows", async () => {
    const before = await convenorTrailText();
    const jp = await as("jp");
    const paper = await jp.paper.create({ sessionId: w.sessions.triPublished.id, title: "MARKER-many", body: "b", agendaItemIds: [w.items.triParty.id] });
    let version = 1;
    for (let i = 0; i < 60; i++) version = (await jp.paper.save({ paperId: paper.id, version, title: `MARKER-many-${i}`, body: "b" })).version;
    const after = await convenorTrailText();
    expect(after.count).toBe(before.count);
    const firstPage = await (await as("convenor")).audit.list({ seriesId: w.series.tri.id });
    expect(firstPage.events.length).toBe(Math.min(50, before.count));
    expect(after.text).not.toContain("MARKER-many");
  });
});
