// Opens pages in Debian's headless Chromium (driven by playwright-core),
// recording what a reader would not see: console errors and network requests.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it when missing. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless Chromium with no background traffic of its own. */
export function launchChromium() {
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
