import type { Page } from "@playwright/test";
import { DEMO, expect, mainNav, signIn, signInAlert, signOut, submitSignIn, test, uniqueSuffix, type TestUser } from "./fixtures";

test("an administrator creates a user who can then sign in to an empty dashboard", async ({ page }) => {
  const suffix = uniqueSuffix();
  const newUser = { name: `Hana Okada ${suffix}`, email: `hana.okada.${suffix}@e2e.trilogue.test`, password: "a-long-initial-password-42" };

  await page.goto("/sign-in");
  await signIn(page, DEMO.admin);
  await mainNav(page).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  // Required fields' labels end in an aria-hidden "*": match controls by accessible name.
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(newUser.name);
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill(newUser.email);
  await dialog.getByRole("textbox", { name: "Affiliation", exact: true }).fill("E2E Institute");
  await dialog.getByLabel("Initial password").fill(newUser.password);
  await expect(dialog.getByRole("checkbox", { name: "Administrator" })).not.toBeChecked();
  await dialog.getByRole("button", { name: "Create user" }).click();

  await expect(page.getByText(`User ${newUser.email} created.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.getByRole("searchbox", { name: "Filter users" }).fill(newUser.email);
  const row = page.getByRole("row").filter({ hasText: newUser.email });
  await expect(row).toContainText(newUser.name);
  await expect(row).toContainText("Active");

  await signOut(page);
  await signIn(page, newUser.email, newUser.password);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(`Welcome, ${newUser.name}`)).toBeVisible();
  await expect(page.getByText("You are not a member of any series yet")).toBeVisible();
  await expect(page.getByText("No upcoming sessions")).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
});

/** The administrator, on `adminPage`, deactivates `user` through /admin/users. */
async function deactivate(adminPage: Page, user: TestUser): Promise<void> {
  await adminPage.goto("/sign-in");
  await signIn(adminPage, DEMO.admin);
  await adminPage.goto("/admin/users");
  await adminPage.getByRole("searchbox", { name: "Filter users" }).fill(user.email);
  await adminPage.getByRole("button", { name: `Deactivate ${user.name}` }).click();
  const confirm = adminPage.getByRole("alertdialog", { name: `Deactivate ${user.name}?` });
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(adminPage.getByText(`${user.name} deactivated.`)).toBeVisible();
  await expect(adminPage.getByRole("row").filter({ hasText: user.email })).toContainText("Deactivated");
}

test("a deactivated user's next page load lands on sign-in and they cannot sign in again", async ({ page, users, asUser }) => {
  const user = await users.create();
  // The user, signed in in a browser of their own.
  const theirs = await asUser(user.email);
  await expect(theirs.getByText(`Welcome, ${user.name}`)).toBeVisible();

  await deactivate(page, user);

  await theirs.goto("/series");
  await expect(theirs).toHaveURL(/\/sign-in\?callbackUrl=%2Fseries$/);
  await expect(theirs.getByRole("heading", { name: "Sign in to Trilogue" })).toBeVisible();

  await submitSignIn(theirs, user.email, user.password);
  await expect(signInAlert(theirs)).toContainText("Wrong email or password.");
  await expect(theirs).toHaveURL(/\/sign-in\?callbackUrl=%2Fseries$/);
});

test("a deactivated user's next click in the app lands on sign-in", async ({ page, users, asUser }) => {
  const user = await users.create();
  const theirs = await asUser(user.email);
  await expect(theirs.getByText(`Welcome, ${user.name}`)).toBeVisible();

  await deactivate(page, user);

  // A client-side navigation, as when they click a link in the page they already have open.
  await mainNav(theirs).getByRole("link", { name: "Tracker" }).click();
  await expect(theirs).toHaveURL(/\/sign-in\?callbackUrl=%2Ftracker$/);
  await expect(theirs.getByRole("heading", { name: "Sign in to Trilogue" })).toBeVisible();
});
