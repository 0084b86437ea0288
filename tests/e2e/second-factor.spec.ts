import path from "node:path";
import { Secret, TOTP } from "otpauth";
import { expect, signIn, signInAlert, signOut, submitSignIn, test, DEMO_PASSWORD } from "./fixtures";

// Second factors (server/auth/factors, server/services/account/factors.ts): an authenticator app is
// set up on the account page, and sign-in then asks for its code — or a recovery code — in place.

/** The app's code at `at`, computed here with otpauth as an authenticator app would. */
function codeAt(secretBase32: string, at: number): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: at });
}

/** A code the server has not seen yet: the next time step's (the server accepts one step of drift). */
function freshCode(secretBase32: string): string {
  return codeAt(secretBase32, Date.now() + 30_000);
}

/** The demo account with an authenticator app (prisma/seed.ts MFA_DEMO_ACCOUNT, printed in README). */
const MFA_DEMO = { email: "mfa.delegate@demo.trilogue.test", secret: "TRILOGUEDEMOTOTPJBSWY3DPEHPK3PXP" };

test("set up an authenticator app, then sign in with password and code, and with a recovery code", async ({ page, users }, testInfo) => {
  test.setTimeout(120_000);
  const user = await users.create({ name: "Second Factor" });
  const dir = process.env.E2E_SCREENSHOTS_DIR ?? testInfo.outputPath();
  await signIn(page, user.email, user.password);
  await page.goto("/account");
  const card = page.getByTestId("factors-card");
  await expect(card).toContainText("No second factor yet");

  await card.getByRole("button", { name: "Set up an authenticator app" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await dialog.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(dir, `factor-enrol-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // A wrong code is refused beside the field.
  const current = codeAt(secret, Date.now());
  await dialog.getByLabel("6-digit code").fill(current === "000000" ? "111111" : "000000");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByText("That code is not right", { exact: false }).first()).toBeVisible();

  await dialog.getByLabel("6-digit code").fill(codeAt(secret, Date.now()));
  await dialog.getByLabel("Name").fill("Work phone");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  const codes = await dialog.getByTestId("recovery-code").allInnerTexts();
  expect(codes).toHaveLength(10);
  await page.screenshot({ path: path.join(dir, `factor-recovery-codes-1280.png`) });
  await dialog.getByRole("button", { name: "I have saved them" }).click();
  await expect(card.getByTestId("auth-factor")).toHaveCount(1);
  await expect(card.getByTestId("auth-factor")).toContainText("Work phone");
  await expect(card).toContainText("10 unused recovery codes left.");

  // Sign-in now asks for the code after the password, in place.
  await signOut(page);
  await submitSignIn(page, user.email, user.password);
  const step = page.getByTestId("sign-in-second-step");
  await expect(step.getByText("Enter the 6-digit code from your authenticator app")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(dir, `sign-in-second-step-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  const wrong = freshCode(secret) === "000000" ? "111111" : "000000";
  await step.getByLabel("Code", { exact: true }).fill(wrong);
  await step.getByRole("button", { name: "Verify" }).click();
  await expect(signInAlert(page)).toContainText("That code is not right.");
  await step.getByLabel("Code", { exact: true }).fill(freshCode(secret));
  await step.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await expect(page.getByTestId("user-menu")).toBeVisible();

  // A recovery code instead of the app; it works once.
  await signOut(page);
  await submitSignIn(page, user.email, user.password);
  await step.getByRole("button", { name: "Use a recovery code" }).click();
  await expect(step.getByText("Enter one of your recovery codes")).toBeVisible();
  await step.getByLabel("Recovery code").fill(codes[0]!.toUpperCase());
  await step.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await page.goto("/account");
  await expect(page.getByTestId("factors-card")).toContainText("9 unused recovery codes left.");
});

test("the demo account with an authenticator app signs in with its code", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, MFA_DEMO.email, DEMO_PASSWORD);
  const step = page.getByTestId("sign-in-second-step");
  await step.getByLabel("Code", { exact: true }).fill(freshCode(MFA_DEMO.secret));
  await step.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByTestId("factors-card").getByTestId("auth-factor")).toContainText("Demo authenticator");
});
