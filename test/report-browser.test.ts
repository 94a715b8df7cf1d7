import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, openFile, REQUIRE_BROWSER } from './helpers/chromium.js';
import { cli, tempDir } from './helpers/cli.js';
import { LONG } from './helpers/long.js';
import { writeManyAccounts } from './helpers/many-accounts.js';

/**
 * `report.html` as a reader sees it, in real headless Chromium: every
 * chart and grid shows, nothing is logged as an error and nothing is
 * fetched. Set REPORT_SCREENSHOT to a path to keep the screenshot there.
 * Skipped when there is no Chromium (see helpers/chromium.js), unless
 * REQUIRE_BROWSER=1; the report of 500 participants only under `npm run test:long`.
 */
const FIGURES = ['themes', 'participant-themes', 'theme-structure', 'structure', 'theme-cooccurrence'];

describe.skipIf(!CHROMIUM && !REQUIRE_BROWSER)('report.html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every chart and grid, the evidence on hover, with no console errors and no network requests', async () => {
    const out = join(tempDir(), 'out');
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', out, '-q'])).code).toBe(0);
    const { page, errors, requests } = await openFile(browser, join(out, 'report.html'));
    for (const figure of FIGURES) expect(await page.locator(`#${figure} figure svg`).isVisible(), figure).toBe(true);

    const grids = page.locator('details.grid');
    expect(await grids.count()).toBe(15);
    expect(await page.locator('details.grid[open]').count()).toBe(0);
    expect(await grids.first().locator('summary').innerText()).toBe('A05 8 segments T 3ME 3CO 2WB 1LA 1');
    await grids.first().locator('summary').click();
    const rows = grids.first().locator('tbody tr');
    expect(await rows.count()).toBe(8);
    expect(await rows.nth(2).isVisible()).toBe(true);
    expect(await rows.nth(2).locator('td').allInnerTexts()).toEqual(['Now I delegate the medication audits to my senior carers', 'COT', 'OR']);
    expect(await rows.nth(2).locator('td').nth(1).getAttribute('title')).toBe('CO: delegate; T: Now');

    // The participant filter is the page's one script: it runs only if the Content-Security-Policy allows it.
    await page.locator('#grid-filter').fill('a3');
    expect(await page.locator('details.grid:visible').evaluateAll((found) => found.map((grid) => (grid as HTMLElement).dataset.p))).toEqual(['A32', 'A35', 'A38']);
    await page.locator('#grid-filter').fill('');

    const screenshot = process.env.REPORT_SCREENSHOT ?? join(out, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.runIf(LONG)('opens a report of 500 participants and 20,000 segments with the first 200 grids, collapsed, and a note on the rest', async () => {
    const folder = tempDir();
    writeManyAccounts(join(folder, 'accounts.csv'), 500, 40);
    const run = await cli(['analyse', join(folder, 'accounts.csv'), '--unit', 'line', '--out', join(folder, 'out')]);
    expect(run.stdout).toContain('Coded 500 participants, 20000 segments');
    expect(statSync(join(folder, 'out/report.html')).size).toBeGreaterThan(1e6);
    const { page, errors, requests } = await openFile(browser, join(folder, 'out/report.html'));
    for (const figure of FIGURES) expect(await page.locator(`#${figure} figure svg`).isVisible(), figure).toBe(true);
    expect(await page.locator('details.grid').count()).toBe(200);
    expect(await page.locator('details.grid[open]').count()).toBe(0);
    expect(await page.locator('details.grid tbody tr').count()).toBe(200 * 40);
    expect(await page.getByText('The first 200 of 500 participants are shown here.').count()).toBe(1);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
