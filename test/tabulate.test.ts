import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

const TABLES = ['themes.csv', 'structure.csv', 'participants.csv', 'theme-structure.csv'];

/** Every file of an output folder (grids included), by relative path. */
function outputs(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    if (statSync(join(folder, name)).isFile()) files[name] = readFileSync(join(folder, name), 'utf8');
  }
  return files;
}

/**
 * What a spreadsheet round trip does to a segments.csv: our columns
 * reordered and renamed in capitals (metadata columns stay as they are),
 * rows reordered, codes written `co / t` in lower case with stray spaces,
 * a blank row, CRLF line ends and a BOM.
 */
function spreadsheetEdit(source: string, target: string): void {
  const [header, ...rows] = parse(readFileSync(source, 'utf8'), { bom: true }) as string[][];
  const ours = header.indexOf('structure_note') + 1;
  const order = [...[...header.keys()].slice(0, ours).reverse(), ...[...header.keys()].slice(ours)];
  const themes = header.indexOf('themes');
  const structure = header.indexOf('structure');
  const edited = rows
    .map((row) => row.map((cell, column) => {
      if (column === themes) return `${cell.toLowerCase().split(';').join(' / ')}  `;
      if (column === structure) return ` ${cell.toLowerCase()} `;
      return cell;
    }))
    .sort((a, b) => a[themes].localeCompare(b[themes]) || b[0].localeCompare(a[0]));
  const table = [header.map((name, column) => (column < ours ? name.toUpperCase().replace('_', ' ') : name)), ...edited, header.map(() => '')].map((row) => order.map((column) => row[column]));
  writeFileSync(target, `\uFEFF${stringify(table, { record_delimiter: '\r\n' })}`);
}

describe('reflect-code tabulate (the command line)', () => {
  /** analyse's outputs for the sample accounts, shared by the tests that tabulate them. */
  let analysed: string;
  beforeAll(async () => {
    analysed = join(tempDir(), 'analysed');
    // The reports differ by design (their run summaries name different inputs), so they are left out here.
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', analysed, '-q', '--no-report'])).code).toBe(0);
  });

  it('rebuilds analyse\'s tables and grids byte for byte from its segments.csv', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await cli(['tabulate', join(analysed, 'segments.csv'), '--out', join(dir, 'tabulated'), '--no-report']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Tabulated 15 participants');
    const { 'segments.csv': _segments, 'segments.xlsx': _workbook, '.reflect-code-outputs': manifest, ...tables } = outputs(analysed);
    const { '.reflect-code-outputs': tabulatedManifest, ...tabulated } = outputs(join(dir, 'tabulated'));
    expect(tabulated).toEqual(tables);
    // The manifest lists the same outputs but segments.csv and segments.xlsx, which tabulate does not write.
    expect(tabulatedManifest).toBe(manifest.replace('\nsegments.csv\nsegments.xlsx\n', '\n'));
    expect(tables['participants.csv']).toContain('grid,setting,years_in_role,site,role\n');
  });

  it.each([
    ['the study coding', () => 'samples/study/coding.csv'],
    ['analyse\'s coding with metadata', () => join(analysed, 'segments.csv')],
  ])('gives the same tables from %s after a spreadsheet edit (CRLF, BOM, reordered, "co / t")', async (_name, coding) => {
    const dir = tempDir();
    const original = coding();
    const edited = join(dir, 'edited.csv');
    spreadsheetEdit(original, edited);
    expect(readFileSync(edited, 'utf8')).toMatch(/^\uFEFF.*\r\n/);
    expect((await cli(['tabulate', original, '--out', join(dir, 'before'), '-q', '--no-report'])).code).toBe(0);
    const after = await cli(['tabulate', edited, '--out', join(dir, 'after'), '-q', '--no-report']);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    const before = outputs(join(dir, 'before'));
    expect(Object.keys(before)).toEqual(expect.arrayContaining(TABLES));
    expect(outputs(join(dir, 'after'))).toEqual(before);
  });

  it('writes the study coding\'s theme table', async () => {
    const out = join(tempDir(), 'out');
    expect((await cli(['tabulate', 'samples/study/coding.csv', '--out', out, '-q'])).code).toBe(0);
    expect(readFileSync(join(out, 'themes.csv'), 'utf8')).toBe([
      '\uFEFFcode,name,segments,percent_segments,participants,percent_participants',
      'CO,Coaching,6,28.6,1,50.0',
      'T,Transformation,4,19.0,1,50.0',
      'B,Beliefs,3,14.3,1,50.0',
      'ME,Manage and use Emotion,3,14.3,1,50.0',
      'P,Participation,2,9.5,2,100.0',
      'LA,Learning (positive),2,9.5,2,100.0',
      'C,Context,2,9.5,1,50.0',
      'WB,Well Being,0,0.0,0,0.0',
      'LB,Learning (negative),0,0.0,0,0.0',
      '',
    ].join('\n'));
    expect(readFileSync(join(out, 'structure.csv'), 'utf8')).toContain('\nEV,Evaluating Action,10,47.6,2,100.0,4,2\n');
  });

  it('stops at a code the codebook does not list, naming the file and line', async () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    writeFileSync(file, 'participant,segment,text,themes,structure\nA1,1,Hello,CO,EV\nA1,2,Again,COA;T,OR\n');
    const { code, stdout, stderr } = await cli(['tabulate', file, '--out', join(dir, 'out')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`reflect-code: error: ${file}:3: theme code "COA" is not in "Social care mentorship study" (did you mean "CO"?); expected one of P, CO, T, WB, LA, LB, B, ME, C, or their names (add --allow-new-codes to keep new codes) [segments-unknown-code]\n`);
    expect(readdirSync(dir)).toEqual(['coded.csv']);
  });

  it('reads a theme\'s name or one of the study\'s merged themes as its code', async () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    writeFileSync(file, 'participant,segment,text,themes,structure\nA1,1,Hello,Attentiveness; coaching,evaluating action\nA1,2,Again,Breaking habits,OR\n');
    expect((await cli(['tabulate', file, '--out', join(dir, 'out'), '-q', '--no-report'])).code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'grids', 'A1.md'), 'utf8')).toBe('| Participant A1 | Theme | Application of Labov |\n| --- | --- | --- |\n| Hello | ME/CO | EV |\n| Again | T | OR |\n');
  });

  it('counts a note however it is capitalised, and keeps a metadata column apart from its own', async () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    writeFileSync(file, 'participant,segment,text,themes,structure,structure_note,CO\nA1,1,Hello,CO,EV,Message,x\nA1,2,Again,T,EV,message,x\n');
    expect((await cli(['tabulate', file, '--out', join(dir, 'out'), '-q', '--no-report'])).code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'structure.csv'), 'utf8')).toContain('\nEV,Evaluating Action,2,100.0,1,100.0,2,1\n');
    expect(readFileSync(join(dir, 'out', 'participants.csv'), 'utf8').split('\n')[0]).toBe('\uFEFFparticipant,segments,P,CO,T,WB,LA,LB,B,ME,C,grid,input_CO');
  });

  it('keeps new codes with --allow-new-codes, with one warning per code', async () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    writeFileSync(file, 'participant,segment,text,themes,structure\nA1,1,Hello,new;CO,EV\nA1,2,Again,NEW,XX\n');
    const { code, stderr } = await cli(['tabulate', file, '--out', join(dir, 'out'), '--allow-new-codes', '-q']);
    expect(code).toBe(0);
    expect(stderr).toBe([
      `reflect-code: warning: ${file}:2: theme code "new" is not in "Social care mentorship study"; kept as a new code (2 rows) [segments-new-code]`,
      `reflect-code: warning: ${file}:3: structure tag "XX" is not in "Labov and Waletzky structure cues"; kept as a new code (1 row) [segments-new-code]`,
      '',
    ].join('\n'));
    expect(readFileSync(join(dir, 'out', 'themes.csv'), 'utf8')).toContain('\nnew,,2,100.0,1,100.0\n');
    expect(readFileSync(join(dir, 'out', 'grids', 'A1.md'), 'utf8')).toBe('| Participant A1 | Theme | Application of Labov |\n| --- | --- | --- |\n| Hello | new/CO | EV |\n| Again | new | XX |\n');
  });

  it('warns about a text that no longer fits its offsets, and with --accounts one that is not the account\'s text', async () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    const rows = readFileSync('samples/study/coding.csv', 'utf8').split('\n');
    rows[2] = rows[2].replace('What would you not like', 'What would you not want');
    rows[3] = rows[3].replace('difficult', 'hard');
    writeFileSync(file, rows.join('\n'));
    const plain = await cli(['tabulate', file, '--out', join(dir, 'plain'), '-q', '--strict']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(`reflect-code: warning: ${file}:4: the text is 36 characters long but its offsets 111-152 span 41; expected the account's text between the offsets (was the text edited?) [segments-offsets-mismatch]\n`);
    const checked = await cli(['tabulate', file, '--out', join(dir, 'checked'), '-q', '--accounts', 'samples/study/accounts']);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toBe([
      `reflect-code: warning: ${file}:3: the text is not the text of A32's account at offsets 69-110; expected "What would you not like to happen to you?" [segments-text-mismatch]`,
      `reflect-code: warning: ${file}:4: the text is 36 characters long but its offsets 111-152 span 41; expected the account's text between the offsets (was the text edited?) [segments-offsets-mismatch]`,
      '',
    ].join('\n'));
  });

  it('with --accounts, warns about a participant with rows but no account, an account with no rows, and an account the loader skipped', async () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    writeFileSync(file, 'participant,segment,start,end,text,themes,structure\nA1,1,0,14,I listen more.,ME,EV\nX9,1,0,5,Hello,,EV\n');
    const accounts = join(dir, 'accounts.csv');
    writeFileSync(accounts, 'participant,text\nA1,I listen more.\nA2,I felt calm.\nA3,\n');
    const run = await cli(['tabulate', file, '--out', join(dir, 'out'), '-q', '--accounts', accounts]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe([
      `reflect-code: warning: ${accounts}:4: participant "A3" has an empty account; skipped [input-empty-text]`,
      `reflect-code: warning: ${file}:3: participant "X9" has rows but no account in the --accounts inputs; expected an account for every participant coded (its rows were not checked against one) [segments-no-account]`,
      `reflect-code: warning: ${accounts}:3: participant "A2" has an account but no rows in ${file}; expected rows for every account (was it left out of the coding?) [segments-account-uncoded]`,
      '',
    ].join('\n'));
  });

  it('warns about a segment number used twice for a participant', async () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    writeFileSync(file, 'participant,segment,text,themes,structure\nA1,1,Hello,CO,EV\nA2,1,Hi,T,OR\nA1,1,Again,T,OR\n');
    const { code, stderr } = await cli(['tabulate', file, '--out', join(dir, 'out'), '-q']);
    expect(code).toBe(0);
    expect(stderr).toBe(`reflect-code: warning: ${file}:4: A1 segment 1 appears twice (first on line 2); expected one row per segment, both are counted [segments-duplicate]\n`);
  });

  it('refuses two structure tags in one row', async () => {
    const dir = tempDir();
    const file = join(dir, 'coded.csv');
    writeFileSync(file, 'participant,segment,text,themes,structure\nA1,1,Hello,CO,EV/CA\n');
    const { code, stderr } = await cli(['tabulate', file, '--out', join(dir, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`reflect-code: error: ${file}:2: expected at most one structure tag in a row, got "EV/CA" [segments-several-tags]\n`);
  });
});

describe('tabulate (library)', () => {
  it('stops between participants when its signal is raised, writing nothing', async () => {
    const { tabulate } = await import('../src/tabulate.js');
    const dir = tempDir();
    const controller = new AbortController();
    controller.abort();
    await expect(tabulate({ segments: 'samples/study/coding.csv', out: join(dir, 'out'), signal: controller.signal })).rejects.toThrow('interrupted before the end; the output folder was left as it was');
    expect(readdirSync(dir)).toEqual([]);
  });
});
