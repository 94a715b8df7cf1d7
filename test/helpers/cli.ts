import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the real `bin/reflect-code.js` (built `dist/`) and returns its exit code and output. */
export function cli(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/reflect-code.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A new empty temporary folder, inside the test run's own folder (removed when the run ends). */
export function tempDir(): string {
  return mkdtempSync(join(process.env.REFLECT_CODE_TEST_TMP ?? tmpdir(), 'reflect-code-test-'));
}
