import type { Page } from "@playwright/test";
import { createAgendaItem, createIssue } from "@/prisma/seed/factories";
import { DEMO, caughtMail, createPublishedSession, openEdscgItem, expect, seriesId, test, uniqueSuffix, waitForHydration } from "./fixtures";

// Live pages and notifications (README "Live updates", "Notifications"): two people in two browsers;
// what one does reaches the other's open page and bell without a reload — and only what they may read.

const SCALE = ["Strongly oppose", "Oppose", "Somewhat oppose", "Neutral", "Somewhat support", "Support", "Strongly support"];

async function bellCount(page: Page): Promise<number> {
  await expect(page.getByTestId("notification-bell")).toHaveAttribute("data-loaded", "true");
  return Number(await page.getByTestId("notification-bell").getAttribute("data-unread"));
}

async function liveOn(page: Page) {
  await expect(page.locator('[data-live-state="live"]').first()).toBeVisible({ timeout: 15_000 });
}

test("Korea's open stance board ignores Japan's draft and shows its release without a reload; Korea's bell rises", async ({ e2eDb, seedDb, asUser }) => {
  test.setTimeout(180_000);
  const tri = await seriesId(e2eDb, "TRI-15");
  const suffix = uniqueSuffix().slice(-6);
  const session = await createPublishedSession(seedDb, tri.id, `E2E live board ${suffix}`, 30);
  const issue = await createIssue(seedDb, { seriesId: tri.id, title: `E2E live proposition ${suffix}`, kind: "PROPOSITION", scaleMin: -3, scaleMax: 3, scaleLabels: SCALE });
  await createAgendaItem(seedDb, { sessionId: session.id, position: 1, title: `Item on ${issue.title}`, issueId: issue.id, status: "ACCEPTED" });
  const url = `/sessions/${session.id}/stances`;
  const cell = (page: Page) => page.getByTestId(`stance-row-${issue.id}`).getByTestId("stance-cell-JP");

  const kr = await asUser(DEMO.krDelegate);
  await kr.goto(url);
  await expect(kr.getByTestId("stance-board")).toBeVisible();
  await liveOn(kr);
  await expect(cell(kr)).toContainText("—");
  const before = await bellCount(kr);

  const jp = await asUser(DEMO.jpDelegate);
  await jp.goto(url);
  await waitForHydration(jp, "[data-testid=stance-board]");
  const rationale = `Tokyo's draft reasoning ${suffix}`;
  await cell(jp).getByRole("button", { name: /^Record/ }).click();
  const dialog = jp.getByRole("dialog", { name: "Record JP's stance" });
  await dialog.getByRole("radio", { name: "+2 Support" }).check();
  await dialog.getByLabel("Rationale").fill(rationale);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(cell(jp)).toContainText("Draft");

  // A draft is Japan's alone: Korea's open board stays as it was, and nothing reaches its bell.
  await kr.waitForTimeout(3_000);
  await expect(cell(kr)).toContainText("—");
  await expect(kr.getByText(rationale)).toHaveCount(0);
  expect(await bellCount(kr)).toBe(before);

  await cell(jp).getByRole("button", { name: /Release JP's stance .* to Governments/ }).click();
  await jp.getByRole("alertdialog").getByRole("button", { name: "Release to Governments" }).click();
  await expect(jp.getByText("Stance released to Governments.")).toBeVisible();

  // Korea's board, never reloaded, shows the released position; the bell counts the release.
  await expect(cell(kr)).toContainText("+2", { timeout: 15_000 });
  await expect(kr.getByTestId("notification-bell")).toHaveAttribute("data-unread", String(before + 1), { timeout: 15_000 });
});

test("a reply and an @mention reach the bell and the inbox of the people concerned; opening one marks it read", async ({ e2eDb, asUser, browser }) => {
  test.setTimeout(180_000);
  const item = await openEdscgItem(e2eDb);
  const nameOf = async (email: string) => (await e2eDb.query<{ name: string }>(`SELECT name FROM "User" WHERE email = $1`, [email])).rows[0]!.name;
  const convenorName = await nameOf(DEMO.edscgConvenor);
  const krName = await nameOf(DEMO.krDelegate);
  const jpName = await nameOf(DEMO.jpDelegate);
  const itemUrl = `/sessions/${item.sessionId}/items/${item.id}`;
  const question = `Does the posture review cover this? ${uniqueSuffix()}`;

  // Korea asks on the item, then waits on its dashboard.
  const kr = await asUser(DEMO.krDelegate);
  await kr.goto(itemUrl);
  const krThread = kr.getByTestId("comment-thread");
  await krThread.getByRole("textbox", { name: "Write a comment" }).fill(question);
  await krThread.getByRole("button", { name: "Post comment" }).click();
  await expect(krThread.getByTestId("comment").filter({ hasText: question })).toBeVisible();
  await kr.goto("/");
  await waitForHydration(kr, "[data-testid=notification-bell]");
  const krBefore = await bellCount(kr);

  // The United States answers and mentions the convenor through the picker.
  const us = await asUser(DEMO.usDelegate);
  await us.goto(itemUrl);
  const question_ = us.getByTestId("comment").filter({ hasText: question });
  await question_.getByRole("button", { name: "Reply" }).click();
  const replyBox = us.getByRole("textbox", { name: `Reply to ${krName}` });
  const replyForm = us.getByTestId("comment-form").filter({ has: replyBox });
  const answer = `It does, see section 3 ${uniqueSuffix()}.`;
  await replyBox.fill(answer);
  await replyForm.getByTestId("mention-picker").click();
  const picker = us.getByRole("menu");
  // People who may read the thread are offered; Japan's delegate (not in the EDSCG) is not.
  await expect(picker.getByRole("menuitem", { name: convenorName })).toBeVisible();
  await expect(picker.getByRole("menuitem", { name: krName })).toBeVisible();
  await expect(picker.getByRole("menuitem", { name: jpName })).toHaveCount(0);
  await picker.getByRole("menuitem", { name: convenorName }).click();
  await expect(replyBox).toHaveValue(`${answer} @${convenorName} `);
  await replyForm.getByRole("button", { name: "Post reply" }).click();
  await expect(us.getByTestId("comment").filter({ hasText: `@${convenorName}` })).toBeVisible();

  // Korea's bell rises on the open dashboard, without a reload.
  await expect(kr.getByTestId("notification-bell")).toHaveAttribute("data-unread", String(krBefore + 1), { timeout: 15_000 });
  await kr.getByTestId("notification-bell").click();
  await expect(kr).toHaveURL(/\/inbox$/);
  const entry = kr.getByTestId("inbox-item").filter({ hasText: "A reply to your comment" }).filter({ hasText: item.title }).first();
  await expect(entry).toHaveAttribute("data-unread", "true");
  await kr.setViewportSize({ width: 1440, height: 900 });
  await kr.screenshot({ path: "shots/inbox-1440.png", fullPage: true });
  await kr.setViewportSize({ width: 390, height: 844 });
  await kr.screenshot({ path: "shots/inbox-390.png", fullPage: true });
  await kr.setViewportSize({ width: 1280, height: 720 });
  await entry.getByRole("link").click();
  await expect(kr).toHaveURL(new RegExp(`/sessions/${item.sessionId}/items/${item.id}#comment-`));
  await kr.goto("/inbox");
  await expect(kr.getByTestId("inbox-item").filter({ hasText: "A reply to your comment" }).filter({ hasText: item.title }).first()).toHaveAttribute("data-unread", "false");

  // Korea's email (replies: at once by default) names the item and links to the reply — and carries
  // neither the reply nor the question.
  const mail = await caughtMail(DEMO.krDelegate, item.title);
  expect(mail.subject).toContain("A reply to your comment");
  expect(mail.text).toContain("EDSCG");
  expect(mail.links.some((l) => l.includes(`/sessions/${item.sessionId}/items/${item.id}#comment-`))).toBe(true);
  expect(mail.links.some((l) => l.includes("/unsubscribe?token="))).toBe(true);
  expect(mail.text).not.toContain(answer);
  expect(mail.html ?? "").not.toContain(answer);
  expect(mail.text).not.toContain(question);

  // The email's unsubscribe link works signed out, in one press, for replies only.
  const unsubscribe = mail.links.find((l) => l.includes("/unsubscribe?token="))!;
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(new URL(unsubscribe).pathname + new URL(unsubscribe).search);
  await visitor.getByRole("button", { name: "Stop these emails" }).click();
  await expect(visitor.getByRole("heading", { name: "Done" })).toBeVisible();
  await anonymous.close();
  const { rows: prefs } = await e2eDb.query<{ kind: string; email: string }>(
    `SELECT p.kind::text, p.email::text FROM "NotificationPreference" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1`,
    [DEMO.krDelegate],
  );
  expect(prefs).toEqual([{ kind: "REPLY", email: "OFF" }]);

  // The convenor was mentioned.
  const convenor = await asUser(DEMO.edscgConvenor);
  await convenor.goto("/inbox");
  await expect(convenor.getByTestId("inbox-item").filter({ hasText: "You were mentioned" }).filter({ hasText: item.title }).first()).toBeVisible({ timeout: 15_000 });
  // Unread only, then mark all read: the bell empties.
  await convenor.getByRole("radio", { name: "Unread" }).click();
  await convenor.getByTestId("inbox-mark-all").click();
  await expect(convenor.getByText("Nothing here")).toBeVisible();
  await expect(convenor.getByTestId("notification-bell")).toHaveAttribute("data-unread", "0");
});

test("a change to a published agenda reaches the delegate's open agenda and inbox", async ({ e2eDb, seedDb, asUser }) => {
  test.setTimeout(180_000);
  const edd = await seriesId(e2eDb, "EDD");
  const suffix = uniqueSuffix().slice(-6);
  const session = await createPublishedSession(seedDb, edd.id, `E2E agenda live ${suffix}`, 20);
  const item = await createAgendaItem(seedDb, { sessionId: session.id, position: 1, title: `Posture measures ${suffix}`, status: "ACCEPTED" });
  const renamed = `Posture and declaratory measures ${suffix}`;

  const jp = await asUser(DEMO.jpDelegate);
  await jp.goto(`/sessions/${session.id}`);
  await expect(jp.getByTestId("agenda-item")).toHaveCount(1);
  await liveOn(jp);

  const convenor = await asUser(DEMO.eddConvenor);
  await convenor.goto(`/sessions/${session.id}`);
  await waitForHydration(convenor, "[data-testid=agenda]");
  await convenor.getByRole("button", { name: `Edit: ${item.title}` }).click();
  const dialog = convenor.getByRole("dialog", { name: "Edit agenda item" });
  await dialog.getByLabel("Title").fill(renamed);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  await expect(jp.getByTestId("agenda-item").filter({ hasText: renamed })).toBeVisible({ timeout: 15_000 });
  await jp.getByTestId("notification-bell").click();
  await expect(jp.getByTestId("inbox-item").filter({ hasText: `Agenda item changed: ${renamed}` }).first()).toBeVisible({ timeout: 15_000 });
});
