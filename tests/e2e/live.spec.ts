import { DEMO, expect, test, uniqueSuffix } from "./fixtures";

// Live updates (README "Live updates"): two people with the same page open; what one does appears on
// the other's page within a few seconds, without a reload and without losing what they are typing.

type Item = { id: string; title: string; sessionId: string };

test("a comment posted in one browser appears on the other's open item page, and their unsent text stays", async ({ e2eDb, asUser }) => {
  test.setTimeout(120_000);
  const { rows } = await e2eDb.query<Item>(
    `SELECT ai.id, ai.title, ai."sessionId"
       FROM "AgendaItem" ai
       JOIN "Session" se ON se.id = ai."sessionId"
       JOIN "Series" s ON s.id = se."seriesId"
      WHERE s."shortName" = 'EDSCG' AND se."agendaPublishedAt" IS NOT NULL AND se.status <> 'CONCLUDED'
      ORDER BY se."startsAt" ASC, ai.position ASC
      LIMIT 1`,
  );
  const item = rows[0];
  if (!item) throw new Error("The demo data has no open EDSCG session with a published agenda");
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
