// Opens pages in the system's headless Chromium (driven by playwright-core),
// recording what a reader would not see: console errors and network requests.
import { accessSync, constants, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Where Chromium is looked for: CHROMIUM_PATH when set, else where Debian and Ubuntu install it. */
const PLACES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** @param {string} file */
function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Chromium to open reports in, or undefined when there is none. */
export const CHROMIUM = PLACES.find(executable);

/** True when a missing Chromium must fail the run rather than skip the browser tests (`.ci/run` sets REQUIRE_BROWSER=1). */
export const REQUIRE_BROWSER = process.env.REQUIRE_BROWSER === '1';

/** The one line printed when the browser tests are skipped. */
export const BROWSER_SKIPPED = `Skipped test/report-browser.test.ts: no Chromium at ${PLACES.join(' or ')}; install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to run it.`;

/** Launches headless Chromium with no background traffic of its own. */
export function launchChromium() {
  if (!CHROMIUM) throw new Error(`REQUIRE_BROWSER=1, but ${BROWSER_SKIPPED.replace(/^Skipped [^:]*: /, '')}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Opens a local HTML file in a new page and waits for its `load` event.
 * Returns the page, the milliseconds until `load`, the console errors
 * (and uncaught exceptions) and every request other than the file itself.
 * @param {import('playwright-core').Browser} browser
 * @param {string} file
 * @param {{ width: number, height: number }} [viewport]
 */
export async function openFile(browser, file, viewport = { width: 1280, height: 900 }) {
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport });
  const errors = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  const start = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = performance.now() - start;
  return { page, loadMs, errors, requests };
}
