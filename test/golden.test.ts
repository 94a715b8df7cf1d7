import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, type AnalyseOptions } from '../src/index.js';
import { ROOT, tempDir } from './helpers/cli.js';

/**
 * Golden-folder tests: every `test/fixtures/<case>/` with an `expected/`
 * folder is analysed (options from `case.json`, codebook from
 * `codebook.yaml` when present, no date in the report) and every output
 * file must equal the expected one byte for byte. `npm run test:update` rewrites `expected/`.
 */
const FIXTURES = join(ROOT, 'test/fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(folder, name)).isFile())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'case.json')));

describe('golden outputs', () => {
  it.each(cases)('%s', async (name) => {
    const folder = join(FIXTURES, name);
    const options = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Omit<AnalyseOptions, 'inputs'> & { inputs: string[] };
    const out = join(tempDir(), 'out');
    const codebook = join(folder, 'codebook.yaml');
    // Inputs are given relative to the project root, as a researcher would type them.
    const inputs = options.inputs.map((input) => relative(ROOT, join(folder, input)));
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      await analyse({ ...options, inputs, out, codebook: existsSync(codebook) ? relative(ROOT, codebook) : undefined, deterministic: true });
    } finally {
      process.chdir(cwd);
    }
    const expected = join(folder, 'expected');
    if (UPDATE) {
      rmSync(expected, { recursive: true, force: true });
      for (const file of files(out)) {
        mkdirSync(dirname(join(expected, file)), { recursive: true });
        writeFileSync(join(expected, file), readFileSync(join(out, file)));
      }
    }
    expect(files(out)).toEqual(files(expected));
    for (const file of files(expected)) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(expected, file), 'utf8'));
    }
  });
});
