import path from "node:path";
import { createPaper } from "@/prisma/seed/factories";
import { DEMO, createPublishedSession, expect, seriesId, test, uniqueSuffix } from "./fixtures";

// Who read what (server/read-log): the owning party sees its paper's readers grow; an admin sees
// sign-ins, sessions and admin actions on the Security page and ends an account's sessions.

test("a JP delegate sees who read the paper Japan released to governments", async ({ asUser, e2eDb, seedDb }, testInfo) => {
  test.setTimeout(120_000); // two browsers, and pages reloaded until the buffered reads are written
  const edd = await seriesId(e2eDb, "EDD");
  const session = await createPublishedSession(seedDb, edd.id, `Read-log round ${uniqueSuffix()}`, 20);
  const jp = await seedDb.user.findUniqueOrThrow({ where: { email: DEMO.jpDelegate }, select: { id: true } });
  const party = await seedDb.party.findUniqueOrThrow({ where: { code: "JP" }, select: { id: true } });
  const paper = await createPaper(seedDb, {
    sessionId: session.id,
    partyId: party.id,
    authorId: jp.id,
    title: `Japan's read-log paper ${uniqueSuffix()}`,
    releaseLevel: "GOVERNMENTS",
  });

  const owner = await asUser(DEMO.jpDelegate);
  await owner.goto(`/papers/${paper.id}`);
  const panel = owner.getByTestId("read-log");
  await expect(panel.getByRole("heading", { name: "Read log" })).toBeVisible();
  // The owner's own view is recorded too (written within a second): one person of one party.
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByTestId("read-log-summary")).toHaveText("Read by 1 person of 1 party");
  }).toPass();

  // A US delegate opens it …
  const reader = await asUser(DEMO.usDelegate);
  await reader.goto(`/papers/${paper.id}`);
  await expect(reader.getByTestId("paper-body")).toBeVisible();
  // … and does not see the log: only Japan's delegates do.
  await expect(reader.getByTestId("read-log")).toHaveCount(0);

  // Japan sees the count grow, and the names.
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByTestId("read-log-summary")).toHaveText("Read by 2 people of 2 parties");
  }).toPass();
  await owner.getByRole("button", { name: "Show readers" }).click();
  const readers = owner.getByTestId("read-log-readers");
  await expect(readers.getByRole("listitem")).toHaveCount(2);
  await expect(readers).toContainText("James Thornton");
  await expect(readers).toContainText("Naoko Fujimura");
  await expect(owner.getByTestId("read-log")).toContainText(/Times in [A-Za-z_/]+\./);

  const dir = process.env.E2E_SCREENSHOTS_DIR ?? testInfo.outputPath();
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await owner.setViewportSize({ width, height });
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(dir, `read-log-panel-${width}.png`) });
  }
});

test("an admin opens the Security page and signs an account out everywhere", async ({ asUser, users }, testInfo) => {
  test.setTimeout(120_000); // two browsers, four pages
  const user = await users.create({ name: "Security Page Subject" });
  const theirs = await asUser(user.email, user.password);
  await theirs.goto("/account");

  const admin = await asUser(DEMO.admin);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Security", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Security", level: 2 })).toBeVisible();
  const signIns = admin.getByTestId("security-sign-ins");
  await admin.getByLabel("Email or name").fill(user.email);
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(signIns.getByRole("row").nth(1)).toContainText(user.email);
  await expect(signIns.getByRole("row").nth(1)).toContainText("Succeeded");

  const dir = process.env.E2E_SCREENSHOTS_DIR ?? testInfo.outputPath();
  await admin.getByRole("link", { name: "Sign-in sessions" }).click();
  const sessions = admin.getByTestId("security-sessions");
  await expect(sessions).toBeVisible();
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await admin.setViewportSize({ width, height });
    await admin.screenshot({ path: path.join(dir, `admin-security-${width}.png`), fullPage: false });
  }
  await admin.setViewportSize({ width: 1440, height: 900 });

  // The account's own page: its live session, and "Sign out everywhere".
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: user.name }).click();
  const rows = admin.getByTestId("admin-user-session");
  await expect(rows.first()).toHaveAttribute("data-state", "live");
  await admin.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog).toContainText("1 live session");
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(admin.getByTestId("admin-user-session").first()).toHaveAttribute("data-state", "revoked");
  await theirs.goto("/account");
  await expect(theirs).toHaveURL(/\/sign-in/);

  // The ending is in the admin actions, with the admin as actor.
  await admin.goto("/admin/security?list=admin");
  await expect(admin.locator('tr[data-action="sign_in_session.ended"]').filter({ hasText: user.name }).first()).toContainText("admin_signed_out");
});
