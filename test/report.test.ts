import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/index.js';
import { tabulate } from '../src/tabulate.js';
import { ROOT, tempDir } from './helpers/cli.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the report', () => {
  it('is built from a corrected segments.csv, with its Message notes counted', async () => {
    const out = join(tempDir(), 'out');
    const { files } = await tabulate({ segments: 'samples/study/coding.csv', out, deterministic: true });
    expect(files.filter((file) => !file.startsWith('grids/'))).toEqual(['codings.csv', 'themes.csv', 'structure.csv', 'participants.csv', 'theme-structure.csv', 'theme-cooccurrence.csv', 'theme-cooccurrence-participants.csv', 'report.html', 'report.md', 'figures/themes.svg', 'figures/participant-themes.svg', 'figures/theme-structure.svg', 'figures/structure.svg', 'figures/theme-cooccurrence.svg']);
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain(`| Structure tags | Labov and Waletzky structure cues, version 3; labov.yaml (shipped with reflect-code); SHA-256 ${sha256(join(ROOT, 'codebooks/labov.yaml'))} |\n`);
    expect(markdown).toContain([
      '| Tag | Name | Segments | % segments | Message |',
      '| --- | --- | --: | --: | --: |',
      '| EV | Evaluating Action | 10 | 47.6 | 4 |',
      '| OR | Orientating Action | 8 | 38.1 | 0 |',
      '| CA | Complicating Action | 1 | 4.8 | 0 |',
      '| RE | Resolution | 1 | 4.8 | 0 |',
    ].join('\n'));
    expect(markdown).toContain('1. **CO Coaching**: 6 segments (28.6%), 1 participants (50.0%)\n');
    expect(markdown).toContain('| A32 | 11 | CO 6, T 4, LA 1, P 1 | [grids/A32.md](grids/A32.md) |\n');
    expect(readFileSync(join(out, 'figures/structure.svg'), 'utf8')).toContain('>21 segments; 4 Message segments</text>');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<td>staff attitudes. I  have found my confidence in role</td><td><span class="code" data-c="ME">ME</span></td><td>EV (Message)</td>');
  });

  it('escapes account text and participant IDs, and loads nothing from elsewhere', async () => {
    const folder = tempDir();
    const input = join(folder, 'accounts.jsonl');
    writeFileSync(input, `${JSON.stringify({ participant: '<img src=x>', text: 'I coach staff. <script>alert("hi")</script> & more.' })}\n`);
    await analyse({ inputs: [input], out: join(folder, 'out'), unit: 'sentence' });
    const html = readFileSync(join(folder, 'out/report.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('<tr><td>I coach staff. &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; more.</td>');
    expect(html).toContain('<details class="grid" data-p="&lt;img src=x&gt;"><summary><b>&lt;img src=x&gt;</b>');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
    expect(scripts).toHaveLength(1);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash('sha256').update(scripts[0]).digest('base64')}'; base-uri 'none'; form-action 'none'`);
    expect(html).not.toMatch(/\s(?:src|href|xlink:href)="(?!#)/);
  });

  it('records the date of the run unless asked to be deterministic, and the codebook by its hash', async () => {
    const folder = tempDir();
    await analyse({ inputs: ['samples/study/accounts'], out: join(folder, 'dated') });
    await analyse({ inputs: ['samples/study/accounts'], out: join(folder, 'fixed'), deterministic: true });
    const dated = readFileSync(join(folder, 'dated/report.md'), 'utf8');
    expect(dated).toMatch(/\n\| Date \| \d{4}-\d\d-\d\d \d\d:\d\d UTC \|\n/);
    expect(readFileSync(join(folder, 'fixed/report.md'), 'utf8')).toContain('\n| Date | not recorded (--deterministic) |\n');
    expect(dated).toContain(`| Theme codebook | Social care mentorship study, version 6; mentorship.yaml (shipped with reflect-code); SHA-256 ${sha256(join(ROOT, 'codebooks/mentorship.yaml'))} |\n`);
  });

  it('is left out with report: false', async () => {
    const out = join(tempDir(), 'out');
    const result = await analyse({ inputs: ['samples/study/accounts'], out, report: false });
    expect(result.files.filter((file) => !file.startsWith('grids/'))).toEqual(['segments.csv', 'segments.xlsx', 'codings.csv', 'themes.csv', 'structure.csv', 'participants.csv', 'theme-structure.csv', 'theme-cooccurrence.csv', 'theme-cooccurrence-participants.csv']);
  });
});
