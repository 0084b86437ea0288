import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

// Malformed requests against every page and route of the app, found by walking app/ (so a route
// added later is covered without editing this file), signed out and signed in, and against the
// tRPC transport. Nothing may answer 5xx, and no answer may carry internal error text.

const APP_DIR = path.join(process.cwd(), "app");
const INTERNAL_TEXT = /prisma|invocation|ECONNREFUSED|SQLSTATE|Maximum call stack|at \S+\.(js|ts):\d+/i;

/** URL templates of every page and route handler: `[x]` and `[...x]` become `{}`; route groups vanish. */
function routeTemplates(dir = APP_DIR, segments: string[] = []): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const segment = /^\(.*\)$/.test(name) ? null : /^\[.*\]$/.test(name) ? "{}" : name;
      found.push(...routeTemplates(full, segment === null ? segments : [...segments, segment]));
    } else if (name === "page.tsx" || name === "route.ts") {
      found.push(`/${segments.join("/")}`);
    }
  }
  return [...new Set(found)].sort();
}

/** Segment values that have broken naive servers: bad escapes, NUL, overlong UTF-8, huge, traversal. */
const BAD_SEGMENTS = ["%ZZ", "%", "x%00y", "%C0%AF", "%F0%9F%98", "..%2F..%2Fetc%2Fpasswd", "a".repeat(3000), "clzzzzzzzzzzzzzzzzzzzzzzz"];
const BAD_QUERY = "?cursor=99999999999999999999&page=-1&callbackUrl=%ZZ&error=%00&input=%7B";
const METHODS = ["HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE"] as const;

type Problem = string;

async function probe(request: APIRequestContext, method: string, url: string, problems: Problem[]) {
  const res = await request.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false });
  const body = method === "HEAD" ? "" : await res.text();
  if (res.status() >= 500) problems.push(`${method} ${url.slice(0, 120)}: ${res.status()}`);
  if (INTERNAL_TEXT.test(body)) problems.push(`${method} ${url.slice(0, 120)}: internal text in the answer`);
}

/** Signed out: every bad segment and every method. Signed in (pages render further): fewer values. */
async function fuzzRoutes(request: APIRequestContext, segments: string[], methods: readonly string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const template of routeTemplates()) {
    if (template.startsWith("/api/auth")) continue; // NextAuth's own endpoints, probed in sign-in.spec.ts
    const holes = template.split("{}").length - 1;
    const urls = holes === 0 ? [template + BAD_QUERY] : segments.map((bad) => template.replaceAll("{}", bad));
    for (const url of urls) await probe(request, "GET", url, problems);
    for (const method of methods) await probe(request, method, urls[0]!, problems);
  }
  return problems;
}

test("every page and route answers malformed requests without a server error, signed out and signed in", async ({ page, playwright, baseURL }) => {
  test.setTimeout(600_000);
  expect(routeTemplates().length).toBeGreaterThan(30);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect(await fuzzRoutes(anonymous, BAD_SEGMENTS, METHODS)).toEqual([]);
  await anonymous.dispose();

  await signIn(page, DEMO.jpDelegate);
  expect(await fuzzRoutes(page.request, ["%ZZ", "x%00y", "a".repeat(3000), "clzzzzzzzzzzzzzzzzzzzzzzz"], ["TRACE"])).toEqual([]);
});

test("the tRPC endpoint refuses what it cannot read with plain 4xx answers", async ({ page }) => {
  await signIn(page, DEMO.jpDelegate);
  const post = (url: string, data: string) =>
    page.request.post(url, { data, headers: { "content-type": "application/json" }, failOnStatusCode: false });
  const deep = "[".repeat(100_000) + "]".repeat(100_000);
  const cases: [string, () => ReturnType<typeof post>, number[]][] = [
    ["malformed JSON", () => post("/api/trpc/paper.save", "{"), [400]],
    ["superjson naming an unknown class", () => post("/api/trpc/paper.save", JSON.stringify({ json: { a: 1 }, meta: { values: { a: [["custom", "Nope"]] } } })), [400]],
    ["JSON nested 100,000 deep", () => post("/api/trpc/paper.save", deep), [400]],
    ["a body over 1 MB", () => post("/api/trpc/paper.save", JSON.stringify({ json: { body: "x".repeat(1_200_000) } })), [413]],
    ["a batch of 21 calls", () => post(`/api/trpc/${Array(21).fill("paper.save").join(",")}?batch=1`, JSON.stringify(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [i, { json: {} }])))), [400, 413]],
    ["a NUL in an id", () => page.request.get(`/api/trpc/session.get?input=${encodeURIComponent(JSON.stringify({ json: { sessionId: "x\u0000y" } }))}`, { failOnStatusCode: false }), [400]],
  ];
  for (const [name, send, statuses] of cases) {
    const res = await send();
    const body = await res.text();
    expect(statuses, `${name}: status ${res.status()}`).toContain(res.status());
    expect(body, name).not.toMatch(INTERNAL_TEXT);
  }
});
