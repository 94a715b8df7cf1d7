import { defineConfig } from 'vitest/config';
import { BrowserNotice } from './test/helpers/browser-notice.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Separate processes: the command-line tests change the working folder, which worker threads cannot.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    // Generous, not tight: well over 4 times the slowest test and hook measured on a loaded 2-core machine.
    testTimeout: 60000,
    hookTimeout: 60000,
    globalSetup: ['test/helpers/global-setup.ts'],
    reporters: ['default', new BrowserNotice()],
  },
});
