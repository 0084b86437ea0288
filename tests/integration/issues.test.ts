import { beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { AppError } from "@/server/errors";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { createAgendaItem, createIssue, createSession, createStance } from "@/prisma/seed/factories";
import { SCALE_LOCKED_MESSAGE } from "@/server/services/issues/issues";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const CRITERION = {
  kind: "DETERRENCE_CRITERION" as const,
  scaleMin: 0,
  scaleMax: 3,
  scaleLabels: ["Not required", "Desirable", "Important", "Essential"],
};

/** A refused call: its code, message, and the field errors the client would receive (see server/trpc/init.ts). */
async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(
    () => null,
    (x: unknown) => x,
  )) as { code: string; message: string; cause?: unknown } | null;
  expect(e, "expected the call to be refused").not.toBeNull();
  const cause = e!.cause;
  const fieldErrors =
    cause instanceof ZodError
      ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
      : cause instanceof AppError
        ? cause.fieldErrors
        : undefined;
  return { code: e!.code, message: e!.message, fieldErrors: fieldErrors ?? {} };
}

/** Counts that bad input must leave as they were. */
async function snapshot() {
  return { issues: await db.issue.count(), audits: await db.auditEvent.count({ where: { objectType: "Issue" } }) };
}

describe("issue.list", () => {
  it("shows government-side members every non-archived issue of the series, with the sessions discussing each", async () => {
    const eddIds = Object.entries(w.issues).filter(([k]) => k.startsWith("edd")).map(([, i]) => i.id).sort();
    for (const userId of [w.users.eddConvenor.id, w.users.jpDelegate.id, w.users.usDelegate.id, w.users.observer.id]) {
      const list = await (await callerFor(db, userId)).issue.list({ seriesId: w.series.edd.id });
      expect(list.map((i) => i.id).sort()).toEqual(eddIds);
    }
    // The probe issue is on the published agenda and on the draft one: the convenor sees both sessions, a delegate one.
    const convenorList = await (await callerFor(db, w.users.eddConvenor.id)).issue.list({ seriesId: w.series.edd.id });
    const delegateList = await (await callerFor(db, w.users.jpDelegate.id)).issue.list({ seriesId: w.series.edd.id });
    expect(convenorList.find((i) => i.id === w.issues.eddProbe.id)?.sessionCount).toBe(2);
    expect(delegateList.find((i) => i.id === w.issues.eddProbe.id)?.sessionCount).toBe(1);
    expect(delegateList.find((i) => i.id === w.issues.eddCriterion.id)?.sessionCount).toBe(0);
  });

  it("counts sessions, not items: two items on one issue in one session count once", async () => {
    const issue = await createIssue(db, { seriesId: w.series.edd.id, title: "EDD: discussed twice in one session" });
    for (const position of [20, 21]) {
      await createAgendaItem(db, { sessionId: w.sessions.eddPublished.id, position, title: `twice ${position}`, issueId: issue.id });
    }
    const list = await (await callerFor(db, w.users.usDelegate.id)).issue.list({ seriesId: w.series.edd.id });
    expect(list.find((i) => i.id === issue.id)?.sessionCount).toBe(1);
    await db.agendaItem.deleteMany({ where: { issueId: issue.id } });
    await db.issue.delete({ where: { id: issue.id } });
  });

  it("shows a scholar only the issue of their invited, published item", async () => {
    const list = await (await callerFor(db, w.users.scholarA.id)).issue.list({ seriesId: w.series.tri.id, includeArchived: true });
    // Not the probe issue: scholarA's other invitation is on an unpublished agenda.
    expect(list.map((i) => i.id)).toEqual([w.issues.triAllParticipants.id]);
    expect(list[0]!.sessionCount).toBe(1);
  });

  it("hides archived issues unless asked, and filters by kind", async () => {
    const archived = await createIssue(db, { seriesId: w.series.edd.id, title: "EDD: archived one", archivedAt: new Date() });
    const c = await callerFor(db, w.users.jpDelegate.id);
    expect((await c.issue.list({ seriesId: w.series.edd.id })).map((i) => i.id)).not.toContain(archived.id);
    expect((await c.issue.list({ seriesId: w.series.edd.id, includeArchived: true })).map((i) => i.id)).toContain(archived.id);
    const criteria = await c.issue.list({ seriesId: w.series.edd.id, kind: "DETERRENCE_CRITERION" });
    expect(criteria.map((i) => i.id)).toEqual([w.issues.eddCriterion.id]);
    await db.issue.delete({ where: { id: archived.id } });
  });

  it("is NOT_FOUND for a KR delegate on the EDD, and for the admin", async () => {
    for (const userId of [w.users.krDelegate.id, w.users.admin.id, w.users.outsider.id]) {
      expect(await outcomeOf(async () => (await callerFor(db, userId)).issue.list({ seriesId: w.series.edd.id }))).toBe("NOT_FOUND");
    }
  });
});

describe("issue.get", () => {
  it("returns the issue with the sessions the viewer may see discussing it", async () => {
    const got = await (await callerFor(db, w.users.jpDelegate.id)).issue.get({ issueId: w.issues.eddProbe.id });
    expect(got.title).toBe(w.issues.eddProbe.title);
    expect(got.agendaItems.map((a) => a.session.id)).toEqual([w.sessions.eddPublished.id]);
    expect(got.canEdit).toBe(false);
    // Whether drafts sit on the scale is for convenors only.
    expect(got.scaleLocked).toBeNull();
    const forConvenor = await (await callerFor(db, w.users.eddConvenor.id)).issue.get({ issueId: w.issues.eddProbe.id });
    expect(forConvenor.canEdit).toBe(true);
    expect(forConvenor.scaleLocked).toBe(true);
    expect(forConvenor.agendaItems.map((a) => a.session.id).sort()).toEqual([w.sessions.eddPublished.id, w.sessions.eddDraft.id].sort());
  });

  it("is NOT_FOUND for a KR delegate on an EDD issue, exactly like a missing id", async () => {
    const kr = await callerFor(db, w.users.krDelegate.id);
    const denied = await rejection(kr.issue.get({ issueId: w.issues.eddGovernments.id }));
    const missing = await rejection(kr.issue.get({ issueId: "no-such-issue" }));
    expect(denied.code).toBe("NOT_FOUND");
    expect(denied.message).toBe(missing.message);
  });

  it("lets a scholar open the issue of the invited item, and nothing else of the series", async () => {
    const s = await callerFor(db, w.users.scholarA.id);
    expect((await s.issue.get({ issueId: w.issues.triAllParticipants.id })).id).toBe(w.issues.triAllParticipants.id);
    for (const issue of [w.issues.triProbe, w.issues.triGovernments, w.issues.triCriterion, w.issues.eddGovernments]) {
      expect(await outcomeOf(() => s.issue.get({ issueId: issue.id }))).toBe("NOT_FOUND");
    }
  });

  it("is UNAUTHORIZED signed out", async () => {
    expect(await outcomeOf(async () => (await callerFor(db, null)).issue.get({ issueId: w.issues.eddGovernments.id }))).toBe("UNAUTHORIZED");
  });
});

describe("issue.create", () => {
  it("creates an issue with the Markdown stored as written, and audits it", async () => {
    const description = "An **essential** element.\n\n<script>alert('x')</script>";
    const c = await callerFor(db, w.users.eddConvenor.id);
    const issue = await c.issue.create({ seriesId: w.series.edd.id, title: "  Forward-deployed forces  ", description, topic: "posture", ...CRITERION });
    expect(issue.title).toBe("Forward-deployed forces");
    const stored = await db.issue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(stored).toMatchObject({ description, kind: "DETERRENCE_CRITERION", scaleMin: 0, scaleMax: 3, scaleLabels: CRITERION.scaleLabels, version: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "issue.created", objectId: issue.id } });
    expect(audit).toMatchObject({ actorId: w.users.eddConvenor.id, seriesId: w.series.edd.id, objectType: "Issue" });
    expect(audit.summary).toMatchObject({ after: { title: "Forward-deployed forces", scale: { min: 0, max: 3 } } });
    // Visible to the series' delegates at once.
    const list = await (await callerFor(db, w.users.jpDelegate.id)).issue.list({ seriesId: w.series.edd.id });
    expect(list.map((i) => i.id)).toContain(issue.id);
  });

  it("refuses other members (FORBIDDEN) and non-members (NOT_FOUND), writing nothing", async () => {
    const before = await snapshot();
    const body = { seriesId: w.series.edd.id, title: "Not allowed", description: "", topic: "", ...CRITERION };
    expect(await outcomeOf(async () => (await callerFor(db, w.users.jpDelegate.id)).issue.create(body))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.observer.id)).issue.create(body))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.krDelegate.id)).issue.create(body))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.triConvenor.id)).issue.create(body))).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["labels count mismatch", { scaleLabels: ["Not required", "Desirable", "Essential"] }, "scaleLabels", "Give one label per point: 4 labels for 0 to 3, not 3"],
    ["an empty label", { scaleLabels: ["Not required", "  ", "Important", "Essential"] }, "scaleLabels", "Label the point 1"],
    ["min equal to max", { scaleMin: 2, scaleMax: 2, scaleLabels: ["Only"] }, "scaleMax", "The highest point must be above the lowest"],
    ["min above max", { scaleMin: 3, scaleMax: 0 }, "scaleMax", "The highest point must be above the lowest"],
    ["more than 11 points", { scaleMin: -6, scaleMax: 6, scaleLabels: Array.from({ length: 13 }, (_, i) => `P${i}`) }, "scaleMax", "A scale has at most 11 points (this one has 13)"],
    ["a fractional point", { scaleMin: 0.5 }, "scaleMin", "Enter a whole number"],
    ["duplicate labels", { scaleLabels: ["Low", "Mid", "mid", "High"] }, "scaleLabels", "Same label as the point 1"],
  ])("refuses %s with a message on the field, and writes nothing", async (_, change, field, message) => {
    const before = await snapshot();
    const c = await callerFor(db, w.users.eddConvenor.id);
    const e = await rejection(
      c.issue.create({ seriesId: w.series.edd.id, title: "Bad scale", description: "", topic: "", ...CRITERION, ...change }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toContain(message);
    expect(e.fieldErrors[field]).toContain(message);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a too-short title", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const e = await rejection(c.issue.create({ seriesId: w.series.edd.id, title: "x", description: "", topic: "", ...CRITERION }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.fieldErrors.title).toEqual(["Enter a title of at least 3 characters"]);
  });
});

describe("issue.update", () => {
  async function fresh(title = "EDD: editable issue") {
    return createIssue(db, { seriesId: w.series.edd.id, title });
  }
  const bodyOf = (i: Awaited<ReturnType<typeof fresh>>) => ({
    issueId: i.id,
    version: i.version,
    title: i.title,
    description: i.description,
    kind: i.kind,
    topic: i.topic,
    scaleMin: i.scaleMin,
    scaleMax: i.scaleMax,
    scaleLabels: i.scaleLabels,
  });

  it("changes an unused issue's scale and kind, bumps the version, and audits before and after", async () => {
    const issue = await fresh();
    const c = await callerFor(db, w.users.eddConvenor.id);
    const updated = await c.issue.update({ ...bodyOf(issue), title: "EDD: renamed", ...CRITERION });
    expect(updated).toMatchObject({ title: "EDD: renamed", kind: "DETERRENCE_CRITERION", scaleMin: 0, scaleMax: 3, version: issue.version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "issue.updated", objectId: issue.id } });
    expect(audit.summary).toMatchObject({
      before: { title: "EDD: editable issue", kind: "PROPOSITION", scale: { min: -3, max: 3 } },
      after: { title: "EDD: renamed", kind: "DETERRENCE_CRITERION", scale: { min: 0, max: 3 } },
    });
  });

  it("refuses to change the points or the kind of an issue with stances, but lets the labels' wording change", async () => {
    const issue = await db.issue.findUniqueOrThrow({ where: { id: w.issues.eddGovernments.id } });
    expect(await db.stance.count({ where: { issueId: issue.id } })).toBeGreaterThan(0);
    const c = await callerFor(db, w.users.eddConvenor.id);
    const before = await snapshot();
    const narrowed = await rejection(
      c.issue.update({ ...bodyOf(issue), scaleMin: -2, scaleMax: 2, scaleLabels: ["a", "b", "c", "d", "e"] }),
    );
    expect(narrowed.code).toBe("BAD_REQUEST");
    expect(narrowed.message).toBe(SCALE_LOCKED_MESSAGE);
    expect(narrowed.fieldErrors.scaleMin).toEqual([SCALE_LOCKED_MESSAGE]);
    const rekinded = await rejection(c.issue.update({ ...bodyOf(issue), kind: "DETERRENCE_CRITERION" }));
    expect(rekinded.code).toBe("BAD_REQUEST");
    expect(await snapshot()).toEqual(before);
    const unchanged = await db.issue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(unchanged).toMatchObject({ scaleMin: -3, scaleMax: 3, kind: "PROPOSITION", version: issue.version });

    const clarified = [...issue.scaleLabels];
    clarified[3] = "Neither support nor oppose";
    const saved = await c.issue.update({ ...bodyOf(issue), scaleLabels: clarified });
    expect(saved.scaleLabels[3]).toBe("Neither support nor oppose");
    expect(saved.version).toBe(issue.version + 1);
  });

  it("locks the scale from the first stance on, even a party draft", async () => {
    const issue = await fresh("EDD: soon with a draft stance");
    const c = await callerFor(db, w.users.eddConvenor.id);
    expect((await c.issue.get({ issueId: issue.id })).scaleLocked).toBe(false);
    await createStance(db, {
      issueId: issue.id,
      sessionId: w.sessions.eddPublished.id,
      partyId: w.parties.jp.id,
      authorId: w.users.jpDelegate.id,
      position: 0,
      releaseLevel: "PARTY",
    });
    expect((await c.issue.get({ issueId: issue.id })).scaleLocked).toBe(true);
    const e = await rejection(c.issue.update({ ...bodyOf(issue), scaleMin: -2, scaleMax: 2, scaleLabels: ["a", "b", "c", "d", "e"] }));
    expect(e.code).toBe("BAD_REQUEST");
  });

  it("refuses a stale version with CONFLICT and keeps the first save", async () => {
    const issue = await fresh("EDD: edited twice");
    const c = await callerFor(db, w.users.eddConvenor.id);
    await c.issue.update({ ...bodyOf(issue), title: "EDD: first save" });
    const audits = await db.auditEvent.count({ where: { objectId: issue.id } });
    const stale = await rejection(c.issue.update({ ...bodyOf(issue), title: "EDD: second save" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/Reload/);
    expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).title).toBe("EDD: first save");
    expect(await db.auditEvent.count({ where: { objectId: issue.id } })).toBe(audits);
  });

  it("refuses bad scales on update, writing nothing", async () => {
    const issue = await fresh("EDD: bad update");
    const c = await callerFor(db, w.users.eddConvenor.id);
    const e = await rejection(c.issue.update({ ...bodyOf(issue), scaleLabels: issue.scaleLabels.slice(1) }));
    expect(e.code).toBe("BAD_REQUEST");
    expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).version).toBe(issue.version);
  });

  it("is FORBIDDEN for a JP delegate, NOT_FOUND for a KR delegate and for a scholar on a hidden issue", async () => {
    const issue = await fresh("EDD: guarded");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.jpDelegate.id)).issue.update(bodyOf(issue)))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.krDelegate.id)).issue.update(bodyOf(issue)))).toBe("NOT_FOUND");
    const tri = await db.issue.findUniqueOrThrow({ where: { id: w.issues.triAllParticipants.id } });
    const triGov = await db.issue.findUniqueOrThrow({ where: { id: w.issues.triGovernments.id } });
    expect(await outcomeOf(async () => (await callerFor(db, w.users.scholarA.id)).issue.update(bodyOf(tri)))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.scholarA.id)).issue.update(bodyOf(triGov)))).toBe("NOT_FOUND");
    expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).version).toBe(issue.version);
  });
});

describe("issue.archive and issue.unarchive", () => {
  it("archives and unarchives with version checks and audit events", async () => {
    const issue = await createIssue(db, { seriesId: w.series.edd.id, title: "EDD: to archive" });
    const c = await callerFor(db, w.users.eddConvenor.id);
    const archived = await c.issue.archive({ issueId: issue.id, version: issue.version });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await c.issue.list({ seriesId: w.series.edd.id })).map((i) => i.id)).not.toContain(issue.id);
    // Still readable by id: archived is history, not hidden.
    expect((await (await callerFor(db, w.users.jpDelegate.id)).issue.get({ issueId: issue.id })).archivedAt).not.toBeNull();

    expect((await rejection(c.issue.archive({ issueId: issue.id, version: archived.version }))).code).toBe("BAD_REQUEST");
    expect((await rejection(c.issue.unarchive({ issueId: issue.id, version: issue.version }))).code).toBe("CONFLICT");
    const restored = await c.issue.unarchive({ issueId: issue.id, version: archived.version });
    expect(restored.archivedAt).toBeNull();
    expect(restored.version).toBe(issue.version + 2);
    const actions = (await db.auditEvent.findMany({ where: { objectId: issue.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["issue.archived", "issue.unarchived"]);
  });

  it("refuses delegates and non-members, leaving the issue as it was", async () => {
    const issue = await createIssue(db, { seriesId: w.series.edd.id, title: "EDD: not theirs to archive" });
    expect(await outcomeOf(async () => (await callerFor(db, w.users.usDelegate.id)).issue.archive({ issueId: issue.id, version: 1 }))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.krDelegate.id)).issue.archive({ issueId: issue.id, version: 1 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.admin.id)).issue.unarchive({ issueId: issue.id, version: 1 }))).toBe("NOT_FOUND");
    expect((await db.issue.findUniqueOrThrow({ where: { id: issue.id } })).archivedAt).toBeNull();
  });
});

describe("sessions counted per viewer", () => {
  it("does not count an unpublished agenda for delegates", async () => {
    const session = await createSession(db, { seriesId: w.series.edd.id, title: "EDD: later draft" });
    const issue = await createIssue(db, { seriesId: w.series.edd.id, title: "EDD: only on a draft agenda" });
    await createAgendaItem(db, { sessionId: session.id, position: 1, title: "draft item", issueId: issue.id });
    const delegate = await (await callerFor(db, w.users.usDelegate.id)).issue.list({ seriesId: w.series.edd.id });
    const convenor = await (await callerFor(db, w.users.eddConvenor.id)).issue.list({ seriesId: w.series.edd.id });
    expect(delegate.find((i) => i.id === issue.id)?.sessionCount).toBe(0);
    expect(convenor.find((i) => i.id === issue.id)?.sessionCount).toBe(1);
  });
});
