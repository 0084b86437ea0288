import path from "node:path";
import type { Page } from "@playwright/test";
import { createSession } from "@/prisma/seed/factories";
import { DEMO, expect, seriesId, signIn, test, uniqueSuffix, waitForHydration } from "./fixtures";
import { formatSessionRange } from "../../lib/format";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Pictures for a human to look at, when E2E_SCREENSHOTS_DIR is set; not a check. */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

test("a convenor schedules a session in Tokyo time, edits it, and finds both in the audit trail", async ({ page, e2eDb }) => {
  test.setTimeout(60_000);
  const edd = await seriesId(e2eDb, "EDD");
  const title = `E2E Tokyo session ${uniqueSuffix()}`;

  await page.goto("/sign-in");
  await signIn(page, DEMO.eddConvenor);
  await page.goto(`/series/${edd.id}`);
  await page.getByRole("link", { name: "New session" }).click();
  await page.waitForURL(`**/series/${edd.id}/sessions/new`);
  await waitForHydration(page, "form");

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await expect(page.getByText("Local times in Asia/Tokyo (GMT+9)")).toBeVisible();
  await page.getByLabel(/^Starts/).fill("2031-04-14T09:00");
  await page.getByLabel(/^Ends/).fill("2031-04-14T08:00");
  await page.getByRole("textbox", { name: /^Place/ }).fill("Iikura Guest House, Tokyo");
  await page.getByRole("button", { name: "Create session" }).click();
  await shoot(page, "session-new-error");
  // End before start: refused beside the field, nothing created.
  await expect(page.getByText("The end cannot be before the start")).toBeVisible();
  await page.getByLabel(/^Ends/).fill("2031-04-15T17:30");
  await page.getByRole("button", { name: "Create session" }).click();

  await page.waitForURL(/\/sessions\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Asia/Tokyo (GMT+9)")).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  const sessionUrl = page.url();
  await shoot(page, "session-created");

  // Listed on the series page with the zone beside the local times (09:00 Tokyo = 00:00 UTC).
  await page.goto(`/series/${edd.id}`);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  const range = formatSessionRange(new Date("2031-04-14T00:00:00Z"), new Date("2031-04-15T08:30:00Z"), "Asia/Tokyo");
  await expect(item).toContainText(`${range} (Asia/Tokyo)`);
  await expect(item).toContainText("09:00");
  await expect(item).toContainText("17:30");
  await shoot(page, "series-with-session");

  // Edit the title.
  await page.goto(sessionUrl);
  await page.getByRole("link", { name: "Edit" }).click();
  await page.waitForURL(/\/edit$/);
  await waitForHydration(page, "form");
  await expect(page.getByLabel(/^Starts/)).toHaveValue("2031-04-14T09:00");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
  await page.getByLabel("Title").fill(`${title} (renamed)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(sessionUrl);
  await expect(page.getByRole("heading", { level: 1, name: `${title} (renamed)` })).toBeVisible();

  // The audit trail lists both changes, newest first.
  await page.goto(`/series/${edd.id}/audit`);
  await expect(page.getByRole("heading", { name: "Audit trail", level: 2 })).toBeVisible();
  const updated = page.locator('tr[data-action="session.updated"]').filter({ hasText: `${title} (renamed)` });
  const created = page.locator('tr[data-action="session.created"]').filter({ hasText: title });
  await expect(updated).toHaveCount(1);
  await expect(created).toHaveCount(1);
  const { rows: me } = await e2eDb.query<{ name: string }>(`SELECT name FROM "User" WHERE email = $1`, [DEMO.eddConvenor]);
  await expect(updated).toContainText(me[0]!.name);
  // Only what changed: the title, from the old to the new.
  await expect(updated).toContainText(`title: ${title} → ${title} (renamed)`);
  await expect(updated).not.toContainText("startsAt");
  // A sentence with the session's title, not an action code and an id.
  await expect(updated.getByTestId("audit-sentence")).toHaveText(`${me[0]!.name} changed the session “${title} (renamed)”`);
  // Filters: by kind and by person; a day with nothing leaves nothing.
  await page.getByLabel("Kind").selectOption("Session");
  await page.getByLabel("Person").selectOption({ label: me[0]!.name });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/kind=Session/);
  await expect(updated).toHaveCount(1);
  // Every row left is about a session (its own changes, or its agenda re-announced).
  for (const kind of await page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-kind")))) expect(kind).toBe("Session");
  await shoot(page, "audit-trail");
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, "audit-trail-phone");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel("From").fill("2999-01-01");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No changes recorded yet.")).toBeVisible();
});

test("a convenor moves a session with a published agenda into session, confirmed, and back one step; the audit trail shows both", async ({ page, e2eDb, seedDb, asUser }) => {
  test.setTimeout(90_000);
  const edscg = await seriesId(e2eDb, "EDSCG");
  // A session of our own, so a retry or another spec never finds the demo session already moved.
  const title = `E2E EDSCG session e2esess${uniqueSuffix()}`;
  const now = Date.now();
  const { id } = await createSession(seedDb, {
    seriesId: edscg.id,
    title,
    startsAt: new Date(now + 20 * DAY_MS),
    endsAt: new Date(now + 21 * DAY_MS),
    timeZone: "Asia/Seoul",
    place: "Seoul",
    isVirtual: false,
    status: "AGENDA_PUBLISHED",
    agendaPublishedAt: new Date(now),
    agendaUpdatedAt: null,
  });

  // Other members see no status controls.
  const kr = await asUser(DEMO.krDelegate);
  await kr.goto(`/sessions/${id}`);
  await expect(kr.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(kr.getByRole("button", { name: "Start session" })).toHaveCount(0);
  await expect(kr.getByRole("link", { name: "Edit" })).toHaveCount(0);

  await page.goto("/sign-in");
  await signIn(page, DEMO.edscgConvenor);
  await page.goto(`/sessions/${id}`);
  await waitForHydration(page, "[data-testid=advance-status]");
  await page.getByRole("button", { name: "Start session" }).click();
  // Nothing happens before the confirmation, which warns that the session is weeks away.
  const confirm = page.getByRole("alertdialog", { name: `Start “${title}”?` });
  await expect(confirm.getByTestId("start-early-warning")).toContainText("scheduled to start in 20 days");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect((await e2eDb.query<{ status: string }>(`SELECT status FROM "Session" WHERE id = $1`, [id])).rows[0]?.status).toBe("AGENDA_PUBLISHED");
  await page.getByRole("button", { name: "Start session" }).click();
  await confirm.getByRole("button", { name: "Start session" }).click();
  await expect(page.getByText("In session", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Conclude session" })).toBeVisible();
  await shoot(page, "session-in-session");
  const { rows } = await e2eDb.query<{ status: string }>(`SELECT status FROM "Session" WHERE id = $1`, [id]);
  expect(rows[0]?.status).toBe("IN_SESSION");

  await page.goto(`/series/${edscg.id}/audit`);
  const row = page.locator('tr[data-action="session.status_changed"]').filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("IN_SESSION");

  // Started by mistake: back one step, confirmed and audited.
  await page.goto(`/sessions/${id}`);
  await waitForHydration(page, "[data-testid=advance-status]");
  await page.getByRole("button", { name: "Back to Agenda published" }).click();
  await page.getByRole("alertdialog", { name: `Move “${title}” back to “Agenda published”?` }).getByRole("button", { name: "Move back" }).click();
  await expect(page.getByRole("button", { name: "Start session" })).toBeVisible();
  expect((await e2eDb.query<{ status: string }>(`SELECT status FROM "Session" WHERE id = $1`, [id])).rows[0]?.status).toBe("AGENDA_PUBLISHED");
  await page.goto(`/series/${edscg.id}/audit`);
  await expect(page.locator('tr[data-action="session.status_changed"]').filter({ hasText: title })).toHaveCount(2);

  // The KR delegate, a member without the role, gets the 404 page for the audit trail.
  await kr.goto(`/series/${edscg.id}/audit`);
  await expect(kr.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  await page.goto("/account");
  await expect(page.getByLabel("Your calendar feed address")).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
  await shoot(page, "account-calendar");
});
