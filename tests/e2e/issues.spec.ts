import type pg from "pg";
import { DEMO, expect, seriesId, signIn, test, uniqueSuffix, waitForHydration } from "./fixtures";

/** A demo EDD issue that delegations have taken stances on. */
const ISSUE_WITH_STANCES = "Nuclear risk reduction and arms control with North Korea belong on the EDD agenda";

async function issueId(db: pg.Pool, seriesIdValue: string, title: string): Promise<string> {
  const { rows } = await db.query<{ id: string; stances: number }>(
    `SELECT i.id, (SELECT count(*)::int FROM "Stance" s WHERE s."issueId" = i.id) AS stances
       FROM "Issue" i WHERE i."seriesId" = $1 AND i.title = $2`,
    [seriesIdValue, title],
  );
  const row = rows[0];
  if (!row) throw new Error(`No issue "${title}" in the demo data`);
  expect(row.stances, "the demo issue must have stances for this test").toBeGreaterThan(0);
  return row.id;
}

test("a convenor creates a deterrence criterion with the default scale; its Markdown renders bold and without script", async ({ page, e2eDb }) => {
  const edd = await seriesId(e2eDb, "EDD");
  const title = `Declared umbrella language ${uniqueSuffix()}`;
  await page.goto("/sign-in");
  await signIn(page, DEMO.eddConvenor);
  await page.goto(`/series/${edd.id}/issues`);
  await expect(page.getByRole("heading", { level: 2, name: "Issues" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("issues-list-convenor.png"), fullPage: true });

  await waitForHydration(page, "main button");
  await page.getByRole("button", { name: "New issue" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Kind").selectOption({ label: "Deterrence criterion" });
  // The kind picked the default 0–3 scale: four labelled points.
  await expect(dialog.getByLabel("Lowest point")).toHaveValue("0");
  await expect(dialog.getByLabel("Highest point")).toHaveValue("3");
  await expect(dialog.getByLabel("Label for 0")).toHaveValue("Not required");
  await expect(dialog.getByLabel("Label for 3")).toHaveValue("Essential");
  await expect(dialog.getByLabel(/^Label for/)).toHaveCount(4);
  await dialog.getByLabel("Topic").fill("posture");
  await dialog
    .getByLabel("Description")
    .fill("A credible umbrella needs a **declared commitment** in writing.\n\n<script>window.__issueXss = 1</script>");
  await page.screenshot({ path: test.info().outputPath("issue-new-dialog.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Create issue" }).click();
  await expect(dialog).toBeHidden();

  const link = page.getByRole("link", { name: title });
  await expect(link).toBeVisible();
  const row = page.getByRole("row").filter({ has: link });
  await expect(row).toContainText("Deterrence criterion");
  await expect(row).toContainText("0 to 3 (4 points)");

  await link.click();
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  const description = page.getByTestId("issue-description");
  await expect(description.locator("strong")).toHaveText("declared commitment");
  await expect(description.locator("script")).toHaveCount(0);
  await expect(page.locator("main script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __issueXss?: number }).__issueXss)).toBeUndefined();
  await expect(page.getByRole("list", { name: "Scale" }).getByRole("listitem")).toHaveCount(4);
  await expect(page.getByRole("button", { name: "Edit" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("issue-detail-convenor.png"), fullPage: true });

  // Without stances the whole scale may still change: narrow it to 0–2 and reword a label.
  await waitForHydration(page, "main button");
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog");
  await expect(edit.getByLabel("Lowest point")).toBeEnabled();
  await edit.getByLabel("Highest point").fill("2");
  await expect(edit.getByLabel(/^Label for/)).toHaveCount(3);
  await edit.getByLabel("Label for 2").fill("Essential for credibility");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  const scale = page.getByRole("list", { name: "Scale" });
  await expect(scale.getByRole("listitem")).toHaveCount(3);
  await expect(scale).toContainText("Essential for credibility");
});

test("a JP delegate sees the issues but cannot create or edit them", async ({ page, e2eDb }) => {
  const edd = await seriesId(e2eDb, "EDD");
  const id = await issueId(e2eDb, edd.id, ISSUE_WITH_STANCES);
  await page.goto("/sign-in");
  await signIn(page, DEMO.jpDelegate);
  await page.goto(`/series/${edd.id}/issues`);
  await expect(page.getByRole("link", { name: ISSUE_WITH_STANCES })).toBeVisible();
  await expect(page.getByRole("button", { name: "New issue" })).toHaveCount(0);
  await page.goto(`/series/${edd.id}/issues/${id}`);
  await expect(page.getByRole("heading", { level: 2, name: ISSUE_WITH_STANCES })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
});

test("the scale of an issue with stances cannot be changed: the fields are disabled with the reason", async ({ page, e2eDb }) => {
  const edd = await seriesId(e2eDb, "EDD");
  const id = await issueId(e2eDb, edd.id, ISSUE_WITH_STANCES);
  await page.goto("/sign-in");
  await signIn(page, DEMO.eddConvenor);
  await page.goto(`/series/${edd.id}/issues/${id}`);
  await waitForHydration(page, "main button");
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("The points of this scale are fixed")).toBeVisible();
  await expect(dialog.getByText(/You can still clarify the wording of each label/)).toBeVisible();
  await expect(dialog.getByLabel("Lowest point")).toBeDisabled();
  await expect(dialog.getByLabel("Highest point")).toBeDisabled();
  await expect(dialog.getByLabel("Kind")).toBeDisabled();
  await expect(dialog.getByLabel("Label for 0")).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath("issue-edit-locked.png"), fullPage: true });
});

test("a ROK delegate opening an EDD issue gets the not-found page", async ({ page, e2eDb }) => {
  const edd = await seriesId(e2eDb, "EDD");
  const id = await issueId(e2eDb, edd.id, ISSUE_WITH_STANCES);
  await page.goto("/sign-in");
  await signIn(page, DEMO.krDelegate);
  const response = await page.goto(`/series/${edd.id}/issues/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect(response?.status()).toBe(404);
  await expect(page.getByText(ISSUE_WITH_STANCES)).toHaveCount(0);
});
