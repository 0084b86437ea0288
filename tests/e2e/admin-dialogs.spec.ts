import { randomBytes } from "node:crypto";
import { DEMO, expect, seriesId, signIn, test, uniqueSuffix, waitForHydration } from "./fixtures";

// The dialogs load their forms (and zod) on opening: each one here opens, refuses what its schema
// refuses, and saves. The parties, the series, the appointed account and the appointment are new, so other tests see none.

/** Two to four capital letters, unlikely to be a party code already. */
function partyCode(): string {
  return `Q${[...randomBytes(3)].map((b) => String.fromCharCode(65 + (b % 26))).join("")}`;
}

test("the administrator creates a party and a series and appoints a convenor of it, each dialog validating first", async ({ page, users }) => {
  test.slow(); // three dialogs, each loading its form on opening
  const suffix = uniqueSuffix();
  const code = partyCode();
  const shortName = `E2E-${suffix.slice(-6)}`;
  const seriesName = `Dialog test series ${suffix}`;

  // A new account to appoint: a demo account made convenor here would change what later specs see.
  const convenor = await users.create({ name: `Appointed Convenor ${suffix}` });

  await signIn(page, DEMO.admin);
  await page.goto("/admin/parties");
  await waitForHydration(page, "button");
  await page.getByRole("button", { name: "New party" }).click();
  const partyDialog = page.getByRole("dialog", { name: "New party" });
  await partyDialog.getByRole("button", { name: "Create" }).click();
  await expect(partyDialog.getByText("Use 2 to 4 letters, e.g. US, JP, KR")).toBeVisible();
  await partyDialog.getByRole("textbox", { name: "Code", exact: true }).fill(code);
  await partyDialog.getByRole("textbox", { name: "Name", exact: true }).fill(`Party ${suffix}`);
  await partyDialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText(`Party ${code} saved.`)).toBeVisible();
  await expect(partyDialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: `Party ${suffix}` })).toContainText(code);

  await page.goto("/admin/series");
  await waitForHydration(page, "button");
  await page.getByRole("button", { name: "New series" }).click();
  const seriesDialog = page.getByRole("dialog", { name: "New series" });
  await seriesDialog.getByRole("button", { name: "Create" }).click();
  await expect(seriesDialog.getByText("Enter the series' name")).toBeVisible();
  await seriesDialog.getByRole("textbox", { name: "Name", exact: true }).fill(seriesName);
  await seriesDialog.getByRole("textbox", { name: "Short name", exact: true }).fill(shortName);
  await seriesDialog.getByRole("checkbox", { name: /^US/ }).check();
  await seriesDialog.getByRole("checkbox", { name: new RegExp(`^${code}`) }).check();
  await seriesDialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText(`Series ${shortName} created.`)).toBeVisible();
  await expect(seriesDialog).toBeHidden();

  const row = page.getByRole("row").filter({ hasText: seriesName });
  await expect(row).toContainText("None yet");
  await row.getByRole("button", { name: `Appoint a convenor of ${shortName}` }).click();
  const appointDialog = page.getByRole("dialog", { name: `Appoint a convenor of ${seriesName}` });
  await appointDialog.getByRole("button", { name: "Appoint" }).click();
  await expect(appointDialog.getByRole("combobox", { name: "Account" })).toHaveAttribute("aria-invalid", "true");
  await appointDialog.getByRole("combobox", { name: "Account" }).selectOption({ label: `${convenor.name} (${convenor.email})` });
  await appointDialog.getByRole("button", { name: "Appoint" }).click();
  await expect(page.getByText("Convenor appointed.")).toBeVisible();
  await expect(appointDialog).toBeHidden();
  await expect(row).toContainText(convenor.name);
});

test("a convenor's change-role dialog opens on the member's current role and party", async ({ page, e2eDb }) => {
  const edd = await seriesId(e2eDb, "EDD");
  await signIn(page, DEMO.eddConvenor);
  await page.goto(`/series/${edd.id}/members`);
  await waitForHydration(page, "button");
  const change = page.getByRole("button", { name: /^Change the role of / }).nth(1);
  const label = await change.getAttribute("aria-label");
  await change.click();
  const dialog = page.getByRole("dialog", { name: label ?? "" });
  await expect(dialog.getByRole("combobox", { name: "Role" })).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Role" })).not.toHaveValue("");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});
