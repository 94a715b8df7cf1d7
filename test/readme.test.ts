import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers/cli.js';
import { block } from './helpers/readme.js';


describe('the README shows what the tool prints', () => {
  it('for the quick start', async () => {
    const out = join(tempDir(), 'out');
    const { code, stdout } = await cli(['analyse', 'samples/accounts.csv', '--out', out]);
    expect(code).toBe(0);
    expect(stdout.replaceAll(out, 'out')).toBe(block('It prints:'));
  });

  it('for the study\'s Figure 2', async () => {
    expect(block('This prints its Figure 2', 0)).toBe('npx reflect-code grid samples/study/coding.csv --participant A32\n');
    expect((await cli(['grid', 'samples/study/coding.csv', '--participant', 'A32'])).stdout).toBe(block('This prints its Figure 2', 1));
  });

  // The printout includes the RTN val partition, which only a checkout with ../shared beside it has.
  it.skipIf(!existsSync(join(ROOT, '../shared/reference/narrative-clauses')))('for the structure agreement', () => {
    expect(block('### What the tags are worth', 0)).toBe('npm run agreement:structure\n');
    const run = spawnSync(process.execPath, [join(ROOT, 'bench/structure-agreement.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout).toBe(block('### What the tags are worth', 1));
  });
});
