import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import type pg from "pg";
import { DEMO, expect, seriesId, signIn, test } from "../../e2e/fixtures";

/*
 * First-load JavaScript per page: `npm run bench:web` (E2E_SKIP_BUILD=1 reuses the last build).
 * Each page is opened in a fresh tab of a signed-in context with the browser cache off; the compressed
 * bytes of every script response (CDP Network.loadingFinished encodedDataLength) are summed until the
 * network is idle. Prints a table and writes bench-results/web.json. Budgets: every page < 250 kB, the
 * shell pages (dashboard, series list, tracker overview) < 210 kB; BENCH_WEB_STRICT=1 fails over budget,
 * BENCH_WEB_DETAIL=1 lists every script of every page.
 */

const KB = 1000;
const PAGE_BUDGET = 250 * KB;
const SHELL_BUDGET = 210 * KB;
const SHELL = new Set(["dashboard", "series list", "tracker overview"]);

interface Measure {
  page: string;
  path: string;
  scripts: number;
  bytes: number;
  budget: number;
}

/** BENCH_WEB_DETAIL=1 also lists each page's scripts: which chunk costs what. */
const DETAIL = process.env.BENCH_WEB_DETAIL === "1";

async function firstLoadScripts(page: Page, url: string): Promise<{ scripts: number; bytes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scriptRequests = new Map<string, string>();
  let bytes = 0;
  let scripts = 0;
  cdp.on("Network.responseReceived", (event) => {
    if (event.type === "Script") scriptRequests.set(event.requestId, event.response.url);
  });
  cdp.on("Network.loadingFinished", (event) => {
    if (!scriptRequests.has(event.requestId)) return;
    scripts += 1;
    bytes += event.encodedDataLength;
    if (DETAIL) console.log(`  ${url}  ${(event.encodedDataLength / KB).toFixed(1).padStart(6)} kB  ${scriptRequests.get(event.requestId)}`);
  });
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response || response.status() >= 400) throw new Error(`${url}: HTTP ${response?.status()}`);
  await page.waitForLoadState("networkidle");
  await cdp.detach();
  return { scripts, bytes };
}

async function oneRow<T>(db: pg.Pool, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query(sql, params);
  if (!rows[0]) throw new Error(`bench:web: the demo data lacks a row for ${sql}`);
  return rows[0] as T;
}

test("first-load JavaScript per page", async ({ browser, e2eDb }) => {
  const edd = await seriesId(e2eDb, "EDD");
  // The EDD session with the most agenda items (the earliest of those tied: ids are random, so a tie
  // broken by id measured a different session from run to run), one of its items, and a paper of it.
  const session = await oneRow<{ id: string }>(
    e2eDb,
    `SELECT s.id FROM "Session" s JOIN "AgendaItem" a ON a."sessionId" = s.id WHERE s."seriesId" = $1
     GROUP BY s.id ORDER BY count(*) DESC, s."startsAt", s.id LIMIT 1`,
    [edd.id],
  );
  // A new paper (the US delegate is in every series) is written for a session that is not concluded (a draft one is not yet visible to delegates, a concluded one takes no papers).
  const open = await oneRow<{ id: string }>(
    e2eDb,
    `SELECT id FROM "Session" WHERE status IN ('AGENDA_PUBLISHED', 'IN_SESSION') ORDER BY "startsAt", id LIMIT 1`,
  );
  const item = await oneRow<{ id: string }>(e2eDb, `SELECT id FROM "AgendaItem" WHERE "sessionId" = $1 ORDER BY position LIMIT 1`, [session.id]);
  const paper = await oneRow<{ id: string }>(
    e2eDb,
    `SELECT p.id FROM "PositionPaper" p JOIN "Session" s ON s.id = p."sessionId"
     WHERE s."seriesId" = $1 AND p."releasedAt" IS NOT NULL AND p."withdrawnAt" IS NULL ORDER BY p."createdAt", p.title LIMIT 1`,
    [edd.id],
  );
  const issue = await oneRow<{ id: string }>(e2eDb, `SELECT id FROM "Issue" WHERE "seriesId" = $1 ORDER BY "createdAt", title LIMIT 1`, [edd.id]);

  const pages: Array<[name: string, path: string, as: string]> = [
    ["sign-in", "/sign-in", ""],
    ["dashboard", "/", DEMO.eddConvenor],
    ["series list", "/series", DEMO.eddConvenor],
    ["tracker overview", "/tracker", DEMO.eddConvenor],
    ["series", `/series/${edd.id}`, DEMO.eddConvenor],
    ["issues", `/series/${edd.id}/issues`, DEMO.eddConvenor],
    ["issue", `/series/${edd.id}/issues/${issue.id}`, DEMO.eddConvenor],
    ["members", `/series/${edd.id}/members`, DEMO.eddConvenor],
    ["audit", `/series/${edd.id}/audit`, DEMO.eddConvenor],
    ["series tracker", `/series/${edd.id}/tracker`, DEMO.eddConvenor],
    ["deterrence", `/series/${edd.id}/tracker/deterrence`, DEMO.eddConvenor],
    ["issue timeline", `/series/${edd.id}/tracker/issues/${issue.id}`, DEMO.eddConvenor],
    ["new session", `/series/${edd.id}/sessions/new`, DEMO.eddConvenor],
    ["session overview", `/sessions/${session.id}`, DEMO.eddConvenor],
    ["session edit", `/sessions/${session.id}/edit`, DEMO.eddConvenor],
    ["agenda item", `/sessions/${session.id}/items/${item.id}`, DEMO.eddConvenor],
    ["papers", `/sessions/${session.id}/papers`, DEMO.eddConvenor],
    ["new paper", `/sessions/${open.id}/papers/new`, DEMO.usDelegate],
    ["paper", `/papers/${paper.id}`, DEMO.eddConvenor],
    ["stances", `/sessions/${session.id}/stances`, DEMO.eddConvenor],
    ["minutes", `/sessions/${session.id}/minutes`, DEMO.eddConvenor],
    ["briefing", `/sessions/${session.id}/briefing`, DEMO.eddConvenor],
    ["session tracker", `/sessions/${session.id}/tracker`, DEMO.eddConvenor],
    ["account", "/account", DEMO.eddConvenor],
    ["admin users", "/admin/users", DEMO.admin],
    ["admin series", "/admin/series", DEMO.admin],
    ["admin parties", "/admin/parties", DEMO.admin],
  ];

  const contexts = new Map<string, BrowserContext>();
  async function contextFor(email: string) {
    let context = contexts.get(email);
    if (!context) {
      context = await browser.newContext();
      if (email) {
        const page = await context.newPage();
        await signIn(page, email);
        await page.close();
      }
      contexts.set(email, context);
    }
    return context;
  }

  const results: Measure[] = [];
  const failures: string[] = [];
  for (const [name, url, email] of pages) {
    const context = await contextFor(email);
    const page = await context.newPage();
    try {
      const { scripts, bytes } = await firstLoadScripts(page, url);
      if (new URL(page.url()).pathname !== url) throw new Error(`redirected to ${page.url()}`);
      const notFound = await page.getByRole("heading", { name: "Page not found" }).count();
      if (notFound > 0) throw new Error(`"Page not found" for ${email}`);
      results.push({ page: name, path: url, scripts, bytes, budget: SHELL.has(name) ? SHELL_BUDGET : PAGE_BUDGET });
    } catch (error) {
      failures.push(`${name} (${url}): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await page.close();
    }
  }
  await Promise.all([...contexts.values()].map((c) => c.close()));

  const width = Math.max(...results.map((r) => r.page.length));
  const lines = results.map((r) => {
    const over = r.bytes >= r.budget ? `  OVER ${(r.budget / KB).toFixed(0)} kB` : "";
    return `${r.page.padEnd(width)}  ${(r.bytes / KB).toFixed(1).padStart(6)} kB  ${String(r.scripts).padStart(3)} scripts${over}`;
  });
  console.log(`\nFirst-load JavaScript (compressed, cache off)\n${lines.join("\n")}\n`);
  const out = path.join(process.cwd(), "bench-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "web.json"), `${JSON.stringify(results, null, 2)}\n`);

  // Every page was opened as someone who may see it, and the measurement saw its scripts: a page
  // that redirected, answered "not found" or transferred no JavaScript would make the figures lie.
  expect(failures, "pages not measured").toEqual([]);
  expect(results.map((r) => r.page)).toEqual(pages.map(([name]) => name));
  for (const r of results) expect(r.scripts, `${r.page}: scripts seen`).toBeGreaterThan(0);
  const over = results.filter((r) => r.bytes >= r.budget);
  if (process.env.BENCH_WEB_STRICT === "1") {
    expect(over.map((r) => `${r.page} ${(r.bytes / KB).toFixed(1)} kB`), "pages over their budget").toEqual([]);
  }
});
