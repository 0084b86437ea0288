import { readFile } from "node:fs/promises";
import type pg from "pg";
import { DEMO, expect, seriesId, signIn, test, waitForHydration } from "./fixtures";

// The demo data (prisma/seed/demo-content.ts) lays out issues that narrow, widen, stay blocked and
// have an outlier; the tracker pages must show them, with data tables behind the chart, and export CSV.
const NARROWING = "Risk reduction should be framed as interim steps toward denuclearization";
const WIDENING = "Any first-phase agreement must limit North Korean MRBMs";
const BLOCKED = "The United States should offer North Korea a negative security assurance";
const OUTLIER = "An initial deal should cap ICBMs before theatre-range missiles";

async function idOf(db: pg.Pool, sql: string, params: string[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`Not in the demo data: ${params.join(" / ")}`);
  return rows[0].id;
}

const shots = (name: string) => `shots/${name}.png`;

// Sign-in and server rendering are slow on a busy two-core machine.
test.describe.configure({ timeout: 90_000 });

test("series tracker: heatmap shows narrowing, widening and blocked issues, with a legend and the method", async ({ page, e2eDb }) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  await page.goto("/sign-in");
  await signIn(page, DEMO.triConvenor);
  await page.goto(`/series/${tri.id}/tracker`);
  const heatmap = page.getByTestId("tracker-heatmap");
  await expect(heatmap).toBeVisible();
  const row = (title: string) => heatmap.locator("tbody tr", { has: page.getByRole("link", { name: title, exact: true }) });
  await expect(row(NARROWING).locator('[data-status="NARROWING"]')).toHaveCount(1);
  await expect(row(WIDENING).locator('[data-status="WIDENING"]').first()).toBeVisible();
  await expect(row(BLOCKED).locator('[data-status="BLOCKED"]').first()).toBeVisible();
  // Not colour alone: the cell names its status.
  await expect(row(NARROWING).getByText("Narrowing").first()).toBeAttached();
  await expect(page.getByRole("group", { name: "Legend" })).toContainText("Widening");
  await page.getByText("How this is computed").click();
  await expect(page.getByTestId("tracker-method")).toContainText("first rule that applies");
  await page.screenshot({ path: shots("series-tracker"), fullPage: true });

  // Into the issue's timeline: chart, its data table, the status per session.
  await row(NARROWING).getByRole("link", { name: NARROWING, exact: true }).click();
  await expect(page.getByTestId("timeline-title")).toHaveText(NARROWING);
  // One line per party (US, JP, KR).
  await expect(page.getByTestId("timeline-chart").locator(".timeline-line")).toHaveCount(3);
  await page.getByText("Show data table").click();
  const data = page.getByTestId("timeline-data").getByRole("table");
  await expect(data).toBeVisible();
  await expect(data.getByRole("columnheader", { name: "US" })).toBeVisible();
  expect(await data.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("timeline-statuses")).toContainText("Narrowing");
  await expect(page.getByTestId("timeline-statuses")).toContainText("Converged");
  await page.screenshot({ path: shots("issue-timeline"), fullPage: true });
});

test("heatmap: columns name their session, a cell opens the issue at that session by keyboard, filters and sorts", async ({ page, e2eDb }) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  const honolulu = await idOf(e2eDb, `SELECT id FROM "Session" WHERE "seriesId" = $1 AND title = $2`, [tri.id, "Second round, Honolulu"]);
  await page.goto("/sign-in");
  await signIn(page, DEMO.triConvenor);
  await page.goto(`/series/${tri.id}/tracker`);
  const heatmap = page.getByTestId("tracker-heatmap");
  // Headed by the session's short name and date, not by a running number.
  const column = page.getByTestId(`heatmap-column-${honolulu}`);
  await expect(column).toContainText("Honolulu");
  await expect(column).toContainText(/\d{4}/);
  await expect(heatmap.locator("thead th").nth(1)).not.toHaveText(/^\s*1\s*$/);
  const row = (title: string) => heatmap.locator("tbody tr", { has: page.getByRole("link", { name: title, exact: true }) });
  // "Latest" says from which session it is.
  await expect(row(BLOCKED).getByTestId("heatmap-latest")).toContainText(/at \S+/);

  // Filters and sorts.
  const waited = page.getByTestId("heatmap-filters");
  await expect(waited).toBeVisible();
  await page.getByLabel("Latest status").selectOption("BLOCKED");
  await expect(heatmap.locator("tbody tr")).not.toHaveCount(0);
  for (const latest of await heatmap.getByTestId("heatmap-latest").all()) await expect(latest.locator("[data-status]")).toHaveAttribute("data-status", "BLOCKED");
  await expect(row(NARROWING)).toHaveCount(0);
  await page.getByLabel("Latest status").selectOption("");
  await page.getByLabel("Kind").selectOption("DETERRENCE_CRITERION");
  for (const r of await heatmap.locator("tbody tr").all()) await expect(r).toHaveAttribute("data-kind", "DETERRENCE_CRITERION");
  await page.getByLabel("Kind").selectOption("");
  const topics = await page.getByLabel("Topic").locator("option").allTextContents();
  expect(topics.length).toBeGreaterThan(2);
  await page.getByLabel("Topic").selectOption(topics[1]!);
  for (const r of await heatmap.locator("tbody tr").all()) await expect(r).toHaveAttribute("data-topic", topics[1]!);
  await page.getByLabel("Topic").selectOption("");
  await page.getByLabel("Order").selectOption("blocked");
  await expect(heatmap.locator("tbody tr").first().getByTestId("heatmap-latest").locator("[data-status]")).toHaveAttribute("data-status", "BLOCKED");
  await page.getByLabel("Order").selectOption("changed");
  // The narrowing-to-converged issue changed status more than one that never moved.
  const titles = await heatmap.locator("tbody tr th").allTextContents();
  expect(titles.indexOf(NARROWING)).toBeLessThan(titles.length - 1);
  await page.getByLabel("Order").selectOption("series");

  // A cell takes keyboard focus and opens the issue at that session: positions, spread, why.
  const cell = row(BLOCKED).locator(`a[href$="#at-${honolulu}"]`);
  await cell.focus();
  await expect(cell).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`#at-${honolulu}$`));
  const at = page.getByTestId(`at-session-${honolulu}`);
  await expect(at).toBeVisible();
  await expect(at).toContainText("Second round, Honolulu");
  await expect(at).toContainText("Spread");
  await expect(at.getByTestId("status-reason")).toContainText("red line");
  await expect(at.locator("dt").first()).toHaveText("JP");
});

test("session tracker: summary, the outlier, red lines, and the deterrence matrix with rationales on focus", async ({ page, e2eDb }) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  const honolulu = await idOf(e2eDb, `SELECT id FROM "Session" WHERE "seriesId" = $1 AND title = $2`, [tri.id, "Second round, Honolulu"]);
  await page.goto("/sign-in");
  await signIn(page, DEMO.usDelegate);
  await page.goto(`/sessions/${honolulu}/tracker`);
  await expect(page.getByTestId("tracker-summary")).toContainText("converged (priority-weighted)");
  const table = page.getByTestId("session-tracker-table");
  const outlierRow = table.getByRole("row").filter({ hasText: OUTLIER });
  await expect(outlierRow.getByRole("cell").last()).toHaveText("US");
  const blockedRow = table.getByRole("row").filter({ hasText: BLOCKED });
  await expect(blockedRow).toHaveAttribute("data-status", "BLOCKED");
  await expect(blockedRow).toContainText("red line");
  const matrix = page.getByTestId("deterrence-matrix");
  await expect(matrix).toBeVisible();
  const firstRating = matrix.getByRole("button").first();
  // Focus before React has hydrated the cell opens nothing: wait for the cell's handlers.
  await waitForHydration(page, "[data-testid=deterrence-matrix] button");
  await expect(async () => {
    await firstRating.blur();
    await firstRating.focus();
    await expect(page.getByRole("tooltip")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.screenshot({ path: shots("session-tracker"), fullPage: true });
});

test("CSV export downloads the viewer's figures with party codes only; non-members get 404", async ({ page, e2eDb }) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  const edd = await seriesId(e2eDb, "EDD");
  await page.goto("/sign-in");
  await signIn(page, DEMO.krDelegate);
  await page.goto(`/series/${tri.id}/tracker`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("tracker-csv").click()]);
  expect(download.suggestedFilename()).toBe("tracker-TRI-15.csv");
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^issue,kind,session,session_date,JP_position,JP_carried,JP_red_line,KR_position/);
  expect(csv).toContain("NARROWING");
  expect(csv).toContain("BLOCKED");
  // Positions are the parties': no account's name or address leaves in the export.
  const { rows: people } = await e2eDb.query<{ name: string; email: string }>(`SELECT name, email FROM "User"`);
  for (const person of people) {
    expect(csv).not.toContain(person.name);
    expect(csv).not.toContain(person.email);
  }
  expect((await page.request.get(`/api/series/${edd.id}/tracker.csv`)).status()).toBe(404);
  await page.goto(`/series/${tri.id}/tracker/deterrence`);
  await expect(page.getByTestId("deterrence-matrix")).toBeVisible();
  await expect(page.getByTestId("shared-core")).not.toHaveText("");
});

test("deterrence matrix: carried is a cell style explained once, criteria without a sign; priorities in words; the timeline's axis names sessions", async ({ page, e2eDb }) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  const seoul = await idOf(e2eDb, `SELECT id FROM "Session" WHERE "seriesId" = $1 AND title = $2`, [tri.id, "Third round, Seoul"]);
  await page.goto("/sign-in");
  await signIn(page, DEMO.usDelegate);
  await page.goto(`/sessions/${seoul}/tracker`);
  const matrix = page.getByTestId("deterrence-matrix");
  await expect(matrix).toBeVisible();
  await expect(page.getByTestId("deterrence-legend")).toContainText("carried forward");
  // No "carried" under every number, and a 0–3 criterion never shows "+".
  await expect(matrix.locator("tbody")).not.toContainText("carried");
  await expect(matrix.locator("tbody")).not.toContainText("+");
  // Priority in words in the session's table, never as a bare number.
  const table = page.getByTestId("session-tracker-table");
  await expect(table.locator("tbody")).toContainText(/High|Medium|Low/);

  await page.goto(`/sessions/${seoul}/stances`);
  await expect(page.getByText(/(High|Medium|Low) priority/).first()).toBeVisible();
  await expect(page.getByText(/Priority \d/)).toHaveCount(0);

  await page.goto(`/series/${tri.id}/tracker/issues/${await idOf(e2eDb, `SELECT id FROM "Issue" WHERE "seriesId" = $1 AND title = $2`, [tri.id, NARROWING])}`);
  const axis = page.getByTestId("timeline-axis-label");
  await expect(axis.first()).toContainText(/\d{4}/);
  await expect(page.getByTestId("timeline-chart")).toContainText("Honolulu");
});

test("the Tracker page shows convergence across the delegate's series: statuses counted and what changed last", async ({ asUser }) => {
  const us = await asUser(DEMO.usDelegate);
  await us.goto("/tracker");
  await expect(us.getByRole("heading", { name: "Convergence across your series" })).toBeVisible();
  for (const series of ["EDD", "EDSCG", "TRI-15"]) {
    const card = us.getByTestId(`series-summary-${series}`);
    await expect(card).toBeVisible();
    await expect(card.getByText(/changed status at|No issue changed status at/)).toBeVisible();
  }
  const tri = us.getByTestId("series-summary-TRI-15");
  await expect(tri.locator("[data-testid^=summary-count-]").first()).toBeVisible();
  // Each changed issue links to its timeline in that series.
  const changed = tri.getByTestId("summary-changed").getByRole("link").first();
  if (await changed.count()) await expect(changed).toHaveAttribute("href", /\/series\/[^/]+\/tracker\/issues\//);
});
