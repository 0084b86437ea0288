import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { DEMO, expect, signIn, test } from "./fixtures";

/** Text with every run of whitespace as one space, so wrapped lines still match. */
const flat = (s: string) => s.replace(/\s+/g, " ");

test("the TRI convenor downloads the briefing book: the agenda is in it, no member's name is", async ({ page, e2eDb, asUser }) => {
  // Chromium prints the book on the server: slower than a page on a busy machine.
  test.setTimeout(120_000);
  const { rows: sessions } = await e2eDb.query<{ id: string; title: string }>(
    `SELECT s.id, s.title FROM "Session" s JOIN "Series" r ON r.id = s."seriesId"
     WHERE r."shortName" = 'TRI-15' AND s.title = 'Fourth round, Tokyo' AND s."agendaPublishedAt" IS NOT NULL`,
  );
  // A demo session by name: other specs add TRI-15 sessions of their own to the same database.
  const session = sessions[0];
  if (!session) throw new Error("No TRI-15 session with a published agenda in the demo data");
  const { rows: items } = await e2eDb.query<{ title: string }>(`SELECT title FROM "AgendaItem" WHERE "sessionId" = $1 ORDER BY position`, [session.id]);
  expect(items.length).toBeGreaterThan(0);
  // Every demo account's name (prisma/seed.ts DEMO_ACCOUNTS) and every scholar affiliation of the series.
  const { rows: people } = await e2eDb.query<{ name: string }>(`SELECT name FROM "User" WHERE email LIKE '%@demo.trilogue.test'`);
  expect(people.length).toBeGreaterThanOrEqual(Object.keys(DEMO).length);
  const { rows: affiliations } = await e2eDb.query<{ affiliation: string }>(
    `SELECT DISTINCT m.affiliation FROM "Membership" m WHERE m.affiliation IS NOT NULL`,
  );

  await page.goto("/sign-in");
  await signIn(page, DEMO.triConvenor);
  await page.goto(`/sessions/${session.id}/briefing`);
  await expect(page.getByRole("heading", { name: "Briefing book" })).toBeVisible();
  await expect(page.getByText("Chatham House rule", { exact: false }).first()).toBeVisible();
  mkdirSync("shots", { recursive: true });
  await page.screenshot({ path: "shots/briefing-tab.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^TRI-15-.*briefing-book\.pdf$/);
  const file = await download.path();
  const pdf = readFileSync(file);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  writeFileSync("shots/briefing-tri.pdf", pdf);

  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const text = flat((await parser.getText()).text);
  for (const item of items) expect(text).toContain(flat(item.title));
  expect(text).toContain(session.title);
  expect(text).toContain("Illustrative demo data");
  expect(text).toContain("A participant");
  expect(text).toMatch(/Page 1 of \d+/);
  for (const person of people) expect(text).not.toContain(person.name);
  for (const a of affiliations) expect(text).not.toContain(a.affiliation);
  // Two pages as images, to look at.
  try {
    const shots = await parser.getScreenshot({ first: 3, scale: 1.3 });
    shots.pages.forEach((p, i) => writeFileSync(`shots/briefing-page-${i + 1}.png`, Buffer.from(p.data)));
  } catch {
    // Rendering PDF pages needs a canvas; the text checks above are what the test asserts.
  }
  await parser.destroy();

  // The printable view is the same document.
  await page.goto(`/print/sessions/${session.id}/briefing`);
  await expect(page.getByRole("heading", { level: 1, name: session.title })).toBeVisible();
  await page.screenshot({ path: "shots/briefing-print.png", fullPage: true });

  // An observer of the series has no book: the downloads answer 404.
  const observer = await asUser(DEMO.observer);
  expect((await observer.request.get(`/api/sessions/${session.id}/briefing.pdf`)).status()).toBe(404);
  expect((await observer.request.get(`/api/sessions/${session.id}/briefing.md`)).status()).toBe(404);
});
