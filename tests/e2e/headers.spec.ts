import { DEMO, expect, signIn, test } from "./fixtures";

// Response headers a browser or a proxy acts on: private answers are never stored, a calendar
// feed's secret URL is never sent on as a Referer, and https is enforced once served over it.

test("tRPC answers are private and never stored", async ({ page }) => {
  await signIn(page, DEMO.jpDelegate);
  const res = await page.request.get("/api/trpc/me.get");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("private, no-store");
});

test("the calendar feed keeps its own no-referrer policy; other pages keep the global one", async ({ request }) => {
  const feed = await request.get("/api/calendar/not-a-token.ics", { failOnStatusCode: false });
  expect(feed.headers()["referrer-policy"]).toBe("no-referrer");
  const signInPage = await request.get("/sign-in");
  expect(signInPage.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("HSTS is sent only when the proxy says the request came over https", async ({ request }) => {
  const plain = await request.get("/sign-in");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const https = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("pages carry a nonce-based script policy, fresh per response, and run under it with no violation", async ({ page, request }) => {
  const first = (await request.get("/sign-in")).headers()["content-security-policy"] ?? "";
  const second = (await request.get("/sign-in")).headers()["content-security-policy"] ?? "";
  const script = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
  expect(script(first)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  expect(script(first)).not.toBe(script(second));
  expect((await request.get("/api/health/live")).headers()["content-security-policy"]).toContain("default-src 'none'");

  // A real page in Chromium: signing in and opening the dashboard runs every script it needs, and
  // the browser reports no blocked script.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, DEMO.jpDelegate);
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await expect(page.getByTestId("notification-bell")).toBeVisible();
  expect(violations).toEqual([]);
});
