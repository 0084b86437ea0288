import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { buildJointTextExport, renderJointTextDocx } from "@/server/services/joint-texts/export";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// The Word export of a joint text, opened as Word would: unzip the .docx and read its XML parts.

const db = testDb();
let w: FixtureWorld;
const dir = mkdtempSync(join(tmpdir(), "jtx-docx-"));

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

type UserKey = keyof FixtureWorld["users"];
const as = (user: UserKey) => callerFor(db, w.users[user].id);
const viewerOf = async (user: UserKey) => (await loadViewer(db, w.users[user].id, signedInNow()))!;

async function exportAs(user: UserKey, textId: string) {
  return buildJointTextExport(db, await viewerOf(user), textId);
}

/** The .docx's XML parts by path inside the archive. */
async function docxParts(user: UserKey, textId: string): Promise<Record<string, string>> {
  const file = join(dir, `${textId}-${user}-${Date.now()}.docx`);
  writeFileSync(file, await renderJointTextDocx(await exportAs(user, textId)));
  const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n").filter((n) => n.endsWith(".xml") && !n.includes("["));
  return Object.fromEntries(names.map((n) => [n, execFileSync("unzip", ["-p", file, n], { encoding: "utf8" })]));
}

const plain = (xml: string) => xml.replace(/<[^>]+>/g, "");

/** A TRI text: a Japanese paragraph, "should" bracketed with JP's tabled "shall" (JP holds), released to governments. */
async function triText() {
  const chair = await as("triConvenor");
  const { id } = await chair.jointText.create({ sessionId: w.sessions.triPublished.id, kind: "RECOMMENDATIONS", title: "Export recommendations", languageTag: "en" });
  let v = 1;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "addParagraph", text: "All parties should freeze nuclear testing." } })).version;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "addParagraph", text: "核実験の凍結を支持する。핵실험 동결을 지지한다." } })).version;
  const p1 = (await chair.jointText.get({ textId: id })).paragraphs[0]!.id;
  v = (await chair.jointText.edit({ textId: id, version: v, operation: { op: "bracketSpan", paragraphId: p1, segmentIndex: 0, start: 12, end: 18, alternatives: [] } })).version;
  const draft = { id, version: v, chair, bracketId: (await chair.jointText.get({ textId: id })).brackets[0]!.id };
  return draft;
}

describe("joint text exports", () => {
  it("the chair's draft is marked DRAFT and is NOT_FOUND for everyone else", async () => {
    const t = await triText();
    const doc = await exportAs("triConvenor", t.id);
    expect(doc.marking).toBe("TRI · CONVENORS ONLY · CHATHAM HOUSE — DRAFT");
    for (const user of ["jpDelegate", "scholarA", "outsider", "eddConvenor"] as const) {
      expect(await outcomeOf(() => exportAs(user, t.id))).toBe("NOT_FOUND");
    }
  });

  it("the .docx holds the bracket notation, a footnote per held bracket by party code, the marking on every page and no person", async () => {
    const t = await triText();
    let v = (await t.chair.jointText.raiseRelease({ textId: t.id, version: t.version, release: "GOVERNMENTS" })).version;
    v = (await t.chair.jointText.table({ textId: t.id, version: v })).version;
    const jp = await as("jpDelegate");
    const proposal = await jp.jointText.propose({ textId: t.id, payload: { kind: "OPTION", bracketId: t.bracketId, text: "shall" } });
    v = (await jp.jointText.tableProposal({ proposalId: proposal.id, version: v })).version;
    // An untabled KR proposal moves nothing in anyone's export, KR's own included.
    const kr = await as("krDelegate");
    await kr.jointText.propose({ textId: t.id, payload: { kind: "OPTION", bracketId: t.bracketId, text: "must" } });

    const parts = await docxParts("krDelegate", t.id);
    const document = plain(parts["word/document.xml"]!);
    expect(document).toContain("All parties [should / shall] freeze nuclear testing.");
    expect(document).toContain("核実験の凍結を支持する。핵실험 동결을 지지한다.");
    expect(document).not.toContain("must");
    expect(parts["word/document.xml"]).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(plain(parts["word/footnotes.xml"]!)).toContain("Held by JP.");
    const headers = Object.entries(parts).filter(([n]) => /^word\/(header|footer)\d*\.xml$/.test(n));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const [, xml] of headers) expect(plain(xml)).toContain("TRI · GOVERNMENTS · CHATHAM HOUSE");
    expect(document).toContain("Rev. 1");

    // No person's name anywhere in the file (document, notes, headers, properties).
    const names = (await db.user.findMany({ select: { name: true } })).map((u) => u.name);
    const everything = Object.values(parts).map(plain).join("\n");
    for (const name of names) expect(everything).not.toContain(name);

    // Outside the series: 404 like a missing text.
    expect(await outcomeOf(() => exportAs("eddConvenor", t.id))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => exportAs("outsider", "no-such-text"))).toBe("NOT_FOUND");
    // Governments: a scholar does not read it yet.
    expect(await outcomeOf(() => exportAs("scholarA", t.id))).toBe("NOT_FOUND");

    // Once JP lifts and the chair accepts "shall", the export is the clean text without footnotes.
    v = (await jp.jointText.setHold({ textId: t.id, version: v, bracketId: t.bracketId, held: false })).version;
    const shall = (await t.chair.jointText.get({ textId: t.id })).brackets[0]!.options.find((o) => o.text === "shall")!;
    await t.chair.jointText.edit({ textId: t.id, version: v, operation: { op: "acceptOption", bracketId: t.bracketId, optionId: shall.id } });
    const clean = await exportAs("usDelegate", t.id);
    expect(clean).toMatchObject({ clean: true, footnotes: [] });
    const cleanParts = await docxParts("usDelegate", t.id);
    expect(plain(cleanParts["word/document.xml"]!)).toContain("All parties shall freeze nuclear testing.");
    expect(plain(cleanParts["word/document.xml"]!)).toContain("Clean text");
    expect(cleanParts["word/document.xml"]).not.toMatch(/footnoteReference/);
  });
});
