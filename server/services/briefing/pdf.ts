import "server-only";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, chromiumExecutable } from "@/lib/chromium";

/*
 * Renders the briefing book's print page to PDF in headless Chromium. The browser loads the page
 * from this server's OWN loopback origin (never the request's Host header, which a client controls:
 * the user's session cookie would go wherever it pointed), with only the session cookie of the
 * request, JavaScript off, and every request to another origin refused.
 */

/** Where this server answers itself: TRILOGUE_INTERNAL_ORIGIN (set by the launcher), else loopback on PORT. */
export function internalOrigin(): string {
  const configured = process.env.TRILOGUE_INTERNAL_ORIGIN?.trim();
  if (configured) return new URL(configured).origin;
  return `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/** The session cookie (server/auth/cookies.ts: plain, __Host- on https; chunked as .0, .1 … when large). */
const SESSION_COOKIE = /^(__Secure-|__Host-)?(next-auth|trilogue)\.session-token(\.\d+)?$/;

export type CookieLike = { name: string; value: string };

export function sessionCookies(all: CookieLike[]): CookieLike[] {
  return all.filter((c) => SESSION_COOKIE.test(c.name));
}

// One book at a time per server: a Chromium is a few hundred MB.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export type PdfOptions = {
  /** Path of the print page, e.g. /print/sessions/abc/briefing. */
  path: string;
  cookies: CookieLike[];
  /** Running header: "TRI-15 · Session title". */
  header: string;
  /** Shown at the header's right when the series is illustrative. */
  illustrativeLabel: string | null;
  /** "Page {page} of {pages}" with the two placeholders. */
  pageLabel: string;
  footerNote: string;
};

export function renderBriefingPdf(options: PdfOptions): Promise<Buffer> {
  return serialised(async () => {
    const origin = internalOrigin();
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: [...CHROMIUM_ARGS] });
      const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US", serviceWorkers: "block" });
      await context.addCookies(
        sessionCookies(options.cookies).map((c) => ({
          name: c.name,
          value: c.value,
          url: origin,
          httpOnly: true,
          sameSite: "Lax" as const,
          secure: c.name.startsWith("__Secure-") || c.name.startsWith("__Host-"),
        })),
      );
      const page = await context.newPage();
      // Nothing leaves the loopback origin: no fonts, images or trackers from elsewhere.
      await page.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
      const response = await page.goto(`${origin}${options.path}`, { waitUntil: "load", timeout: 60_000 });
      if (!response || response.status() !== 200 || new URL(page.url()).pathname !== options.path) {
        throw new Error(`Print page answered ${response?.status() ?? "nothing"} at ${page.url()}`);
      }
      await page.emulateMedia({ media: "print" });
      // Chromium renders these templates in the page margin; they need inline styles and their own font size.
      const style = "font-family: Helvetica, Arial, 'Liberation Sans', sans-serif; font-size: 7.5pt; color: #475569;";
      const row = "display: flex; justify-content: space-between; gap: 8mm; margin: 0 16mm; width: 100%;";
      const pageLabel = escapeHtml(options.pageLabel)
        .replace("{page}", '<span class="pageNumber"></span>')
        .replace("{pages}", '<span class="totalPages"></span>');
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        margin: { top: "20mm", bottom: "18mm", left: "16mm", right: "16mm" },
        headerTemplate: `<div style="${style} ${row} border-bottom: 0.5pt solid #cbd5e1; padding-bottom: 2mm;"><span>${escapeHtml(options.header)}</span>${
          options.illustrativeLabel ? `<span style="color: #92400e; font-weight: 600;">${escapeHtml(options.illustrativeLabel)}</span>` : ""
        }</div>`,
        footerTemplate: `<div style="${style} ${row}"><span>${escapeHtml(options.footerNote)}</span><span>${pageLabel}</span></div>`,
      });
      return Buffer.from(pdf);
    } finally {
      await browser?.close().catch(() => undefined);
    }
  });
}
