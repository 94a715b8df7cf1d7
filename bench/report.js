// Benchmark: how long a report of 500 participants and 20,000 segments
// takes to open in headless Chromium (the target is under 3 s).
// Run with `npm run bench`.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../dist/index.js';
import { launchChromium, openFile } from '../test/helpers/chromium.js';
import { writeManyAccounts } from '../test/helpers/many-accounts.js';

const folder = mkdtempSync(join(tmpdir(), 'reflect-code-bench-'));
writeManyAccounts(join(folder, 'accounts.csv'), 500, 40);
const result = await analyse({ inputs: [join(folder, 'accounts.csv')], out: join(folder, 'out'), unit: 'line' });
const report = join(folder, 'out/report.html');
console.log(`report of ${result.participants} participants, ${result.segments} segments: ${(statSync(report).size / 1e6).toFixed(1)} MB`);
const browser = await launchChromium();
try {
  const times = [];
  for (let run = 0; run < 3; run++) {
    const { page, loadMs } = await openFile(browser, report);
    times.push(loadMs);
    await page.close();
  }
  console.log(`  opens in Chromium (load event): ${times.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (target under 3 s)`);
} finally {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
}
