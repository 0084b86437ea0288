import { mkdirSync } from "node:fs";
import { DEMO, expect, test, uniqueSuffix, waitForHydration } from "./fixtures";

type InvitedItem = { id: string; title: string; sessionId: string };

test("a scholar comments on an invited item; a TRI delegate sees it new and replies; the convenor resolves the thread", async ({ e2eDb, seedDb, asUser }) => {
  // Three browsers and a dozen round trips on a busy machine.
  test.setTimeout(150_000);
  const { rows } = await e2eDb.query<InvitedItem>(
    `SELECT ai.id, ai.title, ai."sessionId"
       FROM "AgendaItemScholar" s
       JOIN "User" u ON u.id = s."userId"
       JOIN "AgendaItem" ai ON ai.id = s."agendaItemId"
       JOIN "Session" se ON se.id = ai."sessionId"
      WHERE u.email = $1 AND se."agendaPublishedAt" IS NOT NULL
      ORDER BY se."startsAt" DESC, ai.position ASC
      LIMIT 1`,
    [DEMO.jpScholar],
  );
  const item = rows[0];
  if (!item) throw new Error("The demo data has no published item jp.scholar is invited to");
  const scholarName = (await e2eDb.query<{ name: string }>(`SELECT name FROM "User" WHERE email = $1`, [DEMO.jpScholar])).rows[0]!.name;
  // A retry must still find the delegate's first visit: forget their visits to this thread.
  await seedDb.commentThreadVisit.deleteMany({ where: { targetKey: `item:${item.id}`, user: { email: DEMO.jpDelegate } } });
  const itemUrl = `/sessions/${item.sessionId}/items/${item.id}`;
  const text = `Extended deterrence credibility hinges on **consultation** ${uniqueSuffix()}`;
  const replyText = `Agreed; our note follows ${uniqueSuffix()}`;

  // The scholar opens the item from the session's agenda and comments.
  const scholar = await asUser(DEMO.jpScholar);
  await scholar.goto(`/sessions/${item.sessionId}`);
  await scholar.getByTestId("agenda").getByRole("link", { name: item.title }).click();
  await scholar.waitForURL((url) => url.pathname === itemUrl);
  await expect(scholar.getByTestId("agenda-item-page-title")).toHaveText(item.title);
  const scholarThread = scholar.getByTestId("comment-thread");
  await waitForHydration(scholar, "[data-testid=comment-form] textarea");
  await scholarThread.getByRole("textbox", { name: "Write a comment" }).fill(text);
  await scholarThread.getByRole("button", { name: "Post comment" }).click();
  const posted = scholarThread.getByTestId("comment").filter({ hasText: text.replaceAll("**", "") });
  await expect(posted).toBeVisible();
  await expect(posted.getByTestId("comment-author-label")).toHaveText(/^Scholar, /);
  await expect(posted.locator("strong")).toHaveText("consultation");
  await expect(posted.getByTestId("comment-new")).toHaveCount(0);

  // A TRI delegate sees the thread marked new on the agenda and on the item page, and replies.
  const delegate = await asUser(DEMO.jpDelegate);
  await delegate.goto(`/sessions/${item.sessionId}`);
  const agendaRow = delegate.getByTestId("agenda-item").filter({ has: delegate.getByRole("link", { name: item.title }) });
  await expect(agendaRow.getByTestId("agenda-item-new-comments")).toBeVisible();
  await delegate.goto(itemUrl);
  const delegateThread = delegate.getByTestId("comment-thread");
  const seen = delegateThread.getByTestId("comment-thread-item").filter({ hasText: text.replaceAll("**", "") });
  await expect(seen.getByTestId("comment-new").first()).toBeVisible();
  await waitForHydration(delegate, "[data-testid=comment-form] textarea");
  await seen.getByRole("button", { name: `Reply to ${scholarName}` }).click();
  const replyBox = seen.getByRole("textbox", { name: `Reply to ${scholarName}` });
  await expect(replyBox).toBeFocused();
  await replyBox.fill(replyText);
  await seen.getByRole("button", { name: "Post reply" }).click();
  await expect(seen.getByTestId("comment").filter({ hasText: replyText })).toBeVisible();
  await expect(seen.getByTestId("comment").filter({ hasText: replyText }).getByTestId("comment-author-label")).toHaveText("JP");

  // Seen now: on the next visit the scholar's comment is no longer new.
  await delegate.reload();
  await expect(delegate.getByTestId("comment-thread-item").filter({ hasText: replyText })).toBeVisible();
  await expect(
    delegate.getByTestId("comment-thread-item").filter({ hasText: replyText }).getByTestId("comment").first().getByTestId("comment-new"),
  ).toHaveCount(0);

  // The convenor resolves the thread.
  const convenor = await asUser(DEMO.triConvenor);
  await convenor.goto(itemUrl);
  const thread = convenor.getByTestId("comment-thread-item").filter({ hasText: replyText });
  await waitForHydration(convenor, "[data-testid=comment-form] textarea");
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(thread.getByTestId("comment-resolved")).toContainText("Resolved by");
  await expect(thread.getByRole("button", { name: "Reopen" })).toBeVisible();
  mkdirSync("shots", { recursive: true });
  await convenor.screenshot({ path: "shots/agenda-item-page.png", fullPage: true });

  // The delegate may not resolve: no button for them.
  await delegate.reload();
  await expect(delegate.getByTestId("comment-thread-item").filter({ hasText: replyText }).getByTestId("comment-resolved")).toBeVisible();
  await expect(delegate.getByRole("button", { name: "Resolve" })).toHaveCount(0);
});

test("an observer reads a thread but is offered no comment box and no reply button", async ({ e2eDb, asUser }) => {
  const { rows } = await e2eDb.query<{ id: string; sessionId: string }>(
    `SELECT ai.id, ai."sessionId"
       FROM "AgendaItem" ai
       JOIN "Session" se ON se.id = ai."sessionId"
       JOIN "Membership" m ON m."seriesId" = se."seriesId" AND m.role = 'OBSERVER' AND m."removedAt" IS NULL
       JOIN "User" u ON u.id = m."userId"
      WHERE u.email = $1 AND se."agendaPublishedAt" IS NOT NULL
        AND EXISTS (SELECT 1 FROM "Comment" c WHERE c."agendaItemId" = ai.id AND c."parentId" IS NULL AND c."withdrawnAt" IS NULL)
      ORDER BY se."startsAt" DESC, ai.position ASC
      LIMIT 1`,
    [DEMO.observer],
  );
  const item = rows[0];
  if (!item) throw new Error("The demo data has no commented item in a series with an observer");
  const observer = await asUser(DEMO.observer);
  await observer.goto(`/sessions/${item.sessionId}/items/${item.id}`);
  const thread = observer.getByTestId("comment-thread");
  await expect(thread.getByTestId("comment-thread-item").first()).toBeVisible();
  await expect(thread.getByTestId("comment-form")).toHaveCount(0);
  await expect(thread.getByRole("button", { name: /^Reply to / })).toHaveCount(0);
});
