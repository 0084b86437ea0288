import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./lib/chromium";
import { E2E_NEXTAUTH_SECRET } from "./scripts/lib/e2e-secret";

// Run through `npm run test:e2e`: it builds the app, prepares a migrated and seeded database of its
// own and passes it here as E2E_DATABASE_URL. Extra arguments go to Playwright:
// `npm run test:e2e -- tests/e2e/auth.spec.ts --headed`.

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;
const CI = Boolean(process.env.CI);

const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error(
    "E2E_DATABASE_URL is not set. Run the end-to-end tests with `npm run test:e2e` (it builds the app, creates a seeded " +
      "database and passes arguments on to Playwright), or set E2E_DATABASE_URL to a migrated database seeded with the demo data.",
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  // Files run in parallel, the tests of a file in order. Two workers beside the server on two cores.
  fullyParallel: false,
  workers: CI ? 1 : 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    video: "off",
    locale: "en-US",
    timezoneId: "UTC",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
  webServer: {
    // The production build, started like `npm start` (the launcher applies migrations, then runs `next start`).
    command: "node --import tsx scripts/start.ts",
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      // Test-only: the e2e database is thrown away after the run.
      NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      // The app's email goes to scripts/e2e.ts's local catcher, read by the tests.
      ...(process.env.E2E_SMTP_URL ? { SMTP_URL: process.env.E2E_SMTP_URL, MAIL_FROM: "Trilogue <trilogue@e2e.test>" } : {}),
    },
    // The launcher prints this after it has requested the main routes once.
    wait: { stdout: /Trilogue ready at / },
    stdout: "ignore",
    stderr: "pipe",
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
