import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers/cli.js';
import { block } from './helpers/readme.js';


describe('the README shows what the theme coding prints', () => {
  it('for codebook explain (lemmas, negation scope, parts of speech)', async () => {
    const command = block('### See the codes, and why a sentence got them', 1);
    const text = /explain codebooks\/mentorship\.yaml "(.*)"\n$/.exec(command)?.[1];
    expect(text).toBeDefined();
    expect((await cli(['codebook', 'explain', 'codebooks/mentorship.yaml', text!])).stdout).toBe(block('### See the codes, and why a sentence got them', 2));
  });

  it('for sections of a learning log', async () => {
    expect(block('### Sections: themes by heading', 0)).toBe('npx reflect-code analyse samples/learning-log --out log-out\n');
    const out = join(tempDir(), 'log-out');
    expect((await cli(['analyse', 'samples/learning-log', '--out', out])).code).toBe(0);
    expect(readFileSync(join(out, 'themes-by-section.csv'), 'utf8').replace(/^\uFEFF/, '')).toBe(block('### Sections: themes by heading', 1));
  });

  it('for the theme agreement', () => {
    expect(block('### How well the themes agree with coding by hand', 0)).toBe('npm run agreement:themes\n');
    const run = spawnSync(process.execPath, [join(ROOT, 'bench/theme-agreement.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout).toBe(block('### How well the themes agree with coding by hand', 1));
  });
});
