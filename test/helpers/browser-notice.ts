import type { Reporter, TestModule } from 'vitest/node';
import { BROWSER_SKIPPED, CHROMIUM, REQUIRE_BROWSER } from './chromium.js';

/** The test file that needs Chromium. */
const BROWSER_TEST = 'test/report-browser.test.ts';

/** Prints, after the summary, one line saying the browser tests were skipped and how to run them. */
export class BrowserNotice implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (CHROMIUM || REQUIRE_BROWSER) return;
    if (testModules.some((module) => module.moduleId.endsWith(BROWSER_TEST))) process.stdout.write(`${BROWSER_SKIPPED}\n`);
  }
}
