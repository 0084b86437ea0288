import path from "node:path";
import { expect, signIn, signOut, test } from "./fixtures";

// Server-side sign-in sessions (server/auth/sessions.ts): a session ends on the server, so a copy of
// its cookie dies with it, and "Sign out everywhere else" reaches browsers this one never saw.

test("a copied session cookie is dead after sign-out", async ({ page, context, browser, users }) => {
  const user = await users.create({ name: "Copied Cookie" });
  await signIn(page, user.email, user.password);
  const copied = await context.cookies();
  expect(copied.some((c) => c.name.endsWith("session-token") && c.httpOnly && c.sameSite === "Lax")).toBe(true);

  // Someone holding a copy of the cookie gets in while the session lives…
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/account");
  await expect(stolen.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();

  // …and not once its owner signed out, though the copy is a valid, unexpired JWT.
  await signOut(page);
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  const api = await stolen.request.get("/api/trpc/me.get");
  expect(api.status()).toBe(401);
  await thief.close();
});

test("'Sign out everywhere else' signs out another browser and keeps this one", async ({ asUser, users }, testInfo) => {
  const user = await users.create({ name: "Two Browsers" });
  const other = await asUser(user.email, user.password);
  const here = await asUser(user.email, user.password);
  await here.goto("/account");
  const card = here.getByTestId("sign-in-sessions");
  await expect(card.getByTestId("sign-in-session")).toHaveCount(2);
  await expect(card.getByTestId("sign-in-session").first()).toContainText("This browser");

  // The card at desktop and phone width, for a look (E2E_SCREENSHOTS_DIR, else the test's output).
  const dir = process.env.E2E_SCREENSHOTS_DIR ?? testInfo.outputPath();
  const section = here.getByTestId("sessions-card");
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await here.setViewportSize({ width, height });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(dir, `account-sessions-${width}.png`) });
  }

  await here.getByRole("button", { name: "Sign out everywhere else" }).click();
  const dialog = here.getByRole("alertdialog");
  await expect(dialog).toContainText("One other browser is signed out at its next request.");
  await dialog.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(card.getByTestId("sign-in-session")).toHaveCount(1);

  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await here.reload();
  await expect(here.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
});
