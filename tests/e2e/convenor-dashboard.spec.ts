import { DEMO, expect, signIn, test } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

// The dashboard answers a convenor's "what needs me now" from the demo data: TRI-15's Tokyo round
// is sealed with the US submitted only; nothing of the kind appears for a delegate.
test("a convenor's dashboard lists what needs them now, each linked to where it is done", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, DEMO.triConvenor);
  const needs = page.getByTestId("convenor-needs");
  await expect(needs).toBeVisible();
  const seals = page.getByTestId("needs-seals");
  await expect(seals).toContainText("Fourth round, Tokyo");
  await expect(seals).toContainText("waiting for JP, KR");
  for (const group of ["minutes", "comments", "turned", "agendas"]) await expect(page.getByTestId(`needs-${group}`)).toBeVisible();
  await seals.getByRole("link", { name: "Fourth round, Tokyo" }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+\/stances$/);
});

test("a delegate's dashboard has no convenor panel", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, DEMO.usDelegate);
  await expect(page.getByTestId("dashboard-series")).toBeVisible();
  await expect(page.getByTestId("convenor-needs")).toHaveCount(0);
});
