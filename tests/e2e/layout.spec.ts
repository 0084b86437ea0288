import type { Page } from "@playwright/test";
import type pg from "pg";
import { DEMO, expect, seriesId, signIn, test } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

const NOT_FOUND_TITLE = "Page not found";

/** The hrefs of a tab bar, by its accessible name. */
async function tabHrefs(page: Page, label: string): Promise<string[]> {
  return page.getByRole("navigation", { name: label }).getByRole("link").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Whether the page opens for the signed-in role: not the 404 page (its status is checked elsewhere). */
async function opens(page: Page, path: string): Promise<boolean> {
  await page.goto(path);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return (await page.getByRole("heading", { level: 1, name: NOT_FOUND_TITLE }).count()) === 0;
}

async function scholarSession(db: pg.Pool): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM "Session" s JOIN "AgendaItem" a ON a."sessionId" = s.id JOIN "AgendaItemScholar" x ON x."agendaItemId" = a.id
       JOIN "User" u ON u.id = x."userId" WHERE u.email = $1 AND s."agendaPublishedAt" IS NOT NULL ORDER BY s."startsAt" DESC LIMIT 1`,
    [DEMO.jpScholar],
  );
  return rows[0]!.id;
}

// Each role's tab bar lists exactly the tabs it may open: every listed tab opens, every other tab of
// the same bar is the 404 page. The series tracker's links never lead further than the tab bar.
for (const [role, email] of [
  ["scholar", DEMO.jpScholar],
  ["observer", DEMO.observer],
  ["delegate", DEMO.jpDelegate],
] as const) {
  test(`${role}: the series and session tab bars list exactly the pages that open`, async ({ page, e2eDb }) => {
    const tri = await seriesId(e2eDb, "TRI-15");
    const sessionId = await scholarSession(e2eDb);
    await page.goto("/sign-in");
    await signIn(page, email);
    const seriesAll = ["", "/issues", "/tracker", "/members", "/audit"].map((s) => `/series/${tri.id}${s}`);
    const sessionAll = ["", "/papers", "/texts", "/stances", "/tracker", "/minutes", "/briefing"].map((s) => `/sessions/${sessionId}${s}`);
    await page.goto(`/series/${tri.id}`);
    const seriesTabs = await tabHrefs(page, "Series sections");
    await page.goto(`/sessions/${sessionId}`);
    const sessionTabs = await tabHrefs(page, "Session sections");
    for (const path of [...seriesAll, ...sessionAll]) {
      const listed = seriesTabs.includes(path) || sessionTabs.includes(path);
      expect(await opens(page, path), `${role} ${path} (${listed ? "in" : "not in"} the tab bar)`).toBe(listed);
    }
    // Every session column of the series tracker leads to a page the role may open.
    if (seriesTabs.includes(`/series/${tri.id}/tracker`)) {
      await page.goto(`/series/${tri.id}/tracker`);
      const hrefs = await page.locator("[data-testid^=heatmap-column-] a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const href of hrefs.slice(0, 2)) expect(await opens(page, href), href).toBe(true);
    }
  });
}

test("the series description is on the overview only; paper and admin pages carry the demo banner; a favicon", async ({ page, e2eDb, asUser }) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  await page.goto("/sign-in");
  await signIn(page, DEMO.triConvenor);
  await page.goto(`/series/${tri.id}`);
  await expect(page.getByTestId("series-description")).toBeVisible();
  const description = (await page.getByTestId("series-description").textContent())!.trim();
  await page.goto(`/series/${tri.id}/issues`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(description, { exact: true })).toHaveCount(0);

  const { rows } = await e2eDb.query<{ id: string }>(
    `SELECT p.id FROM "PositionPaper" p JOIN "Session" s ON s.id = p."sessionId" WHERE s."seriesId" = $1 AND p."releaseLevel" <> 'PARTY' LIMIT 1`,
    [tri.id],
  );
  await page.goto(`/papers/${rows[0]!.id}`);
  await expect(page.getByText("Illustrative demo data")).toBeVisible();
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  expect((await page.request.get(icon!)).status()).toBe(200);

  const admin = await asUser(DEMO.admin);
  await admin.goto("/admin/users");
  await expect(admin.getByText("Illustrative demo data")).toBeVisible();
  // The users table leads to a user's page: status, sign-in sessions, roles per series.
  await admin.getByRole("searchbox", { name: "Filter users" }).fill(DEMO.jpDelegate);
  await admin.getByTestId("admin-user-link").first().click();
  await expect(admin.getByTestId("admin-user")).toBeVisible();
  await expect(admin.getByTestId("admin-user-status")).toContainText("Active");
  await expect(admin.getByTestId("admin-user-sessions")).toContainText("UTC");
  await expect(admin.getByTestId("admin-user-roles")).toContainText("Delegate (JP)");
  await expect(admin.getByText("Illustrative demo data")).toBeVisible();
  // The password hint stands beside the password field.
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: "New user" }).click();
  await expect(admin.getByLabel("Initial password")).toHaveAccessibleDescription(/At least 12 characters/);
});

test("a slow click shows navigation progress", async ({ page, e2eDb }) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  await page.goto("/sign-in");
  await signIn(page, DEMO.triConvenor);
  await page.goto(`/series/${tri.id}`);
  // Hold the next page's server answer so the wait is visible.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/series/${tri.id}/tracker**`, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("navigation", { name: "Series sections" }).getByRole("link", { name: "Tracker" }).click();
  await expect(page.getByTestId("navigation-progress")).toBeVisible();
  release();
  await expect(page.getByTestId("tracker-heatmap")).toBeVisible();
  await expect(page.getByTestId("navigation-progress")).toHaveCount(0);
});
