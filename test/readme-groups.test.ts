import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';
import { block } from './helpers/readme.js';

describe('README: groups and phrases', () => {
  it('shows the first rows of themes-by-site.csv as analyse --by site writes them', async () => {
    const out = join(tempDir(), 'out');
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', out, '--by', 'site', '--no-report', '-q'])).code).toBe(0);
    const rows = readFileSync(join(out, 'themes-by-site.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n').slice(0, 7);
    expect(block('The first rows of `themes-by-site.csv`')).toBe(`${rows.join('\n')}\n`);
  });

  it('shows what phrases prints for the study accounts', async () => {
    expect(block('### Recurring phrases: `phrases`')).toBe('npx reflect-code phrases samples/study/accounts\n');
    expect((await cli(['phrases', 'samples/study/accounts'])).stdout).toBe(block('### Recurring phrases: `phrases`', 1));
  });
});
