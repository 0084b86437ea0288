import { beforeAll, describe, expect, it } from "vitest";
import { joinNotation } from "@/lib/joint-text/notation";
import { createSession } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer, visibleAuditEventsWhere } from "@/server/access";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const as = (user: keyof FixtureWorld["users"]) => callerFor(db, w.users[user].id);
type Caller = Awaited<ReturnType<typeof as>>;

/** Everything a refused change could have written. */
async function snapshot() {
  const [texts, revisions, proposals, audits] = await Promise.all([
    db.jointText.findMany({ orderBy: { id: "asc" } }),
    db.jointTextRevision.count(),
    db.jointTextProposal.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { texts, revisions, proposals, audits };
}


/**
 * A TRI text by the chair: "All parties should freeze nuclear testing." with "should" bracketed
 * (no holds) and a second paragraph, released to governments and tabled as Rev. 1.
 */
async function triText(title = "Fourth round recommendations") {
  const chair = await as("triConvenor");
  const { id } = await chair.jointText.create({ sessionId: w.sessions.triPublished.id, kind: "RECOMMENDATIONS", title, languageTag: "en" });
  let v = 1;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "addParagraph", text: "All parties should freeze nuclear testing." } })).version;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "addParagraph", text: "Risk reduction steps are interim." } })).version;
  const p1 = (await chair.jointText.get({ textId: id })).paragraphs[0]!.id;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "bracketSpan", paragraphId: p1, segmentIndex: 0, start: 12, end: 18, alternatives: [] } })).version;
  v = (await chair.jointText.raiseRelease({ textId: id, version: v, release: "GOVERNMENTS" })).version;
  v = (await chair.jointText.table({ textId: id, version: v })).version;
  const text = await chair.jointText.get({ textId: id });
  return { id, version: v, p1, bracketId: text.brackets[0]!.id, chair };
}

describe("joint texts: the negotiation", () => {
  it("JP proposes and tables an option, US holds, KR and all lift, the chair accepts, the paragraph turns agreed", async () => {
    const t = await triText();
    const [jp, us, kr] = [await as("jpDelegate"), await as("usDelegate"), await as("krDelegate")];
    let text = await t.chair.jointText.get({ textId: t.id });
    expect(text.lastTabled).toMatchObject({ tabledNo: 1 });
    expect(text.figures).toMatchObject({ paragraphs: 2, agreedParagraphs: 1, brackets: 1 });
    expect(text.paragraphs[0]!.notation).toBe("All parties [should] freeze nuclear testing.");

    const proposal = await jp.jointText.propose({ textId: t.id, payload: { kind: "OPTION", bracketId: t.bracketId, text: "shall" }, note: "Stronger" });
    // Untabled: inside the JP delegation only, moving no figure anyone sees.
    for (const other of [us, kr, t.chair]) {
      const seen = await other.jointText.get({ textId: t.id });
      expect(seen.proposals.map((p) => p.id)).not.toContain(proposal.id);
      expect(seen.figures).toEqual(text.figures);
      expect(await outcomeOf(() => other.jointText.tableProposal({ proposalId: proposal.id, version: t.version }))).toBe("NOT_FOUND");
    }
    expect((await jp.jointText.get({ textId: t.id })).proposals).toEqual([expect.objectContaining({ id: proposal.id, status: "DRAFT", own: true, party: "JP" })]);
    const auditFor = async (user: keyof FixtureWorld["users"]) => {
      const viewer = await loadViewer(db, w.users[user].id, signedInNow());
      return db.auditEvent.count({ where: { AND: [{ action: "joint_text.proposal_drafted", objectId: t.id }, visibleAuditEventsWhere(viewer!)] } });
    };
    expect(await auditFor("jpDelegate")).toBe(1);
    expect(await auditFor("usDelegate")).toBe(0);
    expect(await auditFor("triConvenor")).toBe(0);

    let v = (await jp.jointText.tableProposal({ proposalId: proposal.id, version: t.version })).version;
    text = await us.jointText.get({ textId: t.id });
    expect(text.paragraphs[0]!.notation).toBe("All parties [should / shall]¹ freeze nuclear testing.");
    expect(text.brackets[0]).toMatchObject({ holds: ["JP"] });
    expect(text.proposals).toEqual([expect.objectContaining({ id: proposal.id, status: "TABLED", party: "JP", own: false })]);

    v = (await us.jointText.setHold({ textId: t.id, version: v, bracketId: t.bracketId, held: true })).version;
    v = (await kr.jointText.setHold({ textId: t.id, version: v, bracketId: t.bracketId, held: true })).version;
    expect((await kr.jointText.get({ textId: t.id })).party).toMatchObject({ code: "KR", holds: [expect.objectContaining({ bracketId: t.bracketId, otherHolders: ["JP", "US"] })] });
    expect((await t.chair.jointText.get({ textId: t.id })).figures.holdsByParty).toEqual([
      { party: "JP", brackets: 1 },
      { party: "KR", brackets: 1 },
      { party: "US", brackets: 1 },
    ]);
    v = (await kr.jointText.setHold({ textId: t.id, version: v, bracketId: t.bracketId, held: false })).version;

    const shall = (await t.chair.jointText.get({ textId: t.id })).brackets[0]!.options.find((o) => o.text === "shall")!;
    const before = await snapshot();
    expect(await outcomeOf(() => t.chair.jointText.edit({ textId: t.id, version: v, operation: { op: "acceptOption", bracketId: t.bracketId, optionId: shall.id } }))).toBe("BAD_REQUEST");
    expect(await snapshot()).toEqual(before);

    v = (await us.jointText.setHold({ textId: t.id, version: v, bracketId: t.bracketId, held: false })).version;
    v = (await jp.jointText.setHold({ textId: t.id, version: v, bracketId: t.bracketId, held: false })).version;
    v = (await t.chair.jointText.edit({ textId: t.id, version: v, operation: { op: "acceptOption", bracketId: t.bracketId, optionId: shall.id } })).version;
    text = await jp.jointText.get({ textId: t.id });
    expect(text.paragraphs[0]).toMatchObject({ agreed: true, notation: "All parties shall freeze nuclear testing." });
    expect(text.figures).toMatchObject({ agreedParagraphs: 2, brackets: 0, cleanShare: 1 });
    expect(text.clean.map((c) => c.text)).toEqual(["All parties shall freeze nuclear testing.", "Risk reduction steps are interim."]);

    const revisions = await us.jointText.revisions({ textId: t.id });
    expect(revisions[0]).toMatchObject({ number: text.currentRevision, change: { op: "acceptOption", by: "chair" } });
    expect(revisions.map((r) => r.figures.cleanShare).reverse().at(-1)).toBe(1);
    expect(JSON.stringify(revisions)).not.toContain("Convenor");
    const compare = await us.jointText.compare({ textId: t.id, from: t.version, to: text.currentRevision });
    expect(compare.from.text).toContain("[should]");
    expect(compare.to.text).toContain("shall freeze");
    // The page derives the whole-text notation from the paragraphs it is sent; it is the compare's text.
    const current = await us.jointText.get({ textId: t.id });
    const latest = await us.jointText.compare({ textId: t.id, from: current.currentRevision, to: current.currentRevision });
    expect(joinNotation(current.paragraphs.map((p) => p.notation), current.footnotes)).toBe(latest.to.text);

    // Every change wrote one revision and one audit event in the same transaction.
    const events = await db.auditEvent.count({ where: { jointTextId: t.id, action: { not: "joint_text.proposal_drafted" } } });
    expect(events).toBe(text.currentRevision);
  });

  it("a party changes only its own holds and proposals; refused changes write nothing", async () => {
    const t = await triText("Refusals");
    const jp = await as("jpDelegate");
    const proposal = await jp.jointText.propose({ textId: t.id, payload: { kind: "OPTION", bracketId: t.bracketId, text: "" }, note: "" });
    const before = await snapshot();
    const cases: [keyof FixtureWorld["users"], (c: Caller) => Promise<unknown>, string][] = [
      ["usDelegate", (c) => c.jointText.tableProposal({ proposalId: proposal.id, version: t.version }), "NOT_FOUND"],
      ["usDelegate", (c) => c.jointText.withdrawProposal({ proposalId: proposal.id, version: 1 }), "NOT_FOUND"],
      ["usDelegate", (c) => c.jointText.setHold({ textId: t.id, version: t.version, bracketId: t.bracketId, held: false }), "BAD_REQUEST"],
      ["usDelegate", (c) => c.jointText.edit({ textId: t.id, version: t.version, operation: { op: "addParagraph", text: "US text" } }), "FORBIDDEN"],
      ["eddConvenor", (c) => c.jointText.setHold({ textId: t.id, version: t.version, bracketId: t.bracketId, held: true }), "NOT_FOUND"],
      ["observer", (c) => c.jointText.setHold({ textId: t.id, version: t.version, bracketId: t.bracketId, held: true }), "FORBIDDEN"],
      ["observer", (c) => c.jointText.propose({ textId: t.id, payload: { kind: "OPTION", bracketId: t.bracketId, text: "x" }, note: "" }), "FORBIDDEN"],
      ["scholarA", (c) => c.jointText.setHold({ textId: t.id, version: t.version, bracketId: t.bracketId, held: true }), "NOT_FOUND"],
      ["triConvenor", (c) => c.jointText.setHold({ textId: t.id, version: t.version, bracketId: t.bracketId, held: true }), "FORBIDDEN"],
      ["triConvenor", (c) => c.jointText.raiseRelease({ textId: t.id, version: t.version, release: "GOVERNMENTS" }), "BAD_REQUEST"],
      ["jpDelegate", (c) => c.jointText.propose({ textId: t.id, payload: { kind: "OPTION", bracketId: "no-such-bracket", text: "x" }, note: "" }), "BAD_REQUEST"],
      ["jpDelegate", (c) => c.jointText.tableProposal({ proposalId: proposal.id, version: t.version + 5 }), "CONFLICT"],
    ];
    for (const [user, call, expected] of cases) {
      expect([user, await outcomeOf(async () => call(await as(user)))]).toEqual([user, expected]);
    }
    expect(await snapshot()).toEqual(before);
    // The party's own delegate withdraws it; then it can no longer be tabled.
    await jp.jointText.withdrawProposal({ proposalId: proposal.id, version: 1 });
    expect(await outcomeOf(() => jp.jointText.tableProposal({ proposalId: proposal.id, version: t.version }))).toBe("BAD_REQUEST");
  });

  it("a stale change answers CONFLICT and writes nothing", async () => {
    const t = await triText("Stale");
    await t.chair.jointText.edit({ textId: t.id, version: t.version, operation: { op: "addParagraph", text: "First" } });
    const before = await snapshot();
    expect(await outcomeOf(() => t.chair.jointText.edit({ textId: t.id, version: t.version, operation: { op: "addParagraph", text: "Second" } }))).toBe("CONFLICT");
    expect(await outcomeOf(async () => (await as("usDelegate")).jointText.setHold({ textId: t.id, version: t.version, bracketId: t.bracketId, held: true }))).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
  });

  it("twenty concurrent changes to one paragraph: exactly one wins per round, nothing lost", async () => {
    const t = await triText("Concurrency");
    let v = t.version;
    const winners: string[] = [];
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          outcomeOf(() => t.chair.jointText.edit({ textId: t.id, version: v, operation: { op: "editParagraph", paragraphId: t.p1, template: `Round ${round} writer ${i} [[1]] agree.` } })),
        ),
      );
      expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(19);
      winners.push(`Round ${round} writer ${outcomes.indexOf("OK")} [should] agree.`);
      v += 1;
    }
    const revisions = await t.chair.jointText.revisions({ textId: t.id });
    expect(revisions[0]!.number).toBe(v);
    const texts = await Promise.all(winners.map((_, i) => t.chair.jointText.compare({ textId: t.id, from: t.version, to: t.version + i + 1 })));
    expect(texts.map((c) => c.to.text.split("\n")[0])).toEqual(winners.map((x) => `1. ${x}`));
  });
});

describe("joint texts: visibility", () => {
  it("DRAFT is the convenors'; GOVERNMENTS adds delegates and observers; ALL_PARTICIPANTS the invited scholars", async () => {
    const chair = await as("triConvenor");
    const { id } = await chair.jointText.create({ sessionId: w.sessions.triPublished.id, kind: "CHAIRS_SUMMARY", title: "Chair's summary in preparation", languageTag: "en" });
    const listed = async (user: keyof FixtureWorld["users"]) =>
      (await (await as(user)).jointText.listForSession({ sessionId: w.sessions.triPublished.id })).texts.some((x) => x.id === id);
    const readers = ["triConvenor", "usDelegate", "jpDelegate", "krDelegate", "observer", "scholarA"] as const;
    const read = async () => Object.fromEntries(await Promise.all(readers.map(async (u) => [u, await listed(u)] as const)));
    expect(await read()).toEqual({ triConvenor: true, usDelegate: false, jpDelegate: false, krDelegate: false, observer: false, scholarA: false });
    expect(await outcomeOf(async () => (await as("usDelegate")).jointText.get({ textId: id }))).toBe("NOT_FOUND");
    let v = (await chair.jointText.raiseRelease({ textId: id, version: 1, release: "GOVERNMENTS" })).version;
    expect(await read()).toEqual({ triConvenor: true, usDelegate: true, jpDelegate: true, krDelegate: true, observer: true, scholarA: false });
    expect(await outcomeOf(async () => (await as("scholarA")).jointText.get({ textId: id }))).toBe("NOT_FOUND");
    v = (await chair.jointText.raiseRelease({ textId: id, version: v, release: "ALL_PARTICIPANTS" })).version;
    expect(await read()).toMatchObject({ scholarA: true });
    // Scholars read only: no holds, no proposals.
    const scholar = await as("scholarA");
    expect((await scholar.jointText.get({ textId: id })).canNegotiate).toBe(false);
    expect(await outcomeOf(() => scholar.jointText.propose({ textId: id, payload: { kind: "OPTION", bracketId: "x", text: "y" }, note: "" }))).toBe("FORBIDDEN");
    // Raised one way.
    expect(await outcomeOf(() => chair.jointText.raiseRelease({ textId: id, version: v, release: "GOVERNMENTS" }))).toBe("BAD_REQUEST");
    // Another series' members never see it, at any level.
    expect(await outcomeOf(async () => (await as("eddConvenor")).jointText.get({ textId: id }))).toBe("NOT_FOUND");
  });
});

describe("joint texts: sessions and carry-over", () => {
  it("a concluded session locks its texts; the next session's text starts from it", async () => {
    const chair = await as("triConvenor");
    const earlier = await createSession(db, { seriesId: w.series.tri.id, status: "IN_SESSION", startsAt: new Date(Date.now() - 20 * 86_400_000) });
    const later = await createSession(db, { seriesId: w.series.tri.id, status: "AGENDA_PUBLISHED", startsAt: new Date(Date.now() + 40 * 86_400_000) });
    const { id } = await chair.jointText.create({ sessionId: earlier.id, kind: "JOINT_STATEMENT", title: "Statement, earlier round", languageTag: "en" });
    const v = (await chair.jointText.edit({ textId: id, version: 1, operation: { op: "addParagraph", text: "Carried words." } })).version;
    await db.session.update({ where: { id: earlier.id }, data: { status: "CONCLUDED" } });
    const before = await snapshot();
    expect(await outcomeOf(() => chair.jointText.edit({ textId: id, version: v, operation: { op: "addParagraph", text: "Late" } }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => chair.jointText.create({ sessionId: earlier.id, kind: "JOINT_STATEMENT", title: "Too late", languageTag: "en" }))).toBe("BAD_REQUEST");
    expect(await snapshot()).toEqual(before);
    expect((await chair.jointText.get({ textId: id })).canChair).toBe(false);

    const list = await chair.jointText.listForSession({ sessionId: later.id });
    expect(list.carryFrom.map((c) => c.id)).toContain(id);
    const carried = await chair.jointText.create({ sessionId: later.id, kind: "JOINT_STATEMENT", title: "Statement, next round", languageTag: "en", carriedFromId: id });
    const got = await chair.jointText.get({ textId: carried.id });
    expect(got.paragraphs.map((p) => p.notation)).toEqual(["Carried words."]);
    expect(got.carriedFrom).toMatchObject({ id });
    // Not from a later session, nor from another series.
    const laterText = await chair.jointText.create({ sessionId: later.id, kind: "JOINT_STATEMENT", title: "Later text", languageTag: "en" });
    expect(await outcomeOf(() => chair.jointText.create({ sessionId: w.sessions.triPublished.id, kind: "JOINT_STATEMENT", title: "Backwards", languageTag: "en", carriedFromId: laterText.id }))).toBe("BAD_REQUEST");
  });

  it("every change bumps the series' content stamp, so cached views stay fresh", async () => {
    const t = await triText("Stamp");
    const stamp = async () => (await db.seriesTrackerStamp.findUniqueOrThrow({ where: { seriesId: w.series.tri.id } })).contentVersion;
    const before = await stamp();
    await t.chair.jointText.edit({ textId: t.id, version: t.version, operation: { op: "addParagraph", text: "More" } });
    expect(await stamp()).toBeGreaterThan(before);
  });
});
