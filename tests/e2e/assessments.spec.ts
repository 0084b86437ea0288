import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { addMember, createAgendaItem, createIssue, createSession, inviteScholarToItem } from "@/prisma/seed/factories";
import type { Db } from "@/server/db";
import { DEMO, expect, seriesId, test, uniqueSuffix } from "@/tests/e2e/fixtures";

// Scholar assessments (Delphi) on the agenda item page: an invited scholar assesses, a delegate
// sees "not enough assessments" until three scholars have, then the panel's figures.

const LABELS = ["Strongly oppose", "Oppose", "Lean oppose", "Neutral", "Lean support", "Support", "Strongly support"];

async function userId(db: pg.Pool, email: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!rows[0]) throw new Error(`No user ${email}`);
  return rows[0].id;
}

/** A fresh TRI session (agenda published, in session) with one item on a fresh issue, jp.scholar invited. */
async function freshTriItem(db: pg.Pool, seed: Db) {
  const tri = await seriesId(db, "TRI-15");
  const s = uniqueSuffix();
  const convenor = await userId(db, DEMO.triConvenor);
  const scholar = await userId(db, DEMO.jpScholar);
  const startsAt = new Date(Date.now() + 90 * 24 * 3600 * 1000);
  const now = new Date();
  const session = await createSession(seed, {
    seriesId: tri.id,
    title: `E2E assessment round ${s}`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 24 * 3600 * 1000),
    timeZone: "UTC",
    place: null,
    status: "IN_SESSION",
    agendaPublishedAt: now,
    agendaUpdatedAt: now,
  });
  const issue = await createIssue(seed, {
    seriesId: tri.id,
    title: `E2E proposition ${s}`,
    kind: "PROPOSITION",
    scaleMin: -3,
    scaleMax: 3,
    scaleLabels: LABELS,
  });
  const item = await createAgendaItem(seed, {
    sessionId: session.id,
    position: 1,
    title: `E2E item on the proposition ${s}`,
    issueId: issue.id,
    status: "ACCEPTED",
  });
  const invite = (user: string) => inviteScholarToItem(seed, { agendaItemId: item.id, userId: user, invitedById: convenor });
  await invite(scholar);
  return { triId: tri.id, sessionId: session.id, itemId: item.id, invite };
}

async function assess(page: Page, url: string, position: string, reasoning: string) {
  await page.goto(url);
  const form = page.getByTestId("assessment-form");
  await expect(form).toBeVisible();
  await form.getByRole("radio", { name: position }).check();
  await form.getByLabel("Reasoning").fill(reasoning);
  await form.getByRole("button", { name: "Submit assessment" }).click();
  await expect(page.getByTestId("my-assessment-value")).toContainText(reasoning);
}

test("a scholar assesses an invited item; a delegate sees the panel only once three scholars have", async ({ asUser, users, e2eDb, seedDb }) => {
  // Four people sign in one after the other on a busy machine.
  test.setTimeout(180_000);
  const { triId, sessionId, itemId, invite } = await freshTriItem(e2eDb, seedDb);
  const url = `/sessions/${sessionId}/items/${itemId}`;

  // jp.scholar: the form with each point labelled, then their own assessment with "Revise".
  const scholar = await asUser(DEMO.jpScholar);
  await scholar.goto(url);
  const panel = scholar.getByTestId("assessment-panel");
  await expect(panel.getByRole("radio")).toHaveCount(7);
  await expect(panel.getByRole("radio", { name: "+2 Support" })).toBeVisible();
  // Submitting without a point is refused beside the scale.
  await panel.getByRole("button", { name: "Submit assessment" }).click();
  await expect(panel.getByText("Choose a point of the scale")).toBeVisible();
  await assess(scholar, url, "+2 Support", "Limits matter more than their form.");
  await expect(scholar.getByTestId("panel-not-enough")).toBeVisible();
  // Revise: the form comes back with the saved point.
  await scholar.getByRole("button", { name: "Revise" }).click();
  await expect(scholar.getByRole("radio", { name: "+2 Support" })).toBeChecked();
  await scholar.getByRole("button", { name: "Cancel" }).click();

  // A TRI delegate: no form, no count, only "not enough assessments".
  const delegate = await asUser(DEMO.jpDelegate);
  await delegate.goto(url);
  await expect(delegate.getByTestId("panel-not-enough")).toHaveText(/Not enough assessments yet/);
  await expect(delegate.getByTestId("assessment-form")).toHaveCount(0);
  await expect(delegate.getByTestId("panel-figures")).toHaveCount(0);
  await expect(delegate.getByTestId("assessment-panel")).not.toContainText("Limits matter more");

  // Two more scholars of the series, invited to the item, assess.
  for (const [position, reasoning] of [
    ["+1 Lean support", "With a dated second phase."],
    ["−1 Lean oppose", "Verification is out of reach."],
  ] as const) {
    const other = await users.create({ name: `E2E Scholar ${uniqueSuffix()}` });
    await addMember(seedDb, { seriesId: triId, userId: other.id, role: "SCHOLAR", affiliation: "E2E University" });
    await invite(other.id);
    const otherPage = await asUser(other.email, other.password);
    await expect(otherPage.getByTestId("user-menu")).toBeVisible();
    await assess(otherPage, url, position, reasoning);
  }

  // [-1, +1, +2]: median +1, quartiles 0 and +1.5, IQR 1.5: no consensus; the first round.
  await delegate.reload();
  const figures = delegate.getByTestId("panel-figures");
  await expect(figures).toBeVisible();
  await expect(delegate.getByTestId("panel-median")).toHaveText("+1 (Lean support)");
  await expect(delegate.getByTestId("panel-iqr")).toHaveText("1.5 (from 0 to +1.5)");
  await expect(delegate.getByTestId("panel-count")).toHaveText("3 scholars");
  await expect(delegate.getByTestId("panel-consensus")).toHaveText("No consensus");
  await expect(delegate.getByTestId("panel-stability")).toHaveText("No previous round to compare");
  await expect(delegate.getByRole("img", { name: /middle half of the assessments lies from 0 to \+1\.5/ })).toBeVisible();
  // Nobody's reasoning reaches the delegate.
  await expect(delegate.getByTestId("assessment-panel")).not.toContainText("Verification is out of reach");

  mkdirSync("shots", { recursive: true });
  await delegate.getByTestId("assessment-panel").scrollIntoViewIfNeeded();
  await delegate.screenshot({ path: "shots/assessments-delegate.png", fullPage: true });
  await scholar.reload();
  await expect(scholar.getByTestId("panel-figures")).toBeVisible();
  await scholar.screenshot({ path: "shots/assessments-scholar.png", fullPage: true });
});
