import type { Page } from "@playwright/test";
import { createAgendaItem } from "@/prisma/seed/factories";
import { DEMO, createPublishedSession, expect, seriesId, signIn, test, uniqueSuffix, waitForHydration } from "./fixtures";

const DRAFT_SESSION = "EDD plenary, Washington (in preparation)";

/** The titles on the session page's agenda, in the order shown. */
async function agendaTitles(page: Page): Promise<string[]> {
  return page.getByTestId("agenda").getByTestId("agenda-item-title").allTextContents();
}

function only(titles: string[], mine: string[]): string[] {
  return titles.filter((t) => mine.includes(t));
}

test("a convenor drafts, reorders and publishes an agenda; a delegate sees nothing before and the order after", async ({ page, e2eDb, seedDb, asUser }, testInfo) => {
  // Two browsers and a dozen round trips: more than the default budget on a busy machine.
  test.setTimeout(120_000);
  const { rows } = await e2eDb.query<{ id: string; agendaPublishedAt: Date | null }>(
    `SELECT id, "agendaPublishedAt" FROM "Session" WHERE title = $1`,
    [DRAFT_SESSION],
  );
  const session = rows[0];
  if (!session) throw new Error(`No session "${DRAFT_SESSION}" in the demo data`);
  if (session.agendaPublishedAt) {
    // A retry after this test published it: put the session back to its draft state.
    await seedDb.session.update({ where: { id: session.id }, data: { status: "DRAFT", agendaPublishedAt: null, agendaUpdatedAt: null } });
  }
  const url = `/sessions/${session.id}`;
  const suffix = uniqueSuffix().slice(-5);
  const [first, second, third] = [`Alpha item ${suffix}`, `Bravo item ${suffix}`, `Charlie item ${suffix}`];
  const mine = [first, second, third];

  // Before publication the JP delegate sees no item of the draft agenda.
  const jp = await asUser(DEMO.jpDelegate);
  await jp.goto(url);
  await expect(jp.getByTestId("agenda-empty")).toHaveText("The agenda has not been published yet.");
  await expect(jp.getByTestId("agenda-item")).toHaveCount(0);

  await page.goto("/sign-in");
  await signIn(page, DEMO.eddConvenor);
  await page.goto(url);
  await expect(page.getByTestId("agenda-draft-note")).toContainText("Draft — visible to convenors only");
  await waitForHydration(page, "[data-testid=agenda-draft-note]");

  // Three items, the first with a time slot, an issue and a proposing party.
  for (const title of mine) {
    await page.getByRole("button", { name: "Add item" }).click();
    const dialog = page.getByRole("dialog", { name: "Add an agenda item" });
    await expect(dialog.getByLabel("Title")).toBeFocused();
    await dialog.getByLabel("Title").fill(title);
    if (title === first) {
      await dialog.getByLabel("Description").fill("Where the **gap** stands after the last round.");
      await dialog.getByLabel("Day").selectOption({ index: 1 });
      await dialog.getByLabel("Start").fill("09:30");
      await dialog.getByLabel("End").fill("10:15");
      await dialog.getByLabel("Linked issue").selectOption({ index: 1 });
      await dialog.getByLabel("Proposing party").selectOption({ label: "JP · Japan" });
    }
    await dialog.getByRole("button", { name: "Add item" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("agenda").getByText(title, { exact: true })).toBeVisible();
  }
  expect(only(await agendaTitles(page), mine)).toEqual([first, second, third]);
  const firstRow = page.getByTestId("agenda-item").filter({ hasText: first });
  await expect(firstRow).toContainText("09:30–10:15");
  await expect(firstRow).toContainText("Proposed by JP");
  await expect(firstRow.locator("strong")).toHaveText("gap");

  // The keyboard alternative: "Move up" twice brings Charlie to the front of the three.
  await page.getByRole("button", { name: `Move up: ${third}` }).click();
  await expect.poll(async () => only(await agendaTitles(page), mine)).toEqual([first, third, second]);
  // Focus stays on the moved item's button, so a second press moves it again.
  await expect(page.getByRole("button", { name: `Move up: ${third}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(async () => only(await agendaTitles(page), mine)).toEqual([third, first, second]);

  // Drag and drop by keyboard (dnd-kit's keyboard sensor): pick Bravo up, move it up one, drop it.
  const handle = page.getByRole("button", { name: `Drag to reorder: ${second}` });
  await handle.focus();
  // Drag and drop loads when focus or a pointer reaches a handle; the handle then says it is sortable.
  await expect(handle).toHaveAttribute("aria-roledescription", "sortable");
  await expect(handle).toBeFocused();
  const from = (await agendaTitles(page)).indexOf(second) + 1;
  await page.keyboard.press("Space");
  // Each step waits for dnd-kit's state or its screen-reader announcement, so no key arrives too early.
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByText(`${second} is over position ${from - 1} of`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText(`${second} dropped at position ${from - 1} of`)).toBeAttached();
  await expect.poll(async () => only(await agendaTitles(page), mine)).toEqual([third, second, first]);

  // Saved: the database holds the new order, and a reload shows it.
  await expect
    .poll(async () => {
      const { rows: items } = await e2eDb.query<{ title: string }>(
        `SELECT title FROM "AgendaItem" WHERE "sessionId" = $1 ORDER BY position`,
        [session.id],
      );
      return only(items.map((i) => i.title), mine);
    })
    .toEqual([third, second, first]);
  await page.reload();
  await expect.poll(async () => only(await agendaTitles(page), mine)).toEqual([third, second, first]);
  await page.screenshot({ path: testInfo.outputPath("agenda-convenor-draft.png"), fullPage: true });

  // Still a draft: the delegate sees nothing yet.
  await jp.reload();
  await expect(jp.getByTestId("agenda-empty")).toBeVisible();
  await expect(jp.getByText(first)).toHaveCount(0);

  await waitForHydration(page, "[data-testid=agenda-draft-note]");
  await page.getByRole("button", { name: "Publish agenda" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Publish the agenda?" });
  await confirm.getByRole("button", { name: "Publish" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("agenda-draft-note")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Publish agenda" })).toHaveCount(0);

  // After publication the delegate sees the agenda, in the convenor's order.
  await jp.reload();
  await expect(jp.getByTestId("agenda")).toBeVisible();
  expect(only(await agendaTitles(jp), mine)).toEqual([third, second, first]);
  const all = await agendaTitles(jp);
  const { rows: stored } = await e2eDb.query<{ title: string }>(`SELECT title FROM "AgendaItem" WHERE "sessionId" = $1 ORDER BY position`, [session.id]);
  expect(all).toEqual(stored.map((r) => r.title));
  await expect(jp.getByRole("button", { name: "Add item" })).toHaveCount(0);
  await expect(jp.getByRole("button", { name: /^Move up/ })).toHaveCount(0);
  await jp.screenshot({ path: testInfo.outputPath("agenda-delegate-published.png"), fullPage: true });
});

test("a track 1.5 convenor invites a scholar to one item and removes the invitation; the scholar sees the item only meanwhile", async ({ page, e2eDb, asUser }, testInfo) => {
  test.setTimeout(120_000);
  const { rows } = await e2eDb.query<{ sessionId: string; itemId: string; title: string }>(
    `SELECT s.id AS "sessionId", i.id AS "itemId", i.title FROM "Session" s
       JOIN "Series" r ON r.id = s."seriesId" AND r."shortName" = 'TRI-15'
       JOIN "AgendaItem" i ON i."sessionId" = s.id
      WHERE s."agendaPublishedAt" IS NOT NULL AND s."endsAt" > now()
        AND NOT EXISTS (SELECT 1 FROM "AgendaItemScholar" a JOIN "User" u ON u.id = a."userId" WHERE a."agendaItemId" = i.id AND u.email = $1)
      ORDER BY s."startsAt", i.position LIMIT 1`,
    [DEMO.jpScholar],
  );
  const target = rows[0];
  if (!target) throw new Error("No item of an upcoming published TRI-15 session without the JP scholar");
  const scholarName = "Kenji Arakawa";

  await page.goto("/sign-in");
  await signIn(page, DEMO.triConvenor);
  await page.goto(`/sessions/${target.sessionId}`);
  const open = page.getByRole("button", { name: `Invited scholars of ${target.title}` });
  await expect(open).toBeVisible();
  await waitForHydration(page, "[data-testid=agenda]");
  await open.click();
  const dialog = page.getByRole("dialog", { name: `Invited scholars: ${target.title}` });
  await dialog.getByLabel("Scholar").selectOption({ label: `${scholarName} (Hakone Centre for Security Studies)` });
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog.getByRole("button", { name: `Remove ${scholarName}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("agenda-scholars-dialog.png") });

  const scholar = await asUser(DEMO.jpScholar);
  await scholar.goto(`/sessions/${target.sessionId}`);
  await expect(scholar.getByTestId("agenda").getByText(target.title, { exact: true })).toBeVisible();

  await dialog.getByRole("button", { name: `Remove ${scholarName}` }).click();
  await expect(dialog.getByRole("button", { name: `Remove ${scholarName}` })).toHaveCount(0);
  await scholar.reload();
  await expect(scholar.getByText(target.title, { exact: true })).toHaveCount(0);
  const { rows: left } = await e2eDb.query(`SELECT 1 FROM "AgendaItemScholar" a JOIN "User" u ON u.id = a."userId" WHERE a."agendaItemId" = $1 AND u.email = $2`, [target.itemId, DEMO.jpScholar]);
  expect(left).toHaveLength(0);
});

test("a scholar sees the agenda's own numbers, not a count of the items shown to them", async ({ e2eDb, asUser }) => {
  // The Korean scholar is invited to items 2 and 6 of TRI-15's fourth round.
  const { rows } = await e2eDb.query<{ id: string }>(`SELECT id FROM "Session" WHERE title = 'Fourth round, Tokyo'`);
  const scholar = await asUser(DEMO.krScholar);
  await scholar.goto(`/sessions/${rows[0]!.id}`);
  const items = scholar.getByTestId("agenda-item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(/^2\./);
  await expect(items.nth(1)).toContainText(/^6\./);
});

test("after publication only the moved item is marked, the mark says what changed on focus, and re-announcing clears it", async ({ e2eDb, seedDb, asUser }) => {
  test.setTimeout(180_000);
  const edd = await seriesId(e2eDb, "EDD");
  const session = await createPublishedSession(seedDb, edd.id, `E2E marks ${uniqueSuffix()}`, 30);
  for (const title of ["First", "Second", "Third", "Fourth"]) await createAgendaItem(seedDb, { sessionId: session.id, title });

  const convenor = await asUser(DEMO.eddConvenor);
  await convenor.goto(`/sessions/${session.id}`);
  await waitForHydration(convenor, "[data-testid=agenda-item] button");
  // "Second" moves down one place: "Third" shifts up but was not moved.
  await convenor.getByRole("button", { name: "Move down: Second" }).click();
  await expect(convenor.getByTestId("agenda-item").nth(2)).toContainText("Second");
  await expect(convenor.getByTestId("agenda-item-updated")).toHaveCount(1);

  const delegate = await asUser(DEMO.jpDelegate);
  await delegate.goto(`/sessions/${session.id}`);
  const items = delegate.getByTestId("agenda-item");
  await expect(items).toHaveCount(4);
  await expect(delegate.getByTestId("agenda-item-updated")).toHaveCount(1);
  await expect(items.nth(2).getByTestId("agenda-item-updated")).toBeVisible();
  await expect(delegate.getByTestId("agenda-updated")).toBeVisible();
  // Keyboard focus shows what changed.
  await items.nth(2).getByTestId("agenda-item-updated").focus();
  await expect(delegate.getByRole("tooltip")).toContainText("Changed since publication: moved");

  await convenor.getByTestId("agenda-reannounce").click();
  await convenor.getByRole("alertdialog").getByRole("button", { name: "Clear the marks" }).click();
  await expect(convenor.getByTestId("agenda-item-updated")).toHaveCount(0);
  await delegate.reload();
  await expect(delegate.getByTestId("agenda-item")).toHaveCount(4);
  await expect(delegate.getByTestId("agenda-item-updated")).toHaveCount(0);
  await expect(delegate.getByTestId("agenda-updated")).toHaveCount(0);
});
