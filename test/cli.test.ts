import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gridMarkdown } from '../src/index.js';
import { binary, cli, ROOT, tempDir } from './helpers/cli.js';

/** The study's Figure 2 and 3 grids, row by row, as `reflect-code grid` must print them. */
const FIGURES = join(ROOT, 'test/fixtures/figures');

/** The published study, beside the project in CI; a user's clone does not have it. */
const STUDY = join(ROOT, '../shared/reference/study-figures.yaml');

describe.skipIf(!existsSync(STUDY))('the pinned figures', () => {
  it.each(['A32', 'A44'])('%s equals the published grid in study-figures.yaml', (participant) => {
    const study = parse(readFileSync(STUDY, 'utf8')) as { accounts: Record<string, { grid: Array<{ segment: string; themes: string[]; structure: string | null; note?: string }> }> };
    const rows = study.accounts[participant].grid.map((row) => ({ text: row.segment.trim(), themes: row.themes, structure: row.structure ?? '', note: row.note ?? '' }));
    expect(readFileSync(join(FIGURES, `${participant}.md`), 'utf8')).toBe(gridMarkdown(participant, rows));
  });
});

describe('reflect-code (the real binary)', () => {
  it('lists every command with an example in --help', () => {
    const { code, stdout } = binary(['--help']);
    expect(code).toBe(0);
    for (const command of ['analyse', 'tabulate', 'agree', 'grid', 'check']) {
      expect(stdout).toContain(`  ${command}`);
      expect(stdout).toMatch(new RegExp(`\\$ reflect-code ${command} `));
    }
  });

  it('analyses the shipped sample and writes every output file', () => {
    const out = join(tempDir(), 'out');
    const { code, stdout, stderr } = binary(['analyse', 'samples/accounts.csv', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Coded 15 participants');
    expect(stdout).toContain('grids/ (15 grids), report.html, report.md, figures/\n');
    expect(readdirSync(out).sort()).toEqual(['.reflect-code-outputs', 'codings.csv', 'figures', 'grids', 'participants.csv', 'report.html', 'report.md', 'segments.csv', 'segments.xlsx', 'structure.csv', 'theme-cooccurrence-participants.csv', 'theme-cooccurrence.csv', 'theme-structure.csv', 'themes.csv']);
    expect(readdirSync(join(out, 'grids'))).toHaveLength(30);
    expect(readdirSync(join(out, 'figures')).sort()).toEqual(['participant-themes.svg', 'structure.svg', 'theme-cooccurrence.svg', 'theme-structure.svg', 'themes.svg']);
    // No staging folder is left beside the output.
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
  });
});

describe('reflect-code (the command line)', () => {
  it.each(['A32', 'A44'])('prints the study grid of %s exactly', async (participant) => {
    const { code, stdout } = await cli(['grid', 'samples/study/coding.csv', '--participant', participant]);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(FIGURES, `${participant}.md`), 'utf8'));
  });

  it('cuts the study accounts into the figures\' rows with --unit line', async () => {
    const out = join(tempDir(), 'out');
    expect((await cli(['analyse', 'samples/study/accounts', '--unit', 'line', '--out', out])).code).toBe(0);
    for (const participant of ['A32', 'A44']) {
      const rows = readFileSync(join(FIGURES, `${participant}.md`), 'utf8').split('\n').slice(2, -1).map((row) => row.split(' | ')[0].slice(2));
      const grid = await cli(['grid', join(out, 'segments.csv'), '--participant', participant, '--format', 'csv']);
      expect(grid.stdout.split('\n').slice(1, -1).map((row) => row.replace(/,[^,]*,[^,]*$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'))).toEqual(rows);
    }
  });

  it('refuses a non-empty output folder without --force, and replaces earlier outputs with it (no report with --no-report)', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = await cli(['analyse', 'samples/study/accounts', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the output folder is not empty; expected an empty or new folder (add --force to replace the earlier outputs) [out-not-empty]');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect((await cli(['analyse', 'samples/study/accounts', '--out', out, '--force', '-q', '--no-report'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.reflect-code-outputs', 'codings.csv', 'grids', 'notes.txt', 'participants.csv', 'segments.csv', 'segments.xlsx', 'structure.csv', 'theme-cooccurrence-participants.csv', 'theme-cooccurrence.csv', 'theme-structure.csv', 'themes.csv']);
  });
});

describe('bad input: one line on stderr, exit code 2, nothing written', () => {
  const cases: Array<[string, (dir: string) => string[], RegExp]> = [
    ['a missing column', (dir) => {
      writeFileSync(join(dir, 'export.csv'), 'ID,Response\nA1,Hello\n');
      return [join(dir, 'export.csv')];
    }, /^reflect-code: error: .*export\.csv:1: expected a column named "participant", got columns "ID", "Response"; name the right one with --id-column \[input-missing-column\]\n$/],
    ['an unreadable file', (dir) => [join(dir, 'missing.csv')], /^reflect-code: error: .*missing\.csv: no such file or folder; expected a \.csv, \.tsv, \.jsonl or \.txt file, or a folder of \.txt files \[input-not-found\]\n$/],
    ['a broken codebook', (dir) => {
      writeFileSync(join(dir, 'book.yaml'), 'name: Mine\ncodes:\n  - code: CO\n    name: Coaching\n    keywords: coach\n');
      return ['samples/accounts.csv', '--codebook', join(dir, 'book.yaml')];
    }, /^reflect-code: error: .*book\.yaml:5:15: code "CO" > keywords: expected a list, got "coach" \[codebook-schema\]\n$/],
    ['a bad --unit', () => ['samples/accounts.csv', '--unit', 'word'], /^reflect-code: error: option '-u, --unit <unit>' argument 'word' is invalid\. Allowed choices are clause, sentence, line, paragraph, section\.\n/],
  ];

  it.each(cases)('%s', async (_name, setup, message) => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await cli(['analyse', ...setup(dir), '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('leaves no output when an account fails half-way through', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.csv'), 'participant,text\nA1,Fine\nA1,Again\n');
    const { code, stderr } = await cli(['analyse', join(dir, 'in', 'a.csv'), '--out', join(dir, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/a\.csv:3: participant "A1" appears twice/);
    expect(readdirSync(dir)).toEqual(['in']);
  });

  it('names the participants there are when grid is asked for one that is not', async () => {
    const { code, stderr } = await cli(['grid', 'samples/study/coding.csv', '--participant', 'A4']);
    expect(code).toBe(2);
    expect(stderr).toBe('reflect-code: error: samples/study/coding.csv: expected a participant in the file, got no rows for "A4" (did you mean "A44"?); participants: A32, A44 [participant-not-found]\n');
  });
});
