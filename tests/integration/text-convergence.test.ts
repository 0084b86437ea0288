import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// Text convergence in the tracker: only texts the viewer may read count, and only tabled material
// moves a figure (a DRAFT text or a party's untabled proposal moves nothing another party sees).

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

type UserKey = keyof FixtureWorld["users"];
const as = (user: UserKey) => callerFor(db, w.users[user].id);
const convergence = async (user: UserKey, sessionId?: string) =>
  (await as(user)).tracker.textConvergence({ seriesId: w.series.tri.id, ...(sessionId ? { sessionId } : {}) });

/** A TRI text: two paragraphs, "should" bracketed, released to governments and tabled (Rev. 1). */
async function triText(title: string) {
  const chair = await as("triConvenor");
  const { id } = await chair.jointText.create({ sessionId: w.sessions.triPublished.id, kind: "RECOMMENDATIONS", title, languageTag: "en" });
  let v = 1;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "addParagraph", text: "All parties should freeze nuclear testing." } })).version;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "addParagraph", text: "Risk reduction steps are interim." } })).version;
  const p1 = (await chair.jointText.get({ textId: id })).paragraphs[0]!.id;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "bracketSpan", paragraphId: p1, segmentIndex: 0, start: 12, end: 18, alternatives: [] } })).version;
  v = (await chair.jointText.raiseRelease({ textId: id, version: v, release: "GOVERNMENTS" })).version;
  v = (await chair.jointText.table({ textId: id, version: v })).version;
  const bracketId = (await chair.jointText.get({ textId: id })).brackets[0]!.id;
  return { id, version: v, chair, bracketId };
}

describe("text convergence in the tracker", () => {
  it("KR's figures do not move with a DRAFT text or with JP's untabled proposal; tabling moves them", async () => {
    const t = await triText("Convergence recommendations");
    const before = await convergence("krDelegate");
    const row = before.texts.find((x) => x.id === t.id)!;
    expect(row).toMatchObject({ paragraphs: 2, agreedParagraphs: 1, brackets: 1, lastTabled: 1, release: "GOVERNMENTS" });
    expect(row.cleanShare).toBeCloseTo(10 / 11);
    expect(row.trend.map((p) => p.agreedParagraphs)).toEqual([1, 2, 1, 1, 1]);
    expect(row.trend[0]).toMatchObject({ revision: 2, cleanShare: 1 });
    expect(row.trend.at(-1)).toMatchObject({ tabledNo: 1 });

    // The chair's DRAFT text: counts for the convenor only.
    const chair = t.chair;
    const draft = await chair.jointText.create({ sessionId: w.sessions.triPublished.id, kind: "CHAIRS_SUMMARY", title: "Chair's draft summary", languageTag: "en" });
    await chair.jointText.edit({ textId: draft.id, version: 1, operation: { op: "addParagraph", text: "The chair's own words." } });
    expect(await convergence("krDelegate")).toEqual(before);
    expect((await convergence("triConvenor")).texts.map((x) => x.id)).toContain(draft.id);

    // JP's proposal inside its delegation: no one's figures move, JP's own included.
    const jp = await as("jpDelegate");
    const jpBefore = await convergence("jpDelegate");
    const proposal = await jp.jointText.propose({ textId: t.id, payload: { kind: "OPTION", bracketId: t.bracketId, text: "shall" } });
    expect(await convergence("krDelegate")).toEqual(before);
    expect(await convergence("jpDelegate")).toEqual(jpBefore);

    // Tabled, it is a revision: the trend gains a point and the bracket weighs its longest option.
    const v = (await jp.jointText.tableProposal({ proposalId: proposal.id, version: t.version })).version;
    const afterTabling = (await convergence("krDelegate")).texts.find((x) => x.id === t.id)!;
    expect(afterTabling.trend).toHaveLength(row.trend.length + 1);

    // JP lifts its hold and the chair accepts "shall": the text is clean and every paragraph agreed.
    const v2 = (await jp.jointText.setHold({ textId: t.id, version: v, bracketId: t.bracketId, held: false })).version;
    const shall = (await chair.jointText.get({ textId: t.id })).brackets[0]!.options.find((o) => o.text === "shall")!;
    await chair.jointText.edit({ textId: t.id, version: v2, operation: { op: "acceptOption", bracketId: t.bracketId, optionId: shall.id } });
    const clean = (await convergence("krDelegate", w.sessions.triPublished.id)).texts.find((x) => x.id === t.id)!;
    expect(clean).toMatchObject({ cleanShare: 1, agreedParagraphs: 2, paragraphs: 2, brackets: 0 });
    expect(clean.trend.at(-1)).toMatchObject({ cleanShare: 1, agreedParagraphs: 2 });
  });

  it("a scholar counts only texts released to all participants; other series and sessions answer NOT_FOUND", async () => {
    const t = await triText("Scholar convergence");
    expect((await convergence("scholarA")).texts.map((x) => x.id)).not.toContain(t.id);
    await t.chair.jointText.raiseRelease({ textId: t.id, version: t.version, release: "ALL_PARTICIPANTS" });
    expect((await convergence("scholarA")).texts.map((x) => x.id)).toContain(t.id);

    const outsider = await as("outsider");
    expect(await outcomeOf(() => outsider.tracker.textConvergence({ seriesId: w.series.tri.id }))).toBe("NOT_FOUND");
    const kr = await as("krDelegate");
    // A session of another series under this series: NOT_FOUND, like a missing one.
    expect(await outcomeOf(() => kr.tracker.textConvergence({ seriesId: w.series.tri.id, sessionId: w.sessions.eddPublished.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => kr.tracker.textConvergence({ seriesId: w.series.tri.id, sessionId: "no-such-session" }))).toBe("NOT_FOUND");
  });
});
