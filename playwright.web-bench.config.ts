import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run bench:web`: the first-load JavaScript of each page against the production build, through the
// same launcher as the e2e suite (scripts/e2e.ts builds unless E2E_SKIP_BUILD=1, seeds its own database
// and passes it here). One worker, no retries: the figures come from one quiet browser.
export default defineConfig({
  ...base,
  testDir: "tests/bench/web",
  workers: 1,
  retries: 0,
  timeout: 900_000,
  reporter: [["list"]],
});
