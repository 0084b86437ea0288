import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO, expect, seriesId, signIn, test, waitForHydration } from "./fixtures";

// Pictures of the main pages for a human to look at, taken only when asked for:
// E2E_SCREENSHOTS_DIR=/tmp/screens npm run test:e2e -- screenshots
// (the waits below still check that each page shows what it should).
const dir = process.env.E2E_SCREENSHOTS_DIR;
const describeWhenAsked = dir ? test.describe : () => undefined;

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(dir ?? "", `${name}.png`), fullPage: true });
}

describeWhenAsked("screenshots", () => {
  test("the heatmap, the convenor's dashboard and the audit trail at desktop and phone width", async ({ page, e2eDb }) => {
    test.setTimeout(120_000);
    const tri = await seriesId(e2eDb, "TRI-15");
    await page.goto("/sign-in");
    await signIn(page, DEMO.triConvenor);
    for (const [width, height, suffix] of [
      [1440, 900, "desktop"],
      [390, 844, "phone"],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto("/");
      await expect(page.getByTestId("convenor-needs")).toBeVisible();
      await shoot(page, `convenor-dashboard-${suffix}`);
      await page.goto(`/series/${tri.id}/tracker`);
      await expect(page.getByTestId("tracker-heatmap")).toBeVisible();
      await shoot(page, `heatmap-${suffix}`);
      await page.goto(`/series/${tri.id}/audit`);
      await expect(page.getByTestId("audit-filters")).toBeVisible();
      await shoot(page, `audit-trail-${suffix}`);
    }
  });

  test("screenshots of the main pages", async ({ page, asUser, e2eDb }) => {
    test.setTimeout(90_000);
    const tri = await seriesId(e2eDb, "TRI-15");
    const edd = await seriesId(e2eDb, "EDD");

    await page.goto("/sign-in");
    await waitForHydration(page, "form");
    await shoot(page, "sign-in");

    const jp = await asUser(DEMO.jpDelegate);
    await expect(jp.getByTestId("role-EDD")).toBeVisible();
    await shoot(jp, "dashboard-jp-delegate");

    const admin = await asUser(DEMO.admin);
    await admin.goto("/admin/users");
    await expect(admin.getByRole("button", { name: "New user" })).toBeVisible();
    await shoot(admin, "admin-users");
    await admin.goto("/admin/series");
    await shoot(admin, "admin-series");

    const us = await asUser(DEMO.usDelegate);
    await us.goto(`/series/${tri.id}`);
    await expect(us.getByRole("heading", { level: 1, name: tri.name })).toBeVisible();
    await shoot(us, "series-tri15-us-delegate");

    const kr = await asUser(DEMO.krDelegate);
    await kr.goto(`/series/${edd.id}`);
    await expect(kr.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await shoot(kr, "not-found");
  });
});
