import { existsSync } from "node:fs";

/*
 * How Trilogue starts headless Chromium, for Playwright (playwright.config.ts) and the briefing book's
 * PDF renderer (server/services/briefing/pdf.ts) alike.
 */

/** CHROMIUM_PATH, else Debian's chromium, else Playwright's own browser (`npx playwright install chromium`). */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

/** Without the networking flags Chromium keeps calling home, which floods a closed network. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
