import { createAgendaItem, createSession } from "@/prisma/seed/factories";
import { DEMO, expect, openEdscgItem, test, uniqueSuffix } from "./fixtures";

// Live updates (README "Live updates"): two people with the same page open; what one does appears on
// the other's page within a few seconds, without a reload and without losing what they are typing.

test("a comment posted in one browser appears on the other's open item page, and their unsent text stays", async ({ e2eDb, asUser }) => {
  test.setTimeout(120_000);
  const item = await openEdscgItem(e2eDb);
  const itemUrl = `/sessions/${item.sessionId}/items/${item.id}`;

  const us = await asUser(DEMO.usDelegate);
  await us.goto(itemUrl);
  await expect(us.getByTestId("agenda-item-page-title")).toHaveText(item.title);
  await expect(us.locator('[data-live-state="live"]')).toBeVisible({ timeout: 15_000 });
  const usBox = us.getByTestId("comment-thread").getByRole("textbox", { name: "Write a comment" });
  const unsent = `Half-written thought ${uniqueSuffix()}`;
  await usBox.fill(unsent);

  const kr = await asUser(DEMO.krDelegate);
  await kr.goto(itemUrl);
  const text = `Live from Seoul ${uniqueSuffix()}`;
  const krThread = kr.getByTestId("comment-thread");
  await krThread.getByRole("textbox", { name: "Write a comment" }).fill(text);
  await krThread.getByRole("button", { name: "Post comment" }).click();
  await expect(krThread.getByTestId("comment").filter({ hasText: text })).toBeVisible();

  // The US page, never reloaded, shows it; the US delegate's unsent text is still in the box.
  await expect(us.getByTestId("comment-thread").getByTestId("comment").filter({ hasText: text })).toBeVisible({ timeout: 10_000 });
  await expect(usBox).toHaveValue(unsent);
});

test("the convenor marks the item now under discussion; the delegate's open agenda and session banner follow without a reload", async ({ seedDb, asUser }) => {
  test.setTimeout(120_000);
  const edscg = await seedDb.series.findFirstOrThrow({ where: { shortName: "EDSCG" } });
  const session = await createSession(seedDb, {
    seriesId: edscg.id,
    title: `Live session ${uniqueSuffix()}`,
    startsAt: new Date(Date.now() - 60 * 60_000),
    endsAt: new Date(Date.now() + 3 * 60 * 60_000),
    timeZone: "Asia/Seoul",
    place: "Seoul",
    status: "IN_SESSION",
  });
  const first = await createAgendaItem(seedDb, { sessionId: session.id, title: `Opening remarks ${uniqueSuffix()}`, status: "ACCEPTED" });
  const second = await createAgendaItem(seedDb, { sessionId: session.id, title: `Posture measures ${uniqueSuffix()}`, status: "ACCEPTED" });

  const kr = await asUser(DEMO.krDelegate);
  await kr.goto(`/sessions/${session.id}`);
  await expect(kr.getByTestId("agenda-item")).toHaveCount(2);
  await expect(kr.locator('[data-live-state="live"]')).toBeVisible({ timeout: 15_000 });
  await expect(kr.getByTestId("session-current-item")).toHaveCount(0);
  // Delegates are offered no marker control.
  await expect(kr.getByTestId("agenda-item-mark-current")).toHaveCount(0);

  const convenor = await asUser(DEMO.edscgConvenor);
  await convenor.goto(`/sessions/${session.id}`);
  const row = convenor.getByTestId("agenda-item").filter({ hasText: second.title });
  await row.getByRole("button", { name: `Mark “${second.title}” as now under discussion` }).click();
  await expect(row.getByTestId("agenda-item-current")).toBeVisible();

  // Presence: both have the session open; the delegate sees it without a reload.
  await expect(kr.getByTestId("presence")).toHaveText("2 here", { timeout: 10_000 });

  // The delegate's page, never reloaded, follows: the agenda row and the session banner.
  const krRow = kr.getByTestId("agenda-item").filter({ hasText: second.title });
  await expect(krRow.getByTestId("agenda-item-current")).toBeVisible({ timeout: 10_000 });
  await expect(kr.getByTestId("session-current-item")).toContainText(second.title, { timeout: 10_000 });
  await expect(kr.getByTestId("agenda-item").filter({ hasText: first.title }).getByTestId("agenda-item-current")).toHaveCount(0);

  const shots = process.env.E2E_SCREENSHOTS_DIR;
  if (shots) {
    for (const width of [1440, 390]) {
      await kr.setViewportSize({ width, height: 900 });
      await kr.screenshot({ path: `${shots}/live-session-${width}.png`, fullPage: false });
    }
  }

  // The convenor's minutes editor offers it as the next heading.
  await convenor.goto(`/sessions/${session.id}/minutes`);
  await expect(convenor.getByTestId("minutes-current-item")).toContainText(second.title);
  await convenor.getByRole("button", { name: `Insert “${second.title}” as a heading in the minutes` }).click();
  await expect(convenor.locator("#minutes-body")).toHaveValue(new RegExp(`## 2\\. ${second.title}`));

  // Cleared: it disappears from the delegate's page too.
  await convenor.goto(`/sessions/${session.id}`);
  await convenor.getByRole("button", { name: `Clear “now under discussion” from “${second.title}”` }).click();
  await expect(kr.getByTestId("session-current-item")).toHaveCount(0, { timeout: 10_000 });
  await expect(krRow.getByTestId("agenda-item-current")).toHaveCount(0);
});
