import type pg from "pg";
import type { Page } from "@playwright/test";
import { createAgendaItem, createIssue, inviteScholarToItem } from "@/prisma/seed/factories";
import type { Db } from "@/server/db";
import { DEMO, createPublishedSession, expect, seriesId, test, uniqueSuffix, waitForHydration } from "./fixtures";

const SCALE = ["Strongly oppose", "Oppose", "Somewhat oppose", "Neutral", "Somewhat support", "Support", "Strongly support"];

/**
 * A fresh published TRI session with one issue on its agenda, the JP scholar invited to that item:
 * each test gets a session nobody else touches.
 */
async function freshTriSession(db: pg.Pool, seed: Db, label: string) {
  const tri = await seriesId(db, "TRI-15");
  const suffix = uniqueSuffix();
  const title = `E2E stances ${label} ${suffix.slice(-5)}`;
  const issueTitle = `E2E proposition ${label} ${suffix.slice(-5)}`;
  const session = await createPublishedSession(seed, tri.id, title, 40);
  const issue = await createIssue(seed, {
    seriesId: tri.id,
    title: issueTitle,
    kind: "PROPOSITION",
    scaleMin: -3,
    scaleMax: 3,
    scaleLabels: SCALE,
  });
  const item = await createAgendaItem(seed, {
    sessionId: session.id,
    position: 1,
    title: `Item on ${issueTitle}`,
    issueId: issue.id,
    status: "ACCEPTED",
  });
  const scholar = await seed.user.findUniqueOrThrow({ where: { email: DEMO.jpScholar }, select: { id: true } });
  const convenor = await seed.user.findUniqueOrThrow({ where: { email: DEMO.triConvenor }, select: { id: true } });
  await inviteScholarToItem(seed, { agendaItemId: item.id, userId: scholar.id, invitedById: convenor.id });
  const ids = { session: session.id, issue: issue.id, item: item.id };
  return { ...ids, title, issueTitle, url: `/sessions/${ids.session}/stances` };
}

function cell(page: Page, issueId: string, party: string) {
  return page.getByTestId(`stance-row-${issueId}`).getByTestId(`stance-cell-${party}`);
}

async function openBoard(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("stance-board")).toBeVisible();
  await waitForHydration(page, "[data-testid=stance-board]");
}

/** Records the viewer's party's stance through the dialog. */
async function record(page: Page, issueId: string, party: string, point: string, rationale: string) {
  await cell(page, issueId, party).getByRole("button", { name: /^Record/ }).click();
  const dialog = page.getByRole("dialog", { name: `Record ${party}'s stance` });
  await dialog.getByRole("radio", { name: point }).check();
  await dialog.getByLabel("Rationale").fill(rationale);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(cell(page, issueId, party)).toContainText("Draft");
}

test("a JP draft stays with Japan; after release to governments Korea reads it, a scholar never", async ({ e2eDb, seedDb, asUser }) => {
  test.setTimeout(180_000);
  const s = await freshTriSession(e2eDb, seedDb, "release");
  const rationale = `Japanese reasoning ${uniqueSuffix()}`;

  const jp = await asUser(DEMO.jpDelegate);
  await openBoard(jp, s.url);
  await expect(cell(jp, s.issue, "JP")).toContainText("—");
  await record(jp, s.issue, "JP", "+2 Support", rationale);
  await expect(cell(jp, s.issue, "JP")).toContainText("+2");
  await expect(cell(jp, s.issue, "JP")).toContainText("Support");
  await jp.screenshot({ path: "shots/stances-jp-draft.png", fullPage: true });

  // The Korean delegate sees no Japanese position, and not its text anywhere on the page.
  const kr = await asUser(DEMO.krDelegate);
  await openBoard(kr, s.url);
  await expect(cell(kr, s.issue, "JP")).toContainText("—");
  await expect(kr.getByText(rationale)).toHaveCount(0);

  // Japan releases to governments.
  await cell(jp, s.issue, "JP").getByRole("button", { name: /Release JP's stance .* to Governments/ }).click();
  await jp.getByRole("alertdialog").getByRole("button", { name: "Release to Governments" }).click();
  await expect(jp.getByText("Stance released to Governments.")).toBeVisible();
  await expect(cell(jp, s.issue, "JP").getByText("Draft")).toHaveCount(0);
  await expect(cell(jp, s.issue, "JP").getByRole("button", { name: /to All participants/ })).toBeVisible();

  // Now Korea reads it, with only the released revision in its history.
  await openBoard(kr, s.url);
  await expect(cell(kr, s.issue, "JP")).toContainText("+2");
  await expect(cell(kr, s.issue, "JP")).toContainText("Governments");
  await cell(kr, s.issue, "JP").getByRole("button", { name: /JP on/ }).click();
  const history = kr.getByRole("dialog");
  await expect(history.getByTestId("stance-history").getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Revision 2");
  await expect(history).toContainText(rationale);
  await kr.screenshot({ path: "shots/stances-kr-history.png", fullPage: true });

  // The scholar invited to the item: no Stances tab, no board, the stance nowhere on the session page.
  const scholar = await asUser(DEMO.jpScholar);
  await scholar.goto(`/sessions/${s.session}`);
  await expect(scholar.getByRole("heading", { name: s.title })).toBeVisible();
  await expect(scholar.getByRole("link", { name: "Stances" })).toHaveCount(0);
  await expect(scholar.getByText(rationale)).toHaveCount(0);
  await scholar.goto(s.url);
  await expect(scholar.getByTestId("stance-board")).toHaveCount(0);
  await expect(scholar.getByText(rationale)).toHaveCount(0);
});

test("a sealed session: each party submits, and every party's stances appear together", async ({ e2eDb, seedDb, asUser }) => {
  test.setTimeout(240_000);
  const s = await freshTriSession(e2eDb, seedDb, "sealed");

  const convenor = await asUser(DEMO.triConvenor);
  await openBoard(convenor, s.url);
  await convenor.getByRole("button", { name: "Seal stances" }).click();
  await convenor.getByRole("alertdialog").getByRole("button", { name: "Seal stances" }).click();
  await expect(convenor.getByTestId("seal-panel")).toContainText("not yet submitted");

  const parties = [
    { code: "JP", email: DEMO.jpDelegate, point: "\u22121 Somewhat oppose" },
    { code: "US", email: DEMO.usDelegate, point: "+3 Strongly support" },
    { code: "KR", email: DEMO.krDelegate, point: "0 Neutral" },
  ];
  const pages: Page[] = [];
  for (const [i, p] of parties.entries()) {
    const page = await asUser(p.email);
    pages.push(page);
    await openBoard(page, s.url);
    await record(page, s.issue, p.code, p.point, `${p.code} sealed reasoning`);
    await page.getByRole("button", { name: "Submit our stances" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Submit our stances" }).click();
    await expect(page.getByTestId("seal-submissions")).toContainText(`${p.code} submitted`);
    if (i < parties.length - 1) {
      // Before the last submission nobody sees another party's stance; the convenor sees none.
      await openBoard(page, s.url);
      for (const other of parties.filter((o) => o.code !== p.code)) {
        await expect(cell(page, s.issue, other.code)).toContainText("—");
      }
      // A submitted party can no longer edit.
      await expect(cell(page, s.issue, p.code).getByRole("button", { name: /^Edit/ })).toHaveCount(0);
      await openBoard(convenor, s.url);
      for (const other of parties) await expect(cell(convenor, s.issue, other.code)).toContainText("—");
      await expect(convenor.getByTestId("seal-submissions")).toContainText(`${p.code} submitted`);
    }
  }

  // After the last submission every party's stance is visible to everyone, at once.
  for (const page of [...pages, convenor]) {
    await openBoard(page, s.url);
    await expect(page.getByTestId("seal-panel")).toContainText("revealed to all parties together");
    await expect(cell(page, s.issue, "JP")).toContainText("\u22121");
    await expect(cell(page, s.issue, "US")).toContainText("+3");
    await expect(cell(page, s.issue, "KR")).toContainText("Neutral");
  }
  await convenor.screenshot({ path: "shots/stances-revealed.png", fullPage: true });
});

test("a stale save keeps what was typed and shows both versions; the next save goes through", async ({ e2eDb, seedDb, asUser }) => {
  test.setTimeout(180_000);
  const s = await freshTriSession(e2eDb, seedDb, "conflict");
  const mine = `Mine ${uniqueSuffix()}`;
  const theirs = `Theirs ${uniqueSuffix()}`;

  const first = await asUser(DEMO.jpDelegate);
  await openBoard(first, s.url);
  await record(first, s.issue, "JP", "+2 Support", "First reasoning");

  // One delegate opens the stance; a colleague saves it meanwhile.
  await cell(first, s.issue, "JP").getByRole("button", { name: /^Edit JP's stance/ }).click();
  const dialog = first.getByRole("dialog", { name: "Edit JP's stance" });
  const second = await asUser(DEMO.jpDelegate);
  await openBoard(second, s.url);
  await cell(second, s.issue, "JP").getByRole("button", { name: /^Edit JP's stance/ }).click();
  const theirDialog = second.getByRole("dialog", { name: "Edit JP's stance" });
  await theirDialog.getByLabel("Rationale").fill(theirs);
  await theirDialog.getByRole("button", { name: "Save" }).click();
  await expect(theirDialog).toBeHidden();

  await dialog.getByLabel("Rationale").fill(mine);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByTestId("stance-conflict")).toBeVisible();
  // Their saved revision beside the typed text (the diff splits the two rationales word by word).
  await expect(dialog.getByTestId("stance-conflict")).toContainText("revision 2");
  await expect(dialog.getByTestId("stance-conflict")).toContainText(/Theirs.*Mine/);
  await expect(dialog.getByLabel("Rationale")).toHaveValue(mine);

  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await cell(first, s.issue, "JP").getByRole("button", { name: /^Edit JP's stance/ }).click();
  await expect(dialog.getByLabel("Rationale")).toHaveValue(mine);
});

test("a concluded session's stances and papers are locked, and the page says so", async ({ e2eDb, asUser }) => {
  const { rows } = await e2eDb.query<{ id: string }>(`SELECT id FROM "Session" WHERE title = 'Third round, Seoul'`);
  const jp = await asUser(DEMO.jpDelegate);
  await openBoard(jp, `/sessions/${rows[0]!.id}/stances`);
  await expect(jp.getByTestId("stances-locked")).toContainText("This session has concluded, so its stances are locked");
  await expect(jp.getByTestId("stance-board").getByRole("button", { name: /^(Record|Edit|Release)/ })).toHaveCount(0);

  const { rows: papers } = await e2eDb.query<{ id: string }>(`SELECT id FROM "PositionPaper" WHERE title = 'Theatre-range missiles and coercion over basing'`);
  await jp.goto(`/papers/${papers[0]!.id}`);
  await expect(jp.getByTestId("paper-locked")).toContainText("the paper is locked");
  await expect(jp.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(jp.getByRole("button", { name: /Withdraw/ })).toHaveCount(0);
});
