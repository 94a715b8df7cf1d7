import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers/cli.js';

/**
 * Broken inputs: every `test/fixtures/broken/<case>/` is analysed by the
 * command line from inside its folder, with the arguments in `args.json`
 * (default: everything in `input/`). The run must print exactly the one
 * line in `expected.txt`, exit with code 2 and write nothing.
 * `npm run test:update` rewrites `expected.txt`.
 */
const BROKEN = join(ROOT, 'test/fixtures/broken');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('broken inputs give one located line, exit 2 and no output', () => {
  const cases = readdirSync(BROKEN).sort();

  it('has at least 15 kinds of broken input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', async (name) => {
    const folder = join(BROKEN, name);
    const argsFile = join(folder, 'args.json');
    const args = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as string[]) : readdirSync(join(folder, 'input')).sort().map((entry) => `input/${entry}`);
    const dir = tempDir();
    const { code, stdout, stderr } = await cli(['analyse', ...args, '--out', join(dir, 'out')], folder);
    if (UPDATE) writeFileSync(join(folder, 'expected.txt'), stderr);
    expect(stderr).toBe(readFileSync(join(folder, 'expected.txt'), 'utf8'));
    expect(stderr.split('\n')).toHaveLength(2);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});
