import path from "node:path";
import type { CDPSession, Page } from "@playwright/test";
import { expect, signIn, signOut, submitSignIn, test } from "./fixtures";

// Passkeys (WebAuthn) in the browser, through Chromium's virtual authenticator (CDP WebAuthn domain):
// a key is added on the account page, and sign-in's second step is answered by it.

// WebAuthn needs a host name (an IP address cannot be a relying party): these tests use localhost.
test.use({ baseURL: `http://localhost:${process.env.E2E_PORT || 3100}` });

/** A platform authenticator that says yes (user present and verified) to every request. */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

test("add a passkey on the account page, then sign in with password and the key", async ({ page, users }, testInfo) => {
  test.setTimeout(120_000);
  const dir = process.env.E2E_SCREENSHOTS_DIR ?? testInfo.outputPath();
  const user = await users.create({ name: "Passkey Holder" });
  const { cdp, authenticatorId } = await virtualAuthenticator(page);

  await signIn(page, user.email, user.password);
  await page.goto("/account");
  const card = page.getByTestId("factors-card");
  await card.getByRole("button", { name: "Add a passkey or security key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name of the key").fill("Work laptop");
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(dir, `passkey-add-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole("button", { name: "Continue with your browser" }).click();
  // The first factor comes with recovery codes, shown once.
  await expect(dialog.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await expect(dialog.getByTestId("recovery-code")).toHaveCount(10);
  await dialog.getByRole("button", { name: "I have saved them" }).click();
  await expect(card.getByTestId("auth-factor")).toHaveCount(1);
  await expect(card.getByTestId("auth-factor")).toContainText("Work laptop");
  await expect(card.getByTestId("auth-factor")).toContainText("Passkey");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);

  // Sign-in now offers the key after the password, in place.
  await signOut(page);
  // Sign-out lands on NEXTAUTH_URL's host (127.0.0.1 in these tests); passkeys live on localhost.
  await page.goto("/sign-in");
  await submitSignIn(page, user.email, user.password);
  const step = page.getByTestId("sign-in-second-step");
  await expect(step.getByRole("heading", { name: "Confirm with your passkey or security key" })).toBeVisible();
  await expect(step.getByRole("button", { name: "Use a recovery code" })).toBeVisible();
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(dir, `passkey-sign-in-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await step.getByRole("button", { name: "Use a passkey or security key" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await expect(page.getByTestId("user-menu")).toBeVisible();
  // The key signed: its counter moved on the authenticator.
  const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(after.credentials[0]!.signCount).toBeGreaterThan(0);
});

test("away from the key, a recovery code signs in instead", async ({ page, users }) => {
  test.setTimeout(120_000);
  const user = await users.create({ name: "Lost Key" });
  await virtualAuthenticator(page);
  await signIn(page, user.email, user.password);
  await page.goto("/account");
  const card = page.getByTestId("factors-card");
  await card.getByRole("button", { name: "Add a passkey or security key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name of the key").fill("Old key");
  await dialog.getByRole("button", { name: "Continue with your browser" }).click();
  await expect(dialog.getByTestId("recovery-code")).toHaveCount(10);
  const codes = await dialog.getByTestId("recovery-code").allInnerTexts();
  expect(codes).toHaveLength(10);
  await dialog.getByRole("button", { name: "I have saved them" }).click();

  // Away from the key (another computer, a lost key): a recovery code instead.
  await signOut(page);
  await page.goto("/sign-in");
  await submitSignIn(page, user.email, user.password);
  const step = page.getByTestId("sign-in-second-step");
  await expect(step.getByRole("heading", { name: "Confirm with your passkey or security key" })).toBeVisible();
  await step.getByRole("button", { name: "Use a recovery code" }).click();
  await step.getByLabel("Recovery code").fill(codes[0]!);
  await step.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await expect(page.getByTestId("user-menu")).toBeVisible();
});
