import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** shared/STACK.md: Debian's Chromium with these flags; playwright's own download is unreachable here. */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const ARTIFACTS = new URL("../../artifacts/", import.meta.url).pathname;

/** One browser per test file; launch() gives it a fresh temporary profile (user-data-dir) each time. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: 120_000 });
}

/** A context as a new visitor: German browser, so no page language comes from Accept-Language. */
export async function newVisitor(browser: Browser, baseUrl: string, locale = "de-DE"): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // Two cores shared with other test files: be patient.
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  return context;
}

/**
 * Collects what a user would never see but must not happen: a script error, or anything the
 * Content Security Policy blocked (which would mean the page relies on inline code).
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`page error on ${page.url()}: ${err.message}`));
  page.on("console", (msg) => {
    // A page answering 400 or 404 on purpose logs "Failed to load resource" for itself; sub-resources are checked below.
    if (/^Failed to load resource/.test(msg.text())) return;
    if (msg.type() === "error" || /Content Security Policy/i.test(msg.text())) problems.push(`console on ${page.url()}: ${msg.text()}`);
  });
  page.on("response", (res) => {
    if (res.request().resourceType() !== "document" && res.status() >= 400) problems.push(`${res.status()} for ${res.url()}`);
  });
  page.on("requestfailed", (req) => {
    // Leaving a page cancels what it was still loading (net::ERR_ABORTED): that is the test's haste, not a fault.
    if (req.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  return problems;
}

/** Lets the page lay itself out again after a resize: Chart.js redraws on a ResizeObserver. */
async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
}

/** Full-page screenshots at phone (390 px) and desktop (1280 px) width into tests/artifacts/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const [label, width] of [
    ["phone", 390],
    ["desktop", 1280],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await settle(page);
}
