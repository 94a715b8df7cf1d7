import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { analyse, ReflectMessage } from '../src/index.js';
import { duration, isInteractive, ProgressLine } from '../src/cli/progress.js';
import { GRID_FILES_LIMIT } from '../src/write/grids.js';
import { writeCorpus } from '../bench/corpus.js';
import { cli, tempDir } from './helpers/cli.js';

/** Every file under a folder, relative to it, sorted. */
function filesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.')).sort();
}

describe('coding in worker threads', () => {
  it('writes the same files, byte for byte and in input order, with --jobs 2 as with --jobs 1', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeCorpus(input, 300);
    const [one, two] = [join(dir, 'one'), join(dir, 'two')];
    await analyse({ inputs: [input], out: one, jobs: 1, deterministic: true, grids: 'files' });
    const threaded = await analyse({ inputs: [input], out: two, jobs: 2, deterministic: true, grids: 'files' });
    expect(threaded.participants).toBe(300);
    const files = filesOf(one);
    // A grid pair per participant, the tables, the report and its figures, and the manifest of outputs.
    expect(files.length).toBe(300 * 2 + 16 + 1);
    expect(filesOf(two)).toEqual(files);
    for (const file of files) expect(readFileSync(join(two, file)).equals(readFileSync(join(one, file))), file).toBe(true);
    const ids = readFileSync(join(two, 'participants.csv'), 'utf8').split('\n').slice(1, -1).map((row) => row.split(',')[0]);
    expect(ids).toEqual(Array.from({ length: 300 }, (_, i) => `P${String(i + 1).padStart(6, '0')}`));
  });

  it('stops on a bad codebook with --jobs 2 as with --jobs 1, and reports it before a bad input', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeCorpus(input, 20);
    const codebook = join(dir, 'book.yaml');
    // "learnt" is "learn" once lemmatised: the check needs the language model.
    writeFileSync(codebook, 'name: x\ncodes:\n  - {code: A, name: A, keywords: [learnt]}\n  - {code: B, name: B, keywords: [learn]}\n');
    const failure = (inputs: string[], jobs: number) => analyse({ inputs, out: join(dir, `out${jobs}`), codebook, jobs }).then(() => undefined, (error: unknown) => error);
    const one = await failure([input], 1);
    expect(one).toBeInstanceOf(ReflectMessage);
    expect(one).toMatchObject({ ruleId: 'codebook-shared-term', line: 4 });
    for (const threaded of [await failure([input], 2), await failure([join(dir, 'missing.csv')], 2)]) {
      expect(threaded).toBeInstanceOf(ReflectMessage);
      expect(String(threaded)).toBe(String(one));
    }
  });

  it('refuses a --jobs that is not a whole number of 1 or more', async () => {
    const run = await cli(['analyse', 'samples/accounts.csv', '--out', join(tempDir(), 'out'), '--jobs', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs.*whole number/);
  });
});

describe('coding grids at scale', () => {
  it('writes grids.csv and grids.md with --grids combined, each grid once, and points participants.csv at them', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeCorpus(input, 30);
    const out = join(dir, 'out');
    const result = await analyse({ inputs: [input], out, grids: 'combined', report: false });
    expect(result.files).toContain('grids.csv');
    expect(filesOf(out).some((file) => file.startsWith('grids/'))).toBe(false);
    const csv = readFileSync(join(out, 'grids.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('\uFEFFparticipant,segment,theme,application_of_labov');
    const segments = readFileSync(join(out, 'segments.csv'), 'utf8').split('\n').filter((line) => /^P0000\d\d,/.test(line));
    expect(csv.filter((line) => /^P0000\d\d,/.test(line)).length).toBe(segments.length);
    expect(readFileSync(join(out, 'grids.md'), 'utf8').match(/^\| Participant P/gm)?.length).toBe(30);
    expect(readFileSync(join(out, 'participants.csv'), 'utf8')).toMatch(/\nP000001,.*,grids\.md,/);
  });

  it(`switches from one file per participant to the combined grids above ${GRID_FILES_LIMIT} participants, and writes none with --grids none`, async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    const rows = Array.from({ length: GRID_FILES_LIMIT + 1 }, (_, i) => [`P${i + 1}`, 'My mentor listened.']);
    writeFileSync(input, stringify([['participant', 'text'], ...rows]));
    const auto = await analyse({ inputs: [input], out: join(dir, 'auto'), unit: 'line', report: false, check: false });
    expect(filesOf(join(dir, 'auto'))).toEqual(['.reflect-code-outputs', 'codings.csv', 'grids.csv', 'grids.md', 'participants.csv', 'segments.csv', 'segments.xlsx', 'structure.csv', 'theme-cooccurrence-participants.csv', 'theme-cooccurrence.csv', 'theme-structure.csv', 'themes.csv']);
    expect(auto.files.filter((file) => file.startsWith('grids'))).toEqual(['grids.csv', 'grids.md']);
    await analyse({ inputs: [input], out: join(dir, 'none'), unit: 'line', report: false, check: false, grids: 'none' });
    expect(filesOf(join(dir, 'none'))).toEqual(['.reflect-code-outputs', 'codings.csv', 'participants.csv', 'segments.csv', 'segments.xlsx', 'structure.csv', 'theme-cooccurrence-participants.csv', 'theme-cooccurrence.csv', 'theme-structure.csv', 'themes.csv']);
  });
});

describe('the report of a large run', () => {
  it('shows the first 200 participants in the heatmap and grids, and says where the others are', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, stringify([['participant', 'text'], ...Array.from({ length: 250 }, (_, i) => [`P${i + 1}`, 'My mentor listened. I felt calmer.'])]));
    const out = join(dir, 'out');
    await analyse({ inputs: [input], out, unit: 'line', check: false });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/<details class="grid"/g)?.length).toBe(200);
    expect(html).toContain('The first 200 of 250 participants are shown here.');
    expect(readFileSync(join(out, 'figures/participant-themes.svg'), 'utf8')).toContain('the first 200 of 250 participants');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('The first 200 of 250 participants; participants.csv lists them all');
    expect(readFileSync(join(out, 'participants.csv'), 'utf8').split('\n').length).toBe(252);
  });
});

describe('warnings', () => {
  it('prints the first 20 of a rule as they come, then how many more there were', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, stringify([['participant', 'text'], ...Array.from({ length: 25 }, (_, i) => [`P${i + 1}`, ' '])]));
    // Empty accounts are skipped with a warning each; one real account keeps the run going.
    writeFileSync(input, stringify([['P0', 'My mentor listened.']]), { flag: 'a' });
    const run = await cli(['analyse', input, '--out', join(dir, 'out'), '--strict']);
    expect(run.code).toBe(1);
    expect(run.stderr.match(/\[input-empty-text\]$/gm)?.length).toBe(20);
    expect(run.stderr).toContain('5 more warnings [input-empty-text] not shown (25 in all)');
  });
});

describe('progress', () => {
  it('is drawn on a terminal only, never on a pipe, a file or a dumb terminal', () => {
    expect(isInteractive({ isTTY: true }, {})).toBe(true);
    expect(isInteractive({ isTTY: false }, {})).toBe(false);
    expect(isInteractive({}, {})).toBe(false);
    expect(isInteractive({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('redraws at most four times a second, with the rate and the time left, and ends with the time taken', () => {
    let now = 0;
    let written = '';
    const line = new ProgressLine({ isTTY: true, write: (text: string) => (written += text) }, () => now);
    now = 1000;
    line.update({ accounts: 100, characters: 25_000, bytes: 100_000 });
    now = 1100;
    line.update({ accounts: 110, characters: 27_500, bytes: 100_000 });
    expect(written).toBe('\r\x1b[KCoding: 100 accounts, 100 a second (25%), about 3.0 s left');
    now = 2000;
    line.update({ accounts: 200, characters: 50_000, bytes: 100_000 });
    expect(written.endsWith('Coding: 200 accounts, 100 a second (50%), about 2.0 s left')).toBe(true);
    now = 75_000;
    line.done();
    expect(written.endsWith('\r\x1b[KDone in 1 min 15 s.\n')).toBe(true);
    expect(duration(42_400)).toBe('42 s');
  });

  it('is not drawn when the command line writes to a pipe', async () => {
    const run = await cli(['analyse', 'samples/accounts.csv', '--out', join(tempDir(), 'out')]);
    expect(run.stderr).not.toContain('Coding:');
    expect(run.stderr).not.toContain('\x1b[K');
  });
});
