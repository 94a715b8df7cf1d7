import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { codePointLength, offsetUnits } from '../src/text/code-points.js';
import { cli, tempDir } from './helpers/cli.js';

/** An account as Python and R see it: a list of code points, sliced by code-point offsets. */
const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

const ACCOUNT = 'My team 😀 now plans the rota with me 👩🏽‍⚕️, and I feel calmer. 我们 talk every week about what went well 🎉.';

describe('offsets in code points', () => {
  it('converts UTF-16 offsets to code points and back', () => {
    const text = 'a😀b𝄞c';
    const units = offsetUnits(text);
    expect(codePointLength(text)).toBe(5);
    expect([0, 1, 3, 4, 6, 7].map(units.toCodePoints)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map(units.toUtf16)).toEqual([0, 1, 3, 4, 6, 7]);
    expect(offsetUnits('plain').toCodePoints(3)).toBe(3);
  });

  it('writes segments.csv offsets that slice the account by code points, as pandas does', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'accounts.csv'), `participant,text\nA1,"${ACCOUNT}"\n`);
    expect((await cli(['analyse', join(folder, 'accounts.csv'), '--out', join(folder, 'out'), '--no-report'])).code).toBe(0);
    const rows = parse(readFileSync(join(folder, 'out', 'segments.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(slice(ACCOUNT, Number(row.start), Number(row.end))).toBe(row.text);
    expect(rows.at(-1)?.end).toBe(String(codePointLength(ACCOUNT.trimEnd())));
  });

  it('prints code-point offsets in codebook explain', async () => {
    const run = await cli(['codebook', 'explain', 'codebooks/mentorship.yaml', 'I smiled 😀. I felt calmer.']);
    expect(run.stdout).toContain('Segment 2 [12-26]: I felt calmer.');
  });

  it('reads a segments.csv written in UTF-16 units (an earlier version) as code points, so agree pairs it with a new one', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'accounts.csv'), `participant,text\nA1,"${ACCOUNT}"\n`);
    expect((await cli(['analyse', join(folder, 'accounts.csv'), '--out', join(folder, 'out'), '--no-report'])).code).toBe(0);
    const fresh = readFileSync(join(folder, 'out', 'segments.csv'), 'utf8');
    const rows = parse(fresh, { bom: true, columns: true }) as Array<Record<string, string>>;
    const units = offsetUnits(ACCOUNT);
    const older = ['participant,segment,start,end,text,themes,structure', ...rows.map((row) => {
      const start = units.toUtf16(Number(row.start));
      return `${row.participant},${row.segment},${start},${start + row.text.length},"${row.text}",${row.themes},${row.structure}`;
    })].join('\n');
    expect(older).not.toBe(fresh);
    writeFileSync(join(folder, 'older.csv'), `${older}\n`);
    const run = await cli(['agree', join(folder, 'older.csv'), join(folder, 'out', 'segments.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${rows.length} units paired (on offsets: A1); 0 rows only in A, 0 only in B.`);
    expect(run.stderr).toBe('');
  });
});
