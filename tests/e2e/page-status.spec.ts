import type { APIRequestContext } from "@playwright/test";
import type { Pool } from "pg";
import { getWithRetry, signedInContext } from "@/tests/e2e/crawl/api";
import { ROLES, type Role } from "@/tests/e2e/crawl/markers";
import { DEMO, expect, seriesId, test } from "@/tests/e2e/fixtures";

/*
 * Every page route, requested as every demo account: the HTTP status is 200 where the rules let the
 * role open the page and 404 where they do not, exactly as for an id that names nothing. A denied page
 * that renders the not-found page with status 200 (issue 17, defect 3: a scholar on a session's
 * Stances URL, streamed under a loading boundary) fails here. The rules, from DESIGN.md:
 * - TRI-15's members: its convenor, the three delegates, the three scholars and the observer; the
 *   EDD and EDSCG convenors and the administrator are members of none of it.
 * - Scholars open the series overview, the series' and a session's tracker and the issues (figures
 *   from what they may read), a session's overview and papers, the items they were invited to and the
 *   papers released to them; never the stance board, the minutes, the briefing book, the members or
 *   the audit trail.
 * - The briefing book: convenors and delegates. Minutes: convenors, delegates and the observer.
 * - Convenor-only pages: the audit trail, a new session, editing a session.
 * - Administration: the administrator only.
 */

type Expect = 200 | 404;
const NOT_FOUND_TEXT = "This page does not exist, or it is not available to your account.";

const TRI: Record<Role, "CONVENOR" | "DELEGATE" | "SCHOLAR" | "OBSERVER" | null> = {
  admin: null,
  eddConvenor: null,
  edscgConvenor: null,
  triConvenor: "CONVENOR",
  usDelegate: "DELEGATE",
  jpDelegate: "DELEGATE",
  krDelegate: "DELEGATE",
  jpScholar: "SCHOLAR",
  krScholar: "SCHOLAR",
  usScholar: "SCHOLAR",
  observer: "OBSERVER",
};

const member = (r: Role): Expect => (TRI[r] ? 200 : 404);
const government = (r: Role): Expect => (TRI[r] && TRI[r] !== "SCHOLAR" ? 200 : 404);
const convenorOrDelegate = (r: Role): Expect => (TRI[r] === "CONVENOR" || TRI[r] === "DELEGATE" ? 200 : 404);
const convenor = (r: Role): Expect => (TRI[r] === "CONVENOR" ? 200 : 404);
const only = (...roles: Role[]) => (r: Role): Expect => (roles.includes(r) ? 200 : 404);
const everyone = (): Expect => 200;

async function one(db: Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`page-status: nothing found for ${sql} ${JSON.stringify(params)}`);
  return rows[0].id;
}

test("every page route answers 200 or 404 for every role as the rules say, and 404 for a missing id", async ({ playwright, baseURL, e2eDb }) => {
  test.setTimeout(600_000);
  const tri = (await seriesId(e2eDb, "TRI-15")).id;
  const session = await one(e2eDb, `SELECT id FROM "Session" WHERE "seriesId" = $1 AND title = 'Fourth round, Tokyo'`, [tri]);
  const concluded = await one(e2eDb, `SELECT id FROM "Session" WHERE "seriesId" = $1 AND title = 'Third round, Seoul'`, [tri]);
  const issue = await one(e2eDb, `SELECT "issueId" AS id FROM "AgendaItem" WHERE "sessionId" = $1 AND "issueId" IS NOT NULL ORDER BY position LIMIT 1`, [session]);
  // Item 3 of the fourth round: only the Japanese scholar is invited.
  const jpItem = await one(e2eDb, `SELECT id FROM "AgendaItem" WHERE "sessionId" = $1 AND position = 3`, [session]);
  const partyDraft = await one(e2eDb, `SELECT id FROM "PositionPaper" WHERE title = 'One package, two tranches (internal draft)'`, []);
  const governments = await one(e2eDb, `SELECT id FROM "PositionPaper" WHERE title = 'Negative security assurances: options short of a pledge'`, []);
  const jpScholarPaper = await one(e2eDb, `SELECT id FROM "PositionPaper" WHERE title = 'Theatre-range limits: a menu for the first phase'`, []);

  const routes: { path: string; expected: (role: Role) => Expect }[] = [
    { path: "/", expected: everyone },
    { path: "/account", expected: everyone },
    { path: "/series", expected: everyone },
    { path: "/tracker", expected: everyone },
    { path: "/admin", expected: only("admin") },
    { path: "/admin/users", expected: only("admin") },
    { path: "/admin/parties", expected: only("admin") },
    { path: "/admin/series", expected: only("admin") },
    { path: `/series/${tri}`, expected: member },
    { path: `/series/${tri}/audit`, expected: convenor },
    { path: `/series/${tri}/issues`, expected: member },
    { path: `/series/${tri}/issues/${issue}`, expected: member },
    { path: `/series/${tri}/members`, expected: government },
    { path: `/series/${tri}/sessions/new`, expected: convenor },
    { path: `/series/${tri}/tracker`, expected: member },
    { path: `/series/${tri}/tracker/deterrence`, expected: member },
    { path: `/series/${tri}/tracker/issues/${issue}`, expected: member },
    { path: `/sessions/${session}`, expected: member },
    { path: `/sessions/${session}/papers`, expected: member },
    { path: `/sessions/${session}/papers/new`, expected: (r) => (TRI[r] === "DELEGATE" || TRI[r] === "SCHOLAR" ? 200 : 404) },
    { path: `/sessions/${session}/stances`, expected: government },
    { path: `/sessions/${concluded}/stances`, expected: government },
    // Scholars: the figures from what they may read, like the series tracker (their tab bar lists neither).
    { path: `/sessions/${session}/tracker`, expected: member },
    { path: `/sessions/${session}/minutes`, expected: government },
    { path: `/sessions/${session}/briefing`, expected: convenorOrDelegate },
    { path: `/sessions/${session}/items/${jpItem}`, expected: (r) => (r === "jpScholar" || government(r) === 200 ? 200 : 404) },
    { path: `/sessions/${session}/edit`, expected: convenor },
    { path: `/print/sessions/${session}/briefing`, expected: convenorOrDelegate },
    { path: `/papers/${partyDraft}`, expected: only("usDelegate") },
    { path: `/papers/${partyDraft}/edit`, expected: only("usDelegate") },
    { path: `/papers/${governments}`, expected: government },
    // Released to all participants on an item only the Japanese scholar is invited to.
    { path: `/papers/${jpScholarPaper}`, expected: (r) => (r === "jpScholar" || government(r) === 200 ? 200 : 404) },
  ];

  const failures: string[] = [];
  async function check(context: APIRequestContext, role: Role, path: string, want: Expect) {
    const res = await getWithRetry(context, path);
    if (res.status() !== want) failures.push(`${role} ${path}: HTTP ${res.status()}, expected ${want}`);
    // (A 200 body cannot be searched for the text: the flight data of every page carries the not-found boundary's.)
    else if (want === 404 && !(await res.text()).includes(NOT_FOUND_TEXT)) failures.push(`${role} ${path}: HTTP 404 without the not-found page`);
  }

  for (const role of ROLES) {
    const context = await signedInContext(playwright, baseURL!, DEMO[role]);
    try {
      for (const route of routes) await check(context, role, route.path, route.expected(role));
      if (role === "triConvenor") {
        // A missing id answers 404 on every route that takes one, for someone who may open the real one.
        const ids = [tri, session, concluded, issue, jpItem, partyDraft, governments, jpScholarPaper];
        for (const route of routes) {
          const id = ids.find((candidate) => route.path.includes(candidate));
          if (id) await check(context, role, route.path.replace(id, `${id.slice(0, -4)}zzzz`), 404);
        }
      }
    } finally {
      await context.dispose();
    }
  }
  expect(failures, failures.join("\n")).toEqual([]);
});
