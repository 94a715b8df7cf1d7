import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives the whole test run one temporary folder (`tempDir` makes its
 * folders inside it) and removes it when the run ends.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'reflect-code-tests-'));
  process.env.REFLECT_CODE_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
