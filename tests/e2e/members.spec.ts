import type pg from "pg";
import { DEMO, expect, seriesId, signIn, test, uniqueSuffix, waitForHydration, type SeriesShortName } from "./fixtures";

const SHOTS = "test-results/screenshots";

/** The upcoming TRI-15 session with a published agenda, and its items in order. */
async function upcomingPublishedTriSession(db: pg.Pool, shortName: SeriesShortName = "TRI-15") {
  const series = await seriesId(db, shortName);
  const { rows } = await db.query<{ id: string; title: string }>(
    `SELECT id, title FROM "Session" WHERE "seriesId" = $1 AND "agendaPublishedAt" IS NOT NULL AND "endsAt" > now() ORDER BY "startsAt" LIMIT 1`,
    [series.id],
  );
  const session = rows[0];
  if (!session) throw new Error("No upcoming TRI-15 session with a published agenda in the demo data");
  const items = await db.query<{ id: string; title: string }>(`SELECT id, title FROM "AgendaItem" WHERE "sessionId" = $1 ORDER BY position`, [session.id]);
  const others = await db.query<{ title: string }>(`SELECT title FROM "Session" WHERE "seriesId" = $1 AND id <> $2`, [series.id, session.id]);
  return { series, session, items: items.rows, otherSessions: others.rows.map((r) => r.title) };
}

test("a convenor invites a new scholar to one agenda item; the scholar signs up and sees only that item", async ({ page, browser, e2eDb }) => {
  test.setTimeout(90_000);
  const { series, session, items, otherSessions } = await upcomingPublishedTriSession(e2eDb);
  expect(items.length, "the session needs more than one item for the test to mean something").toBeGreaterThan(1);
  const chosen = items[1]!;
  const email = `scholar-${uniqueSuffix()}@e2e.trilogue.test`;

  await signIn(page, DEMO.triConvenor);
  await page.goto(`/series/${series.id}/members`);
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/members-convenor.png`, fullPage: true });
  await waitForHydration(page, "button");
  await page.getByRole("button", { name: "Invite" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("SCHOLAR");
  await dialog.getByLabel("Affiliation").fill("Institute for E2E Studies");
  await dialog.locator(`input[type=checkbox][value="${chosen.id}"]`).check();
  await page.screenshot({ path: `${SHOTS}/members-invite-dialog.png` });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const linkField = dialog.getByTestId("invitation-link");
  await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByText("shown only once")).toBeVisible();
  const link = await linkField.inputValue();
  await dialog.getByRole("button", { name: "Done", exact: true }).click();
  await expect(page.getByTestId(`invitation-${email}`)).toContainText("Pending");

  // The invitee: a fresh browser, signed out.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByText(email)).toBeVisible();
  await invitee.screenshot({ path: `${SHOTS}/invite-new-account.png`, fullPage: true });
  await waitForHydration(invitee, "form");
  await invitee.getByLabel("Your name").fill("Dr. E2E Scholar");
  await invitee.locator("#invite-password").fill("scholar-password-2026");
  await invitee.locator("#invite-confirm").fill("scholar-password-2026");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await invitee.waitForURL((url) => url.pathname === `/series/${series.id}`);
  await expect(invitee.getByTestId("user-menu")).toBeVisible();

  // The series page shows that session and no other.
  await expect(invitee.getByRole("link", { name: session.title })).toBeVisible();
  for (const title of otherSessions) await expect(invitee.getByText(title, { exact: true })).toHaveCount(0);
  // No members tab for scholars; the members URL is the 404 page.
  await expect(invitee.getByRole("link", { name: "Members" })).toHaveCount(0);

  // The session page's agenda lists exactly the invited item.
  await invitee.getByRole("link", { name: session.title }).click();
  await invitee.waitForURL((url) => url.pathname === `/sessions/${session.id}`);
  await expect(invitee.getByText(chosen.title, { exact: true })).toBeVisible();
  for (const other of items.filter((i) => i.id !== chosen.id)) await expect(invitee.getByText(other.title, { exact: true })).toHaveCount(0);

  await invitee.goto(`/series/${series.id}/members`);
  await expect(invitee.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  // The link is single use.
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByTestId("invitation-closed")).toContainText("already been used");
  await context.close();

  await page.reload();
  await expect(page.getByTestId(`invitation-${email}`)).toContainText("Accepted");
  await expect(page.getByTestId("member-group-scholars")).toContainText("Dr. E2E Scholar");
});

test("a revoked link says it was revoked", async ({ page, browser, e2eDb }) => {
  const series = await seriesId(e2eDb, "EDD");
  const email = `revoked-${uniqueSuffix()}@e2e.trilogue.test`;
  await signIn(page, DEMO.eddConvenor);
  await page.goto(`/series/${series.id}/members`);
  await waitForHydration(page, "button");
  await page.getByRole("button", { name: "Invite" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("OBSERVER");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await dialog.getByTestId("invitation-link").inputValue();
  await dialog.getByRole("button", { name: "Done", exact: true }).click();

  await page.getByRole("button", { name: `Revoke the invitation for ${email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId(`invitation-${email}`)).toContainText("Revoked");

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByTestId("invitation-closed")).toContainText("This invitation was revoked");
  await expect(invitee.getByRole("button", { name: "Create account and join" })).toHaveCount(0);
  await invitee.screenshot({ path: `${SHOTS}/invite-revoked.png` });
  await context.close();
});

test("a delegate sees the member list without management actions", async ({ page, e2eDb }) => {
  const series = await seriesId(e2eDb, "EDD");
  await signIn(page, DEMO.usDelegate);
  await page.goto(`/series/${series.id}/members`);
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  await expect(page.getByTestId("member-group-convenors")).toBeVisible();
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Invitations" })).toHaveCount(0);
});

test("the admin edits a series: a party that holds material cannot be removed", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/series");
  await waitForHydration(page, "button");
  await page.getByRole("button", { name: "Edit EDD", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("textbox").first()).toHaveValue("US-Japan Extended Deterrence Dialogue");
  await dialog.getByRole("checkbox", { name: /^JP/ }).uncheck();
  await dialog.getByRole("checkbox", { name: /^KR/ }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert").first()).toContainText("JP cannot be removed");
  await page.screenshot({ path: `${SHOTS}/admin-series-edit.png` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("row").filter({ has: page.getByRole("button", { name: "Edit EDD", exact: true }) })).toContainText("JP, US");
});
