import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO, expect, seriesId, test } from "./fixtures";

// At phone width (390 × 844) every main page fits the screen: nothing wider than the viewport
// except inside a frame of its own that scrolls (the tracker heatmap), the menu and sign-out are
// reachable, and the stance board reads as a list. E2E_SCREENSHOTS_DIR=<dir> also saves a picture
// of each page for a person to look at.
test.use({ viewport: { width: 390, height: 844 } });

const dir = process.env.E2E_SCREENSHOTS_DIR;

async function fits(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  // The document never scrolls sideways; a wide table scrolls inside its own frame.
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    const reported = new Set<Element>();
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 1) continue;
      // Only the outermost element that sticks out, not each of its children.
      if (el.parentElement && reported.has(el.parentElement)) {
        reported.add(el);
        continue;
      }
      // Inside a horizontally scrolling frame: that frame is what must fit.
      let p: HTMLElement | null = el.parentElement;
      let framed = false;
      while (p && p !== document.body) {
        const style = getComputedStyle(p);
        if ((style.overflowX === "auto" || style.overflowX === "scroll" || style.overflowX === "hidden") && p.getBoundingClientRect().right <= width + 1) {
          framed = true;
          break;
        }
        p = p.parentElement;
      }
      if (framed) continue;
      reported.add(el);
      offenders.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} right=${Math.round(rect.right)}`);
    }
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width && offenders.length === 0) {
      // Something still widens the page (an absolutely placed element, say): name the widest.
      const widest = Array.from(document.querySelectorAll<HTMLElement>("body *"))
        .map((el) => ({ el, right: el.getBoundingClientRect().right }))
        .sort((a, b) => b.right - a.right)
        .slice(0, 3);
      for (const { el, right } of widest) offenders.push(`${el.tagName.toLowerCase()}.${String(el.className).split(" ").slice(0, 4).join(".")} right=${Math.round(right)} (in a frame)`);
    }
    return { scrollWidth, width, offenders: offenders.slice(0, 5) };
  });
  expect.soft(overflow.offenders, `${name}: elements wider than the screen`).toEqual([]);
  expect.soft(overflow.scrollWidth, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(overflow.width);
  if (dir) await page.screenshot({ path: path.join(dir, `phone-${name}.png`), fullPage: true });
}

async function firstHref(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute("href", { timeout: 15_000 });
  if (!href) throw new Error(`no link ${selector}`);
  return href;
}

test("the main pages fit a phone, with the menu and sign-out in reach", async ({ asUser, e2eDb }) => {
  test.setTimeout(150_000);
  const tri = await seriesId(e2eDb, "TRI-15");
  const us = await asUser(DEMO.usDelegate);
  await fits(us, "dashboard");

  // Navigation and sign-out through the menu.
  const menu = us.getByTestId("user-menu");
  await expect(menu).toBeVisible();
  await menu.click();
  await expect(us.getByRole("menuitem", { name: /sign out/i }).or(us.getByRole("button", { name: /sign out/i })).first()).toBeVisible();
  await us.keyboard.press("Escape");

  await us.goto(`/series/${tri.id}`);
  await fits(us, "series");

  // The demo's own session (other specs add sessions of their own to the series).
  const { rows } = await e2eDb.query<{ id: string }>(`SELECT s.id FROM "Session" s WHERE s."seriesId" = $1 AND s.title = 'Fourth round, Tokyo'`, [tri.id]);
  const sessionId = rows[0]!.id;
  await us.goto(`/sessions/${sessionId}`);
  await fits(us, "session");

  await us.goto(await firstHref(us, `a[href^="/sessions/${sessionId}/items/"]`));
  await fits(us, "agenda-item");

  await us.goto(`/sessions/${sessionId}/stances`);
  await fits(us, "stance-board");

  await us.goto(`/series/${tri.id}/tracker`);
  await fits(us, "tracker");
  // The heatmap scrolls inside its own frame, the issue column staying in view.
  const frame = us.getByTestId("heatmap-frame");
  await frame.evaluate((el) => el.scrollBy({ left: 400 }));
  const issueCell = us.getByTestId("tracker-heatmap").locator("tbody th").first();
  const box = await issueCell.boundingBox();
  expect(box && box.x >= 0 && box.x < 40, "the issue column stays in view while the heatmap scrolls").toBe(true);

  await us.goto(`/series/${tri.id}/tracker/deterrence`);
  await fits(us, "deterrence");

  await us.goto(`/series/${tri.id}/issues`);
  await fits(us, "issues");

  await us.goto("/tracker");
  await fits(us, "tracker-overview");

  await us.goto(`/sessions/${sessionId}/papers`);
  await fits(us, "papers");
  await us.goto(await firstHref(us, 'a[href^="/papers/"]'));
  await fits(us, "paper");
});
