import { DEMO, expect, seriesId, signIn, test } from "./fixtures";

const NOT_FOUND_BODY = "This page does not exist, or it is not available to your account.";

test("a series the viewer is not a member of looks exactly like a missing one", async ({ page, e2eDb, asUser }) => {
  const edd = await seriesId(e2eDb, "EDD");

  // Positive control: the US delegate, a member of EDD, opens the very same URL.
  const us = await asUser(DEMO.usDelegate);
  await us.goto(`/series/${edd.id}`);
  await expect(us.getByRole("heading", { level: 1, name: edd.name })).toBeVisible();

  await page.goto("/sign-in");
  await signIn(page, DEMO.krDelegate);
  const denied = await page.goto(`/series/${edd.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText(NOT_FOUND_BODY)).toBeVisible();
  await expect(page.getByText(edd.name)).toHaveCount(0);
  await expect(page).not.toHaveTitle(/EDD/);
  const deniedTitle = await page.title();

  const missing = await page.goto(`/series/${edd.id.slice(0, -4)}zzzz`);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect(denied?.status(), "a denied series and a missing one answer with the same status").toBe(missing?.status());
  expect(await page.title(), "a denied series and a missing one have the same title").toBe(deniedTitle);
});

test("a delegate opening the administration pages gets the not-found page", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, DEMO.usDelegate);
  for (const path of ["/admin", "/admin/users", "/admin/series"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Administration" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "New user" })).toHaveCount(0);
  }
});

test("not-found pages answer with HTTP status 404", async ({ page, e2eDb }) => {
  const edd = await seriesId(e2eDb, "EDD");
  await page.goto("/sign-in");
  await signIn(page, DEMO.krDelegate);
  for (const path of ["/no-such-page", `/series/${edd.id.slice(0, -4)}zzzz`, `/series/${edd.id}`, "/admin/users"]) {
    const response = await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    expect(response?.status(), `status of ${path}`).toBe(404);
  }
});

test("a session page lists its participants by party, and a scholar sees no participant list", async ({ page, e2eDb, asUser }) => {
  // A TRI-15 session holding an item the Japanese scholar is invited to.
  const { rows } = await e2eDb.query<{ id: string; title: string }>(
    `SELECT s.id, s.title FROM "Session" s
       JOIN "AgendaItem" a ON a."sessionId" = s.id
       JOIN "AgendaItemScholar" x ON x."agendaItemId" = a.id
       JOIN "User" u ON u.id = x."userId"
     WHERE u.email = $1 AND s."agendaPublishedAt" IS NOT NULL
     ORDER BY s."startsAt" DESC LIMIT 1`,
    [DEMO.jpScholar],
  );
  const { id: sessionId, title } = rows[0]!;
  await page.goto("/sign-in");
  await signIn(page, DEMO.krDelegate);
  await page.goto(`/sessions/${sessionId}`);
  const participants = page.getByTestId("participants");
  await expect(participants.getByRole("region", { name: "Republic of Korea" })).toContainText("Lee Min-seo");
  await expect(participants.getByRole("region", { name: "Japan" })).toContainText("Naoko Fujimura");
  await expect(participants.getByRole("region", { name: "Convenors" })).toContainText("Eleanor Hart");

  const scholar = await asUser(DEMO.jpScholar);
  await scholar.goto(`/sessions/${sessionId}`);
  await expect(scholar.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(scholar.getByTestId("participants")).toHaveCount(0);
});
