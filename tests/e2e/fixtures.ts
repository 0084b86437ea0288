import { randomBytes } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { createSession, createUser } from "@/prisma/seed/factories";
import { createDb, type Db } from "@/server/db";
import { listCaughtMail, type CaughtMail } from "@/server/mail/caught";

/*
 * Fixtures for the end-to-end suite (run it with `npm run test:e2e`). The app runs on a throw-away
 * database seeded with the demo data of prisma/seed.ts; E2E_DATABASE_URL points at it.
 *
 * - `signIn(page, email)` signs in through the form and waits for the app to load.
 * - `e2eDb`: a pg pool on the run's database, to look up ids the UI would need several clicks for.
 * - `seedDb`: a Prisma client on the run's database for the typed factories of prisma/seed/factories.ts:
 *   what a test plants or resets, it writes through them (or Prisma), never with raw INSERTs.
 * - `users.create()`: an account of its own for a test that changes or throttles it (wrong passwords,
 *   deactivation), so tests never interfere with each other or with the demo accounts.
 * - `asUser(email)`: a page in a fresh browser context signed in as that account (a second browser).
 */

/** The password of every demo account (prisma/seed.ts DEMO_PASSWORD). */
export const DEMO_PASSWORD = "deterrence-demo-2026";

const DOMAIN = "demo.trilogue.test";
export const DEMO = {
  admin: `admin@${DOMAIN}`,
  eddConvenor: `convenor.edd@${DOMAIN}`,
  edscgConvenor: `convenor.edscg@${DOMAIN}`,
  triConvenor: `convenor.tri@${DOMAIN}`,
  usDelegate: `us.delegate@${DOMAIN}`,
  jpDelegate: `jp.delegate@${DOMAIN}`,
  krDelegate: `kr.delegate@${DOMAIN}`,
  jpScholar: `jp.scholar@${DOMAIN}`,
  krScholar: `kr.scholar@${DOMAIN}`,
  usScholar: `us.scholar@${DOMAIN}`,
  observer: `observer@${DOMAIN}`,
} as const;

export const SERIES = ["EDD", "EDSCG", "TRI-15"] as const;
export type SeriesShortName = (typeof SERIES)[number];

/** A unique suffix: tests may be retried against the same database. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

/** Resolves once React has hydrated the element: a click before that would submit the form natively. */
export async function waitForHydration(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const element = document.querySelector(sel);
      return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps$"));
    },
    selector,
  );
}

/** Fills the sign-in form of the current page and submits it; does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await waitForHydration(page, "form");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the form (opening /sign-in unless the page already shows it, e.g. after a
 * redirect with a callbackUrl) and waits until the app shell is there.
 */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  if (new URL(page.url(), "http://x").pathname !== "/sign-in") await page.goto("/sign-in");
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

/** The sign-in form's error (Next's route announcer is a role=alert too). */
export function signInAlert(page: Page) {
  return page.locator("form").getByRole("alert");
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

/** The app's main navigation (Dashboard, Series, Tracker, Admin). */
export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface UserFactory {
  /** A new active account with the demo password and no memberships. */
  create(options?: { name?: string; isAdmin?: boolean }): Promise<TestUser>;
}

// Fixture bodies name Playwright's `use` callback `provide`: the React hooks lint rule would take `use` for a hook.
type TestFixtures = {
  users: UserFactory;
  asUser: (email: string, password?: string) => Promise<Page>;
};

type WorkerFixtures = {
  e2eDb: pg.Pool;
  seedDb: Db;
};

function e2eDatabaseUrl(): string {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString) throw new Error("E2E_DATABASE_URL is not set: run the suite with `npm run test:e2e`");
  return connectionString;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  e2eDb: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, provide) => {
      const pool = new pg.Pool({ connectionString: e2eDatabaseUrl(), max: 2 });
      await provide(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],

  // One client per worker process (Playwright runs specs in workers), closed when the worker ends.
  seedDb: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, provide) => {
      const client = createDb(e2eDatabaseUrl(), { poolSize: 2 });
      await provide(client);
      await client.$disconnect();
    },
    { scope: "worker" },
  ],

  users: async ({ seedDb }, provide) => {
    await provide({
      async create(options = {}) {
        const suffix = uniqueSuffix();
        // Reuses the demo accounts' argon2id hash of DEMO_PASSWORD: no hashing in the test process.
        const demo = await seedDb.user.findUnique({ where: { email: DEMO.observer }, select: { passwordHash: true } });
        if (!demo) throw new Error("users.create: the demo account to copy the password hash from is missing");
        const created = await createUser(seedDb, {
          email: `e2e-${suffix}@e2e.trilogue.test`,
          name: options.name ?? `E2E Person ${suffix}`,
          passwordHash: demo.passwordHash,
          isAdmin: options.isAdmin ?? false,
        });
        return { id: created.id, email: created.email, name: created.name, password: DEMO_PASSWORD };
      },
    });
  },

  asUser: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (email, password) => {
      // Inside a test, browser.newContext() applies the project's options (baseURL, locale…) too.
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, email, password);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

/** The id of a demo series, by short name. */
export async function seriesId(db: pg.Pool, shortName: SeriesShortName): Promise<{ id: string; name: string }> {
  const { rows } = await db.query<{ id: string; name: string }>(`SELECT id, name FROM "Series" WHERE "shortName" = $1`, [shortName]);
  const row = rows[0];
  if (!row) throw new Error(`No series ${shortName} in the e2e database: was the demo seeded?`);
  return row;
}

export { expect };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A one-day session (UTC) of the series, `daysAhead` days from now, its agenda already published. */
export async function createPublishedSession(seed: Db, seriesId: string, title: string, daysAhead: number) {
  const startsAt = new Date(Date.now() + daysAhead * DAY_MS);
  const now = new Date();
  return createSession(seed, {
    seriesId,
    title,
    startsAt,
    endsAt: new Date(startsAt.getTime() + DAY_MS),
    timeZone: "UTC",
    place: null,
    status: "AGENDA_PUBLISHED",
    agendaPublishedAt: now,
    agendaUpdatedAt: now,
  });
}

/**
 * The email caught for `to` whose subject or text contains `containing`, waiting up to `timeoutMs`
 * for the app's worker to send it (scripts/e2e.ts starts the catcher and points the app at it).
 */
export async function caughtMail(to: string, containing: string, timeoutMs = 20_000): Promise<CaughtMail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the end-to-end tests with `npm run test:e2e`");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await listCaughtMail(dir)).find((m) => m.to.includes(to) && (m.subject.includes(containing) || m.text.includes(containing)));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No email to ${to} containing "${containing}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first agenda item of the earliest open EDSCG session with a published agenda, in the demo data. */
export async function openEdscgItem(db: pg.Pool): Promise<{ id: string; title: string; sessionId: string }> {
  const { rows } = await db.query<{ id: string; title: string; sessionId: string }>(
    `SELECT ai.id, ai.title, ai."sessionId"
       FROM "AgendaItem" ai
       JOIN "Session" se ON se.id = ai."sessionId"
       JOIN "Series" s ON s.id = se."seriesId"
      WHERE s."shortName" = 'EDSCG' AND se."agendaPublishedAt" IS NOT NULL AND se.status <> 'CONCLUDED'
      ORDER BY se."startsAt" ASC, ai.position ASC
      LIMIT 1`,
  );
  const item = rows[0];
  if (!item) throw new Error("The demo data has no open EDSCG session with a published agenda");
  return item;
}
