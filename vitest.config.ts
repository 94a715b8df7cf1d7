import { defineConfig } from 'vitest/config';
import { BrowserNotice } from './test/helpers/browser-notice.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Separate processes: the command-line tests change the working folder, which worker threads cannot.
    pool: 'forks',
    // Two workers for the 2-core machine (vitest's default there is one); each keeps its modules
    // from file to file, so src/ and its language model load once per worker, not once per file.
    maxWorkers: 2,
    isolate: false,
    // Generous, not tight: over 4 times the slowest test (21 s, a full property run under test:long) on a loaded 2-core machine.
    testTimeout: 120000,
    hookTimeout: 120000,
    globalSetup: ['test/helpers/global-setup.ts'],
    reporters: ['default', new BrowserNotice()],
  },
});
