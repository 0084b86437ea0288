import type pg from "pg";
import type { Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { createAgendaItem } from "@/prisma/seed/factories";
import type { Db } from "@/server/db";
import { DEMO, createPublishedSession, expect, seriesId, signIn, test, uniqueSuffix, waitForHydration } from "./fixtures";

const SHOTS = "shots";

// Long flows (several saves, two browsers) on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

/** A fresh published TRI session (US, JP, KR) with two agenda items: each test gets its own. */
async function freshTriSession(db: pg.Pool, seed: Db, label: string) {
  const tri = await seriesId(db, "TRI-15");
  const suffix = uniqueSuffix();
  const title = `E2E papers ${label} ${suffix.slice(-5)}`;
  const session = await createPublishedSession(seed, tri.id, title, 45);
  const item = await createAgendaItem(seed, {
    sessionId: session.id,
    position: 1,
    title: `Nuclear consultation ${suffix.slice(-5)}`,
    status: "ACCEPTED",
  });
  const other = await createAgendaItem(seed, {
    sessionId: session.id,
    position: 2,
    title: `Crisis communication ${suffix.slice(-5)}`,
    status: "ACCEPTED",
  });
  const ids = { session: session.id, item: item.id, other: other.id };
  return { ...ids, title, itemTitle: `Nuclear consultation ${suffix.slice(-5)}` };
}

async function createPaper(page: Page, session: { session: string; itemTitle: string }, title: string, body: string) {
  await page.goto(`/sessions/${session.session}/papers`);
  await page.getByRole("link", { name: "New paper" }).click();
  await page.waitForURL(/\/papers\/new$/, { timeout: 60_000 });
  await waitForHydration(page, "form");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel(new RegExp(session.itemTitle)).check();
  await page.getByRole("textbox", { name: "Text" }).fill(body);
  await page.getByRole("button", { name: "Create paper" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/papers/"), { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
  return new URL(page.url()).pathname;
}

async function openEditor(page: Page, paperPath: string) {
  await page.goto(`${paperPath}/edit`);
  await waitForHydration(page, "form");
}

async function saveRevision(page: Page, body: string, number: number) {
  await page.getByRole("textbox", { name: "Text" }).fill(body);
  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByText(`Saved as revision ${number}.`).first()).toBeVisible();
}

test("a JP delegate writes a paper, revises and compares it, and releases it to the other governments", async ({ page, e2eDb, seedDb, asUser }) => {
  mkdirSync(SHOTS, { recursive: true });
  const s = await freshTriSession(e2eDb, seedDb, "release");
  const title = `Japan on consultation ${s.session.slice(-5)}`;
  await signIn(page, DEMO.jpDelegate);
  const paperPath = await createPaper(page, s, title, "## Position\n\nConsultation before any employment.");
  await expect(page.getByTestId("linked-items")).toContainText(s.itemTitle);

  // The US delegate cannot read the party draft.
  const us = await asUser(DEMO.usDelegate);
  await us.goto(paperPath);
  await expect(us.getByText("Page not found")).toBeVisible();
  await us.goto(`/sessions/${s.session}/papers`);
  await expect(us.getByText(title)).toHaveCount(0);

  // Two saves: revisions 2 and 3.
  await openEditor(page, paperPath);
  await expect(page.getByTestId("markdown-preview")).toContainText("Consultation before any employment.");
  await saveRevision(page, "## Position\n\nConsultation before any employment, internal draft two.", 2);
  await saveRevision(page, "## Position\n\nJoint consultation before any employment.\n\n- Early warning", 3);
  await page.screenshot({ path: `${SHOTS}/paper-editor.png`, fullPage: true });

  // Compare revision 1 with revision 3 on the paper page.
  await page.goto(paperPath);
  const history = page.getByTestId("paper-history");
  await expect(history.getByTestId("revision-3")).toBeVisible();
  await waitForHydration(page, "[data-testid=paper-history] input[type=radio]");
  await history.getByRole("radio", { name: "Compare from revision 1" }).check();
  const diff = history.getByTestId("revision-diff");
  await expect(diff).toContainText("Comparing Revision 1 with Revision 3");
  await expect(diff.locator("ins").first()).toBeVisible();
  await expect(diff.locator("del").first()).toBeVisible();
  await diff.getByRole("radio", { name: "Side by side" }).click();
  await expect(diff.locator("table")).toBeVisible();

  // Release to the governments.
  await waitForHydration(page, "[data-testid=release-control] button");
  await page.getByLabel("Release to").selectOption("GOVERNMENTS");
  await page.getByRole("button", { name: "Raise release" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Raise release" }).click();
  await expect(page.getByTestId("release-control").getByRole("option", { name: "Governments" })).toHaveCount(0);
  await expect(history.getByTestId("revision-4")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/paper-page.png`, fullPage: true });

  // Now the US delegate reads it, from the release on only, and may not edit it.
  await us.goto(paperPath);
  await expect(us.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(us.getByTestId("paper-body")).toContainText("Joint consultation before any employment.");
  await expect(us.getByTestId("paper-history").getByTestId("revision-4")).toBeVisible();
  await expect(us.getByTestId("paper-history").getByTestId("revision-3")).toHaveCount(0);
  await expect(us.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await us.goto(`/sessions/${s.session}/papers`);
  await expect(us.getByRole("link", { name: title })).toBeVisible();
});

test("two JP editors save the same paper: the second sees both texts, merges and saves; autosave restores text", async ({ page, e2eDb, seedDb, asUser }) => {
  mkdirSync(SHOTS, { recursive: true });
  const s = await freshTriSession(e2eDb, seedDb, "conflict");
  const title = `Japan conflict ${s.session.slice(-5)}`;
  await signIn(page, DEMO.jpDelegate);
  const paperPath = await createPaper(page, s, title, "Shared opening line.");

  const other = await asUser(DEMO.jpDelegate);
  await openEditor(page, paperPath);
  await openEditor(other, paperPath);

  await saveRevision(page, "Shared opening line.\n\nTheir addition.", 2);

  await other.getByRole("textbox", { name: "Text" }).fill("Shared opening line.\n\nMy addition.");
  await other.getByRole("button", { name: "Save revision" }).click();
  const panel = other.getByTestId("conflict-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Their addition.");
  await expect(panel).toContainText("My addition.");
  // Nothing typed is lost: the editor still holds this person's text.
  await expect(other.getByRole("textbox", { name: "Text" })).toHaveValue("Shared opening line.\n\nMy addition.");
  await other.screenshot({ path: `${SHOTS}/paper-conflict.png`, fullPage: true });
  await other.getByRole("textbox", { name: "Text" }).fill("Shared opening line.\n\nTheir addition.\n\nMy addition.");
  await other.getByRole("button", { name: "Save revision" }).click();
  await expect(other.getByText("Saved as revision 3.").first()).toBeVisible();
  await expect(panel).toHaveCount(0);

  // Autosave: typed text comes back after a reload, and Discard drops it.
  await other.getByRole("textbox", { name: "Text" }).fill("Unsaved words that must survive a reload.");
  await expect(other.getByTestId("editor-status")).toContainText("Working copy saved", { timeout: 10_000 });
  await other.reload();
  await waitForHydration(other, "form");
  await expect(other.getByTestId("draft-restored")).toContainText("Restored unsaved text from");
  await expect(other.getByRole("textbox", { name: "Text" })).toHaveValue("Unsaved words that must survive a reload.");
  await other.getByTestId("draft-restored").getByRole("button", { name: "Discard unsaved text" }).click();
  await expect(other.getByRole("textbox", { name: "Text" })).toHaveValue("Shared opening line.\n\nTheir addition.\n\nMy addition.");
});
