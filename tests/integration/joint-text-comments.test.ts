import { beforeAll, describe, expect, it } from "vitest";
import { createJointText } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { addParagraph, emptyBody } from "@/server/domain/joint-text";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// Comments on a paragraph of a joint text: the thread is as visible as the text (DESIGN.md "Joint
// texts"); observers read and write nothing; a refused comment writes nothing.
const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

type UserKey = keyof FixtureWorld["users"];
const as = (user: UserKey) => callerFor(db, w.users[user].id);

async function writes() {
  const [comments, audits, visits] = await Promise.all([db.comment.count(), db.auditEvent.count(), db.commentThreadVisit.count()]);
  return { comments, audits, visits };
}

let n = 0;
/** A TRI text (track 1.5, scholarA invited to an item of its session) with paragraph "p1", at a release. */
async function triText(release: "DRAFT" | "GOVERNMENTS" | "ALL_PARTICIPANTS") {
  const text = await createJointText(db, {
    sessionId: w.sessions.triPublished.id,
    createdById: w.users.triConvenor.id,
    title: `Paragraph comments ${++n}`,
    release,
    revisions: [{ body: addParagraph(emptyBody(), "p1", "All parties should freeze nuclear testing.") }],
  });
  return { jointTextId: text.id, paragraphId: "p1" };
}

const ALL: UserKey[] = ["triConvenor", "jpDelegate", "usDelegate", "krDelegate", "observer", "scholarA", "eddConvenor", "outsider"];

async function readers(target: { jointTextId: string; paragraphId: string }) {
  const out: Partial<Record<UserKey, string>> = {};
  for (const user of ALL) out[user] = await outcomeOf(async () => (await as(user)).comment.list(target));
  return out;
}

describe("comments on a paragraph of a joint text", () => {
  it("are read by those who read the text: the chair's DRAFT by convenors only, GOVERNMENTS without scholars, ALL_PARTICIPANTS with the invited scholar", async () => {
    const draft = await triText("DRAFT");
    expect(await readers(draft)).toEqual({
      triConvenor: "OK",
      jpDelegate: "NOT_FOUND",
      usDelegate: "NOT_FOUND",
      krDelegate: "NOT_FOUND",
      observer: "NOT_FOUND",
      scholarA: "NOT_FOUND",
      eddConvenor: "NOT_FOUND",
      outsider: "NOT_FOUND",
    });
    const governments = await triText("GOVERNMENTS");
    expect(await readers(governments)).toMatchObject({ krDelegate: "OK", observer: "OK", scholarA: "NOT_FOUND", eddConvenor: "NOT_FOUND", outsider: "NOT_FOUND" });
    const all = await triText("ALL_PARTICIPANTS");
    expect(await readers(all)).toMatchObject({ krDelegate: "OK", observer: "OK", scholarA: "OK", eddConvenor: "NOT_FOUND", outsider: "NOT_FOUND" });
  });

  it("a JP delegate's comment reaches KR, counted per paragraph, bumps the content stamp and is audited at the text's audience", async () => {
    const target = await triText("GOVERNMENTS");
    const contentVersion = async () => (await db.seriesTrackerStamp.findUnique({ where: { seriesId: w.series.tri.id } }))?.contentVersion ?? 0n;
    const stampBefore = await contentVersion();
    const jp = await as("jpDelegate");
    const created = await jp.comment.create({ ...target, body: "We could accept *shall* here." });
    const kr = await as("krDelegate");
    const thread = await kr.comment.list(target);
    expect(thread.thread.comments.map((c) => c.id)).toEqual([created.id]);
    expect(thread.thread.canComment).toBe(true);
    expect(await kr.comment.countsForJointText({ jointTextId: target.jointTextId })).toEqual([{ paragraphId: "p1", count: 1, newCount: 1 }]);
    expect(await jp.comment.countsForJointText({ jointTextId: target.jointTextId })).toEqual([{ paragraphId: "p1", count: 1, newCount: 0 }]);
    await kr.comment.markSeen({ ...target });
    expect(await kr.comment.countsForJointText({ jointTextId: target.jointTextId })).toEqual([{ paragraphId: "p1", count: 1, newCount: 0 }]);
    // The comment bumped the series' content stamp (cached thread views are dropped), markSeen did not matter.
    expect(await contentVersion()).toBeGreaterThan(stampBefore);
    const row = await db.comment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ jointTextId: target.jointTextId, paragraphId: "p1", agendaItemId: null, paperId: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "comment.created", objectId: created.id } });
    expect(audit.audience).toBe("GOVERNMENTS");
    // A reply stays on the paragraph; a reply naming another paragraph's thread is refused.
    const reply = await kr.comment.create({ ...target, parentId: created.id, body: "Not yet." });
    expect((await db.comment.findUniqueOrThrow({ where: { id: reply.id } })).parentId).toBe(created.id);
    const other = await triText("GOVERNMENTS");
    expect(await outcomeOf(() => kr.comment.create({ ...other, parentId: created.id, body: "Elsewhere" }))).toBe("BAD_REQUEST");
  });

  it("refusals write nothing: an observer (FORBIDDEN), KR on a DRAFT text and a scholar below ALL_PARTICIPANTS (NOT_FOUND), a missing paragraph", async () => {
    const governments = await triText("GOVERNMENTS");
    const draft = await triText("DRAFT");
    const before = await writes();
    const observer = await as("observer");
    expect(await outcomeOf(() => observer.comment.create({ ...governments, body: "Observer" }))).toBe("FORBIDDEN");
    expect((await observer.comment.list(governments)).thread.canComment).toBe(false);
    expect(await outcomeOf(async () => (await as("krDelegate")).comment.create({ ...draft, body: "Draft" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await as("krDelegate")).comment.countsForJointText({ jointTextId: draft.jointTextId }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await as("krDelegate")).comment.markSeen({ ...draft }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await as("scholarA")).comment.create({ ...governments, body: "Scholar" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await as("jpDelegate")).comment.create({ ...governments, paragraphId: "p-missing", body: "Gone" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(async () => (await as("jpDelegate")).comment.create({ ...governments, agendaItemId: w.items.eddGovernments.id, body: "Two" } as never))).toBe(
      "BAD_REQUEST",
    );
    expect(await writes()).toEqual(before);
  });

  it("a scholar comments on an ALL_PARTICIPANTS text of a track 1.5 series", async () => {
    const all = await triText("ALL_PARTICIPANTS");
    const scholar = await as("scholarA");
    const created = await scholar.comment.create({ ...all, body: "A scholar's view" });
    expect((await (await as("usDelegate")).comment.list(all)).thread.comments.map((c) => c.id)).toEqual([created.id]);
  });
});
