import { DEMO, expect, signIn, test } from "./fixtures";

/*
 * Issue 17, defect 2: with a browser zone other than the server's, the same save showed two different
 * unlabelled times on the papers list and the paper page, and the sealed Tokyo session's Stances page
 * threw React's hydration error #418. Every time now comes from lib/format.ts in an explicit zone and
 * names it, so server and browser render the same text.
 */
test.use({ timezoneId: "America/Los_Angeles" });

test("in a Los Angeles browser the same save reads the same, labelled, on every page, and nothing fails to hydrate", async ({ page, e2eDb }) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));

  await page.goto("/sign-in");
  await signIn(page, DEMO.usDelegate);
  // The browser reports its zone once; from then on the server renders in it too.
  await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "trilogue-tz")?.value).toBe("America/Los_Angeles");

  const { rows } = await e2eDb.query<{ id: string; paperId: string }>(
    `SELECT s.id, p.id AS "paperId" FROM "Session" s JOIN "PositionPaper" p ON p."sessionId" = s.id
      WHERE s.title = 'Fourth round, Tokyo' AND p.title = 'One package, two tranches (internal draft)'`,
  );
  const { id: sessionId, paperId } = rows[0]!;

  await page.goto(`/sessions/${sessionId}/stances`);
  await expect(page.getByTestId("stance-board")).toBeVisible();
  await expect(page.getByTestId("seal-panel")).toContainText(/Sealed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(America\/Los_Angeles\)/);
  await expect(page.getByTestId("seal-submissions")).toContainText("(America/Los_Angeles)");

  await page.goto(`/sessions/${sessionId}/papers`);
  const listed = (await page.getByRole("row").filter({ hasText: "One package, two tranches" }).locator("time").textContent())!;
  expect(listed).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(America\/Los_Angeles\)$/);

  await page.goto(`/papers/${paperId}`);
  await expect(page.getByText(/^Revision \d+ by /)).toContainText(listed);

  expect(problems.filter((p) => /#418|#423|hydrat/i.test(p)), problems.join("\n")).toEqual([]);
});

test("a zone chosen on the account page wins over the browser's, and going back follows the browser again", async ({ page, users }) => {
  test.setTimeout(90_000);
  const person = await users.create({ name: "Zone Chooser" });
  await page.goto("/sign-in");
  await signIn(page, person.email, person.password);
  await page.goto("/account");
  const form = page.getByTestId("time-zone-form");
  await expect(form).toContainText("Other times are shown in America/Los_Angeles.");
  await form.getByLabel("Show other times in").selectOption("Asia/Seoul");
  await form.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Other times now show in Asia/Seoul.")).toBeVisible();
  await expect(form).toContainText("Other times are shown in Asia/Seoul.");
  // It holds after a reload, though this browser still reports Los Angeles.
  await page.reload();
  await expect(page.getByTestId("time-zone-form")).toContainText("Other times are shown in Asia/Seoul.");
  expect((await page.context().cookies()).find((c) => c.name === "trilogue-tz")?.value).toBe("America/Los_Angeles");
  // Back to the browser's own.
  await page.getByTestId("time-zone-form").getByLabel("Show other times in").selectOption({ label: "This browser's time zone" });
  await page.getByTestId("time-zone-form").getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByTestId("time-zone-form")).toContainText("Other times are shown in America/Los_Angeles.");
});
