import { DEMO, DEMO_PASSWORD, SERIES, expect, mainNav, seriesId, signIn, signInAlert, signOut, submitSignIn, test, type SeriesShortName } from "./fixtures";

type Expectation = {
  account: keyof typeof DEMO;
  /** The role badge each series card shows; series not listed must not appear. */
  roles: Partial<Record<SeriesShortName, string>>;
  admin?: boolean;
};

// Who sees what on the dashboard, from the demo data (prisma/seed.ts and prisma/seed/demo-content.ts).
const DASHBOARDS: Expectation[] = [
  { account: "admin", roles: {}, admin: true },
  { account: "eddConvenor", roles: { EDD: "Convenor" } },
  { account: "edscgConvenor", roles: { EDSCG: "Convenor" } },
  { account: "triConvenor", roles: { "TRI-15": "Convenor" } },
  { account: "usDelegate", roles: { EDD: "Delegate (US)", EDSCG: "Delegate (US)", "TRI-15": "Delegate (US)" } },
  { account: "jpDelegate", roles: { EDD: "Delegate (JP)", "TRI-15": "Delegate (JP)" } },
  { account: "krDelegate", roles: { EDSCG: "Delegate (KR)", "TRI-15": "Delegate (KR)" } },
  { account: "jpScholar", roles: { "TRI-15": "Scholar" } },
  { account: "krScholar", roles: { "TRI-15": "Scholar" } },
  { account: "observer", roles: { EDD: "Observer", "TRI-15": "Observer" } },
];

test("the sign-in page renders its form", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveTitle(/Sign in to Trilogue/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Trilogue" })).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "password");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await expect(signInAlert(page)).toHaveCount(0);
});

for (const { account, roles, admin = false } of DASHBOARDS) {
  test(`${account} lands on a dashboard with their series and roles`, async ({ page }) => {
    await page.goto("/sign-in");
    await signIn(page, DEMO[account]);

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your series", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Upcoming sessions", exact: true })).toBeVisible();

    const mine = Object.entries(roles);
    for (const shortName of SERIES) {
      const badge = page.getByTestId(`role-${shortName}`);
      const expected = roles[shortName];
      if (expected) await expect(badge).toHaveText(expected);
      else await expect(badge).toHaveCount(0);
    }
    if (mine.length > 0) {
      await expect(page.getByTestId("dashboard-series").getByRole("listitem")).toHaveCount(mine.length);
    } else {
      await expect(page.getByText("You are not a member of any series yet")).toBeVisible();
    }

    const adminLink = mainNav(page).getByRole("link", { name: "Admin" });
    if (admin) {
      await expect(adminLink).toBeVisible();
      await expect(page.getByRole("heading", { name: "Administration", exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "Manage users" })).toBeVisible();
    } else {
      await expect(adminLink).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "Administration", exact: true })).toHaveCount(0);
    }
  });
}

test("a wrong password is refused with a neutral message and keeps the visitor on sign-in", async ({ page, users }) => {
  // An account of its own: failed sign-ins are throttled per account.
  const user = await users.create();
  await page.goto("/sign-in");
  await submitSignIn(page, user.email, "not-the-password-at-all");

  await expect(signInAlert(page)).toContainText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByTestId("user-menu")).toHaveCount(0);

  // An unknown address gets the very same answer: the form does not reveal who has an account.
  await submitSignIn(page, `nobody-${user.id}@e2e.trilogue.test`, DEMO_PASSWORD);
  await expect(signInAlert(page)).toContainText("Wrong email or password.");

  // One failure does not lock the account: the right password still works.
  await submitSignIn(page, user.email, user.password);
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByTestId("user-menu")).toBeVisible();
});

test("a signed-out deep link to /tracker goes to sign-in and returns there", async ({ page }) => {
  await page.goto("/tracker");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ftracker$/);

  await signIn(page, DEMO.jpDelegate);
  await expect(page).toHaveURL(/\/tracker$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tracker" })).toBeVisible();
});

test("a signed-out deep link to a series page returns to it after sign-in", async ({ page, e2eDb }) => {
  const tri = await seriesId(e2eDb, "TRI-15");
  await page.goto(`/series/${tri.id}`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=%2Fseries%2F${tri.id}$`));

  await signIn(page, DEMO.jpScholar);
  await expect(page).toHaveURL(new RegExp(`/series/${tri.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: tri.name })).toBeVisible();
  await expect(page.getByText("You: Scholar")).toBeVisible();
});

test("sign out ends the session", async ({ page, context }) => {
  await page.goto("/sign-in");
  await signIn(page, DEMO.observer);
  await signOut(page);

  await expect(page.getByRole("heading", { name: "Sign in to Trilogue" })).toBeVisible();
  const cookies = await context.cookies();
  expect(cookies.filter((c) => c.name.includes("session-token"))).toEqual([]);

  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/series");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fseries$/);
});
