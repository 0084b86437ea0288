import { mkdirSync } from "node:fs";
import { reviseMinutes } from "@/prisma/seed/factories";
import { DEMO, expect, signIn, test, waitForHydration } from "./fixtures";

// The TRI track 1.5 dialogue meets under the Chatham House rule; its fourth round (agenda
// published, the JP scholar invited to an item) has no minutes in the demo data.
const SESSION_TITLE = "Fourth round, Tokyo";

test("the TRI convenor drafts, compares and releases minutes; a delegate reads them; a scholar has no minutes", async ({ page, e2eDb, seedDb, asUser }) => {
  // Three browsers and many round trips on a busy machine.
  test.setTimeout(300_000);
  mkdirSync("shots", { recursive: true });
  const { rows } = await e2eDb.query<{ id: string }>(
    `SELECT s.id FROM "Session" s JOIN "Series" r ON r.id = s."seriesId" WHERE r."shortName" = 'TRI-15' AND s.title = $1`,
    [SESSION_TITLE],
  );
  const sessionId = rows[0]?.id;
  if (!sessionId) throw new Error(`No TRI session "${SESSION_TITLE}" in the demo data`);
  // A retry starts from no minutes again.
  await seedDb.minutes.deleteMany({ where: { sessionId } });
  const url = `/sessions/${sessionId}/minutes`;

  // Before anything is written, the JP delegate sees the empty state.
  const jp = await asUser(DEMO.jpDelegate);
  await jp.goto(url);
  await expect(jp.getByTestId("minutes-empty")).toContainText("Minutes have not been released yet");

  await signIn(page, DEMO.triConvenor);
  await page.goto(url);
  await expect(page.getByTestId("minutes-status")).toContainText("Draft — not released");
  await waitForHydration(page, "#minutes-body");
  const editor = page.getByLabel("Minutes text", { exact: true });

  // The Chatham House warning follows the text as it is typed.
  await editor.fill("## Summary\n\nParticipants discussed sequencing.");
  await expect(page.getByTestId("chatham-warning")).toHaveCount(0);
  await editor.press("End");
  await editor.pressSequentially(" Naoko Fujimura argued for a freeze.");
  const warning = page.getByTestId("chatham-warning");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("Naoko Fujimura");
  await expect(page.getByTestId("markdown-preview")).toContainText("Naoko Fujimura argued");
  await page.screenshot({ path: "shots/minutes-chatham-warning.png" });

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved as revision 1.")).toBeVisible();
  await expect(page.getByText(/Saved\. The text still names Naoko Fujimura/)).toBeVisible();
  await expect(page.getByTestId("minutes-status")).toContainText("Revision 1");

  // A surname alone is found too; replacing it clears the warning.
  await editor.fill("## Summary\n\nParticipants discussed sequencing. Fujimura argued for a freeze.");
  await expect(warning).toContainText("“Fujimura”");
  await editor.fill("## Summary\n\nParticipants discussed sequencing. One participant argued for a freeze.");
  await expect(page.getByTestId("chatham-warning")).toHaveCount(0);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved as revision 2.")).toBeVisible();
  await expect(page.getByTestId("minutes-status")).toContainText("Revision 2");

  // History: two revisions, compared (latest with the one before it by default), both ways of showing it.
  await expect(page.getByTestId("minutes-revisions").getByRole("listitem")).toHaveCount(2);
  const diff = page.getByTestId("revision-diff");
  await expect(diff.locator("del", { hasText: "Fujimura" })).toBeVisible();
  await expect(diff.locator("ins", { hasText: "participant" })).toBeVisible();
  await diff.getByRole("radio", { name: "Side by side" }).click();
  await expect(diff.locator("table")).toBeVisible();
  await page.getByLabel("Compare", { exact: true }).selectOption({ index: 0 });
  await expect(diff).toContainText("The two texts are identical.");
  await page.getByLabel("Compare", { exact: true }).selectOption({ index: 1 });
  await expect(diff.locator("table del")).toContainText("Naoko Fujimura");

  // Someone else saves revision 3 meanwhile: this editor's next save is refused, both texts stay on screen.
  const theirs = "## Summary\n\nParticipants discussed sequencing and verification. One participant argued for a freeze.";
  const minutes = await seedDb.minutes.findUniqueOrThrow({ where: { sessionId }, select: { id: true, version: true } });
  if (minutes.version !== 2) throw new Error(`Expected the minutes at version 2 after two saves, found ${minutes.version}`);
  const convenor = await seedDb.user.findUniqueOrThrow({ where: { email: DEMO.triConvenor }, select: { id: true } });
  await reviseMinutes(seedDb, { minutesId: minutes.id, authorId: convenor.id, body: theirs });
  const mine = "## Summary\n\nParticipants discussed sequencing. One participant argued for a freeze.\n\nNext steps agreed.";
  await editor.fill(mine);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = page.getByTestId("conflict-panel");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Revision 3 by Eleanor Hart");
  await expect(conflict.getByTestId("revision-diff")).toContainText("verification");
  await expect(editor).toHaveValue(mine);
  await page.screenshot({ path: "shots/minutes-conflict.png", fullPage: true });
  await editor.fill("## Summary\n\nParticipants discussed sequencing and verification. One participant argued for a freeze.\n\nNext steps agreed.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved as revision 4.")).toBeVisible();
  await expect(conflict).toHaveCount(0);
  await expect(page.getByTestId("minutes-revisions").getByRole("listitem")).toHaveCount(4);

  // Not released yet: the delegate still sees the empty state.
  await jp.reload();
  await expect(jp.getByTestId("minutes-empty")).toBeVisible();

  await page.screenshot({ path: "shots/minutes-convenor.png", fullPage: true });
  await page.getByRole("button", { name: "Release to members" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("Revision 4 will be readable");
  await confirm.getByRole("button", { name: "Release to members" }).click();
  await expect(page.getByText("Minutes released to the series' members.")).toBeVisible();
  await expect(page.getByTestId("minutes-status")).toContainText("Released");
  await expect(page.getByRole("button", { name: "Release to members" })).toHaveCount(0);

  // The delegate now reads the latest revision, rendered.
  await jp.reload();
  await expect(jp.getByTestId("minutes-body").getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(jp.getByTestId("minutes-body")).toContainText("sequencing and verification. One participant argued for a freeze.");
  await expect(jp.getByTestId("minutes-body")).toContainText("Next steps agreed.");
  await expect(jp.getByTestId("minutes-meta")).toContainText("Revision 4");
  await expect(jp.getByTestId("minutes-meta")).toContainText("Released");
  await expect(jp.getByLabel("Minutes text", { exact: true })).toHaveCount(0);
  await jp.screenshot({ path: "shots/minutes-delegate.png", fullPage: true });

  // A scholar invited to this session sees it, but no minutes tab, and the minutes page is a 404.
  const scholar = await asUser(DEMO.jpScholar);
  await scholar.goto(`/sessions/${sessionId}`);
  const tabs = scholar.getByRole("navigation", { name: "Session sections" });
  await expect(tabs.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Minutes" })).toHaveCount(0);
  const response = await scholar.goto(url);
  expect(response?.status()).toBe(404);
  await expect(scholar.getByText("One participant argued")).toHaveCount(0);
});
