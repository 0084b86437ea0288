import { execFileSync } from "node:child_process";
import type pg from "pg";
import { mkdirSync, writeFileSync } from "node:fs";
import { createJointText } from "@/prisma/seed/factories";
import { createPublishedSession, DEMO, expect, seriesId, test, uniqueSuffix } from "./fixtures";

// The demo's joint texts exported as a delegation would take them away: PDF (read with pdftotext)
// and Word (.docx unzipped, its XML parts read), access-checked like the page.

const flat = (s: string) => s.replace(/\s+/g, " ");
const plain = (xml: string) => xml.replace(/<[^>]+>/g, "");

async function demoText(db: pg.Pool, shortName: string) {
  const { rows } = await db.query<{ id: string; title: string }>(
    `SELECT t.id, t.title FROM "JointText" t JOIN "Session" s ON s.id = t."sessionId" JOIN "Series" r ON r.id = s."seriesId"
     WHERE r."shortName" = $1 AND r.illustrative ORDER BY t."createdAt" LIMIT 1`,
    [shortName],
  );
  if (!rows[0]) throw new Error(`No demo joint text in ${shortName}`);
  return rows[0];
}

test("a delegate downloads TRI-15's recommendations as PDF and Word in the bracket notation; others get 404", async ({ e2eDb, asUser }) => {
  // Chromium prints the PDF on the server: slower than a page on a busy machine.
  test.setTimeout(150_000);
  mkdirSync("shots", { recursive: true });
  const tri = await demoText(e2eDb, "TRI-15");
  const { rows: people } = await e2eDb.query<{ name: string }>(`SELECT name FROM "User" WHERE email LIKE '%@demo.trilogue.test'`);

  const kr = await asUser(DEMO.krDelegate);
  const pdfResponse = await kr.request.get(`/api/joint-texts/${tri.id}/export.pdf`, { timeout: 120_000 });
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()["content-disposition"]).toMatch(/filename="TRI-15-Recommendations-on-nuclear-risk-reduction-rev-\d+\.pdf"/);
  writeFileSync("shots/joint-text-tri.pdf", await pdfResponse.body());
  const pdfText = flat(execFileSync("pdftotext", ["-layout", "shots/joint-text-tri.pdf", "-"], { encoding: "utf8" }));
  expect(pdfText).toContain("Recommendations on nuclear risk reduction");
  expect(pdfText).toContain("[should / shall]");
  expect(pdfText).toContain("Held by US.");
  expect(pdfText).toContain("Held by JP, US.");
  expect(pdfText).toContain("nuclear testing by North Korea");
  // The marking on every page: in the header and the footer of each.
  const pages = execFileSync("pdftotext", ["shots/joint-text-tri.pdf", "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim() !== "");
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) expect(flat(page).match(/TRI-15 · ALL PARTICIPANTS · CHATHAM HOUSE/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  for (const person of people) expect(pdfText).not.toContain(person.name);
  // Japan's untabled proposal stays inside its delegation: not in Korea's export.
  expect(pdfText).not.toContain("agreed timetable");

  const docxResponse = await kr.request.get(`/api/joint-texts/${tri.id}/export.docx`);
  expect(docxResponse.status()).toBe(200);
  writeFileSync("shots/joint-text-tri.docx", await docxResponse.body());
  const part = (name: string) => execFileSync("unzip", ["-p", "shots/joint-text-tri.docx", name], { encoding: "utf8" });
  const document = plain(part("word/document.xml"));
  expect(document).toContain("[should / shall]");
  expect(document).toContain("theatre-range missiles addressed in a later phase / address ICBMs and the theatre-range missiles");
  expect(part("word/document.xml")).toMatch(/<w:footnoteReference w:id="2"\/>/);
  const footnotes = plain(part("word/footnotes.xml"));
  expect(footnotes).toContain("Held by US.");
  expect(footnotes).toContain("Held by JP, US.");
  expect(plain(part("word/header1.xml"))).toContain("TRI-15 · ALL PARTICIPANTS · CHATHAM HOUSE");
  expect(plain(part("word/footer1.xml"))).toContain("TRI-15 · ALL PARTICIPANTS · CHATHAM HOUSE");
  for (const person of people) expect(document + footnotes + part("docProps/core.xml")).not.toContain(person.name);

  // An invited scholar reads the ALL_PARTICIPANTS text, so may export it.
  const scholar = await asUser(DEMO.jpScholar);
  expect((await scholar.request.get(`/api/joint-texts/${tri.id}/export.docx`)).status()).toBe(200);

  // EDD's statement is the clean text; Korea is not in EDD: 404, exactly like a missing text.
  const edd = await demoText(e2eDb, "EDD");
  const jp = await asUser(DEMO.jpDelegate);
  const eddDocx = await jp.request.get(`/api/joint-texts/${edd.id}/export.docx`);
  expect(eddDocx.status()).toBe(200);
  writeFileSync("shots/joint-text-edd.docx", await eddDocx.body());
  const eddDocument = plain(execFileSync("unzip", ["-p", "shots/joint-text-edd.docx", "word/document.xml"], { encoding: "utf8" }));
  expect(eddDocument).toContain("Clean text");
  expect(eddDocument).not.toContain("[");
  for (const path of [`/api/joint-texts/${edd.id}/export.docx`, `/api/joint-texts/${edd.id}/export.pdf`, `/api/joint-texts/no-such-text/export.docx`]) {
    expect((await kr.request.get(path)).status()).toBe(404);
  }
  expect((await scholar.request.get(`/api/joint-texts/${edd.id}/export.pdf`)).status()).toBe(404);

  // The printable page, to look at, at desk and phone widths.
  for (const [width, height] of [
    [1440, 1000],
    [390, 844],
  ] as const) {
    await kr.setViewportSize({ width, height });
    await kr.goto(`/print/joint-texts/${tri.id}`);
    await expect(kr.getByRole("heading", { level: 1, name: tri.title })).toBeVisible();
    await kr.screenshot({ path: `shots/joint-text-print-${width}.png`, fullPage: true });
  }
});

test("a chair's draft in Japanese and Korean prints in CJK, marked DRAFT, and only convenors may export it", async ({ e2eDb, seedDb, asUser }) => {
  test.setTimeout(150_000);
  mkdirSync("shots", { recursive: true });
  const series = await seriesId(e2eDb, "TRI-15");
  const session = await createPublishedSession(seedDb, series.id, `E2E joint text export ${uniqueSuffix()}`, 40);
  const { rows } = await e2eDb.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.triConvenor]);
  const title = `共同声明案 ${uniqueSuffix()}`;
  const draft = await createJointText(seedDb, {
    sessionId: session.id,
    createdById: rows[0]!.id,
    title,
    languageTag: "ja",
    revisions: [
      {
        body: {
          paragraphs: [
            {
              id: "p1",
              segments: [
                { type: "text", text: "三か国は核実験の凍結を" },
                { type: "bracket", id: "b1", options: [{ id: "b1-0", text: "支持する", proposedBy: null }, { id: "b1-1", text: "歓迎する", proposedBy: "JP" }], holds: ["JP", "KR"] },
                { type: "text", text: "。" },
              ],
            },
            { id: "p2", segments: [{ type: "text", text: "핵실험 동결을 지지한다." }] },
          ],
        },
      },
    ],
  });
  const chair = await asUser(DEMO.triConvenor);
  const response = await chair.request.get(`/api/joint-texts/${draft.id}/export.pdf`, { timeout: 120_000 });
  expect(response.status()).toBe(200);
  writeFileSync("shots/joint-text-cjk.pdf", await response.body());
  const text = flat(execFileSync("pdftotext", ["shots/joint-text-cjk.pdf", "-"], { encoding: "utf8" }));
  expect(text).toContain("[支持する / 歓迎する]");
  expect(text).toContain("핵실험 동결을 지지한다.");
  expect(text).toContain("Held by JP, KR.");
  expect(text).toContain("TRI-15 · CONVENORS ONLY · CHATHAM HOUSE — DRAFT");
  const kr = await asUser(DEMO.krDelegate);
  expect((await kr.request.get(`/api/joint-texts/${draft.id}/export.pdf`)).status()).toBe(404);
  expect((await kr.request.get(`/api/joint-texts/${draft.id}/export.docx`)).status()).toBe(404);
});

test("the trackers show text convergence beside stance convergence, from what the viewer may read", async ({ e2eDb, asUser }) => {
  mkdirSync("shots", { recursive: true });
  const tri = await demoText(e2eDb, "TRI-15");
  const { rows } = await e2eDb.query<{ seriesId: string; sessionId: string }>(
    `SELECT s."seriesId", s.id AS "sessionId" FROM "JointText" t JOIN "Session" s ON s.id = t."sessionId" WHERE t.id = $1`,
    [tri.id],
  );
  const { seriesId: triSeries, sessionId } = rows[0]!;
  const kr = await asUser(DEMO.krDelegate);
  for (const [width, height] of [
    [1440, 1000],
    [390, 844],
  ] as const) {
    await kr.setViewportSize({ width, height });
    await kr.goto(`/series/${triSeries}/tracker`);
    const section = kr.getByTestId("text-convergence");
    await expect(section.getByRole("heading", { name: "Text convergence" })).toBeVisible();
    const row = section.getByTestId(`text-convergence-${tri.id}`);
    await expect(row).toContainText(tri.title);
    await expect(row).toContainText("3 of 5");
    await expect(row.getByRole("img", { name: /Clean share over \d+ revisions/ })).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await kr.screenshot({ path: `shots/text-convergence-series-${width}.png`, fullPage: true });
  }
  await kr.goto(`/sessions/${sessionId}/tracker`);
  await expect(kr.getByTestId(`text-convergence-${tri.id}`)).toContainText("Rev. 2");
  // EDD's statement is not KR's to read: nowhere in KR's trackers.
  const edd = await demoText(e2eDb, "EDD");
  await expect(kr.getByTestId(`text-convergence-${edd.id}`)).toHaveCount(0);
});
