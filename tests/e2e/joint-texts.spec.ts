import type { Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createAgendaItem, createJointText, inviteScholarToItem } from "@/prisma/seed/factories";
import { DEMO, createPublishedSession, expect, seriesId, signIn, test, uniqueSuffix, waitForHydration } from "./fixtures";

// Many steps in four browsers on a busy two-core machine.
test.describe.configure({ timeout: 300_000 });

/** Pictures for a human to look at, when E2E_SCREENSHOTS_DIR is set; not a check. */
async function shoot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: path.join(dir, `joint-text-${name}-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Selects a word of the negotiating view as a person would with the mouse. */
async function selectWord(page: Page, word: string) {
  await page.evaluate((w) => {
    const span = [...document.querySelectorAll<HTMLElement>("[data-segment]")].find((s) => s.textContent?.includes(w));
    const node = span!.firstChild!;
    const at = node.textContent!.indexOf(w);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + w.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, word);
}

async function openText(page: Page, url: string) {
  await page.goto(url);
  await waitForHydration(page, "[data-testid=negotiating-view]");
}

/** Confirms the open confirmation dialog with its button. */
async function confirm(page: Page, name: string) {
  await page.getByRole("alertdialog").getByRole("button", { name, exact: true }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
}

async function bracket(page: Page) {
  await page.getByTestId("bracket").first().click();
  return page.getByTestId("bracket-dialog");
}

test("the chair tables a text, JP proposes and tables an option, US holds, KR lifts, the chair accepts, the paragraph turns agreed", async ({
  page,
  e2eDb,
  seedDb,
  asUser,
}) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  const suffix = uniqueSuffix().slice(-5);
  const session = await createPublishedSession(seedDb, tri.id, `E2E joint texts ${suffix}`, 50);
  const { rows } = await e2eDb.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = ANY($1)`, [[DEMO.triConvenor, DEMO.jpScholar]]);
  const idOf = (email: string) => rows.find((r) => r.email === email)!.id;
  const item = await createAgendaItem(seedDb, { sessionId: session.id, position: 1, title: `Testing freeze ${suffix}`, status: "ACCEPTED" });
  await inviteScholarToItem(seedDb, { agendaItemId: item.id, userId: idOf(DEMO.jpScholar), invitedById: idOf(DEMO.triConvenor) });
  // A second text the parties read but scholars do not (released to governments only).
  const governmentsOnly = await createJointText(seedDb, {
    sessionId: session.id,
    createdById: idOf(DEMO.triConvenor),
    title: `Governments-only summary ${suffix}`,
    kind: "CHAIRS_SUMMARY",
    release: "GOVERNMENTS",
    revisions: [{ body: { paragraphs: [{ id: "p1", segments: [{ type: "text", text: "For governments only." }] }] } }],
  });

  // The chair starts the text, writes two paragraphs, brackets a word, releases and tables it.
  const title = `Fourth round recommendations ${suffix}`;
  await page.goto("/sign-in");
  await signIn(page, DEMO.triConvenor);
  await page.goto(`/sessions/${session.id}/texts`);
  await waitForHydration(page, "main button");
  await page.getByRole("button", { name: "New joint text" }).click();
  await page.getByLabel("Kind").selectOption("RECOMMENDATIONS");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Start text" }).click();
  await page.waitForURL(/\/joint-texts\//, { timeout: 60_000 });
  const url = new URL(page.url()).pathname;
  await waitForHydration(page, "[data-testid=negotiating-view]");
  for (const [i, text] of ["All parties should freeze nuclear testing.", "Risk reduction steps are **interim**."].entries()) {
    await page.getByLabel("Add a paragraph").fill(text);
    await page.getByRole("button", { name: "Add paragraph" }).click();
    await expect(page.getByTestId("paragraph")).toHaveCount(i + 1);
  }
  await selectWord(page, "should");
  await expect(page.getByText("Bracket “should”?")).toBeVisible();
  await page.getByRole("button", { name: "Bracket", exact: true }).click();
  await expect(page.getByTestId("bracket")).toHaveCount(1);
  await expect(page.getByTestId("clean-share")).toHaveText("91%");
  await expect(page.getByTestId("agreed-count")).toHaveText("1 of 2");
  await page.getByRole("button", { name: "Release", exact: true }).click();
  await confirm(page, "Release");
  await expect(page.getByTestId("joint-text-release")).toHaveText("Governments");
  await page.getByRole("button", { name: "Table revision" }).click();
  await confirm(page, "Table revision");
  await expect(page.getByTestId("revision-line")).toContainText("Latest tabled: Rev. 1");

  // JP proposes an option inside its delegation: KR does not see it, and no figure moves.
  const jp = await asUser(DEMO.jpDelegate);
  await openText(jp, url);
  let dialog = await bracket(jp);
  await dialog.getByLabel("Propose an option for your delegation").fill("shall");
  await dialog.getByRole("button", { name: "Propose", exact: true }).click();
  await jp.keyboard.press("Escape");
  await expect(jp.getByTestId("proposal")).toHaveAttribute("data-status", "DRAFT");
  await expect(jp.getByTestId("proposals")).toContainText("“shall”");

  const kr = await asUser(DEMO.krDelegate);
  await openText(kr, url);
  await expect(kr.getByTestId("negotiating-view")).toContainText("should");
  await expect(kr.getByText("“shall”")).toHaveCount(0);
  await expect(kr.getByTestId("proposal")).toHaveCount(0);
  await expect(kr.getByTestId("clean-share")).toHaveText("91%");

  // JP tables it: the option enters the text with JP holding.
  await jp.getByRole("button", { name: "Table", exact: true }).click();
  await confirm(jp, "Table");
  await expect(jp.getByTestId("bracket")).toContainText("should / shall");
  await expect(jp.getByTestId("bracket").getByTestId("holder-badge")).toHaveText(["JP"]);

  // JP comments on the first paragraph; KR's delegate sees the count and the comment.
  const jpFirst = jp.getByTestId("paragraph").first();
  await jpFirst.getByTestId("paragraph-comments-toggle").click();
  await jpFirst.getByTestId("comment-thread").getByLabel("Write a comment").fill(`JP could live with shall ${suffix}`);
  await jpFirst.getByTestId("comment-thread").getByRole("button", { name: "Post comment" }).click();
  await expect(jpFirst.getByTestId("comment-thread")).toContainText(`JP could live with shall ${suffix}`);
  await expect(jpFirst.getByTestId("paragraph-comments-toggle")).toContainText("Comments (1)");
  await openText(kr, url);
  const krFirst = kr.getByTestId("paragraph").first();
  await expect(krFirst.getByTestId("paragraph-comments-toggle")).toContainText("Comments (1)");
  await expect(kr.getByTestId("paragraph").nth(1).getByTestId("paragraph-comments-toggle")).toContainText("Comments (0)");
  await krFirst.getByTestId("paragraph-comments-toggle").click();
  await expect(krFirst.getByTestId("comment-thread")).toContainText(`JP could live with shall ${suffix}`);
  await shoot(kr, "paragraph-comments");

  // US holds; KR holds and lifts again.
  const us = await asUser(DEMO.usDelegate);
  await openText(us, url);
  dialog = await bracket(us);
  await dialog.getByRole("button", { name: "Hold", exact: true }).click();
  await expect(dialog.getByRole("button", { name: "Lift our hold" })).toBeVisible();
  await us.keyboard.press("Escape");
  await expect(us.getByTestId("holds-per-party")).toContainText("US");

  await openText(kr, url);
  dialog = await bracket(kr);
  await dialog.getByRole("button", { name: "Hold", exact: true }).click();
  await expect(dialog.getByRole("button", { name: "Lift our hold" })).toBeVisible();
  await dialog.getByRole("button", { name: "Lift our hold" }).click();
  await expect(dialog.getByRole("button", { name: "Hold", exact: true })).toBeVisible();
  await kr.keyboard.press("Escape");

  // While anyone holds, the chair cannot accept.
  await openText(page, url);
  dialog = await bracket(page);
  await expect(dialog.getByRole("button", { name: "Accept “shall”" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await shoot(page, "negotiating");

  for (const delegate of [us, jp]) {
    await openText(delegate, url);
    dialog = await bracket(delegate);
    await dialog.getByRole("button", { name: "Lift our hold" }).click();
    await expect(dialog.getByRole("button", { name: "Hold", exact: true })).toBeVisible();
    await delegate.keyboard.press("Escape");
  }

  await openText(page, url);
  dialog = await bracket(page);
  await dialog.getByRole("button", { name: "Accept “shall”" }).click();
  await confirm(page, "Accept");
  await expect(page.getByTestId("bracket")).toHaveCount(0);
  await expect(page.getByTestId("paragraph").first()).toHaveAttribute("data-agreed", "true");
  await expect(page.getByTestId("paragraph").first()).toContainText("All parties shall freeze nuclear testing.");
  await expect(page.getByTestId("clean-share")).toHaveText("100%");
  await expect(page.getByTestId("agreed-count")).toHaveText("2 of 2");

  // The clean view renders the agreed Markdown; the history compares two revisions in the notation.
  await page.getByRole("radio", { name: "Clean text" }).click();
  await expect(page.getByTestId("clean-view").locator("strong")).toHaveText("interim");
  await shoot(page, "clean");
  await page.getByRole("radio", { name: "Revisions" }).click();
  await page.getByRole("radio", { name: "Compare from Rev. 1" }).check();
  await expect(page.getByTestId("joint-text-compare")).toContainText("shall");
  await shoot(page, "compare");

  // A scholar sees the text once released to all participants, never the governments-only one.
  await openText(page, url);
  await page.getByLabel("Release to").selectOption("ALL_PARTICIPANTS");
  await page.getByRole("button", { name: "Release", exact: true }).click();
  await confirm(page, "Release");
  await expect(page.getByTestId("joint-text-release")).toHaveText("All participants");
  const scholar = await asUser(DEMO.jpScholar);
  await scholar.goto(`/sessions/${session.id}/texts`);
  await expect(scholar.getByRole("link", { name: title })).toBeVisible();
  await expect(scholar.getByText(governmentsOnly.title)).toHaveCount(0);
  const denied = await scholar.goto(`/joint-texts/${governmentsOnly.id}`);
  expect(denied?.status()).toBe(404);
  await kr.goto(`/sessions/${session.id}/texts`);
  await expect(kr.getByRole("link", { name: governmentsOnly.title })).toBeVisible();
});
