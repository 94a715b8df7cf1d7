import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { analyse, planInputs } from '../src/index.js';
import { FileNamer } from '../src/write/file-names.js';
import { cli, QUICK, tempDir } from './helpers/cli.js';

describe('participant IDs as file names', () => {
  it('gives safe, unique names', () => {
    const namer = new FileNamer();
    const ids = ['../../etc/passwd', 'a/b', 'a\\b', 'A\u0007B', 'CON', 'con', 'Lpt1.old', 'x..y', '.hidden', 'end.', 'Zoë', 'Zoe\u0308', 'p'.repeat(100), '', '...'];
    expect(ids.map((id) => namer.name(id))).toEqual([
      'etc_passwd', 'a_b', 'a_b-2', 'A_B-3', '_CON', '_con-2', '_Lpt1.old', 'x.y', 'hidden', 'end', 'Zoë', 'Zoë-2', 'p'.repeat(80), 'participant', 'participant-2',
    ]);
  });

  it('keeps the mapping from participant to grid file in participants.csv', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), stringify([['participant', 'text'], ['../A1', 'My mentor listened.'], ['A/1', 'She helped.'], ['AUX', 'It was hard.']]));
    const out = join(dir, 'out');
    expect((await cli(['analyse', join(dir, 'in.csv'), '--out', out])).code).toBe(0);
    expect(readdirSync(join(out, 'grids')).sort()).toEqual(['A1.csv', 'A1.md', 'A_1.csv', 'A_1.md', '_AUX.csv', '_AUX.md']);
    const rows = readFileSync(join(out, 'participants.csv'), 'utf8').split('\n').map((row) => [row.split(',')[0], row.split(',').find((cell) => cell.startsWith('grids/'))]);
    expect(rows.slice(1, 4)).toEqual([['../A1', 'grids/A1.md'], ['A/1', 'grids/A_1.md'], ['AUX', 'grids/_AUX.md']]);
    expect(readFileSync(join(out, 'grids/A1.md'), 'utf8')).toMatch(/^\| Participant \.\.\/A1 \|/);
  });
});

describe('deterministic outputs', () => {
  it('gives byte-identical files for the same inputs and codebook, wherever and whenever run', async () => {
    const dir = tempDir();
    const first = join(dir, 'first');
    const second = join(dir, 'elsewhere', 'second');
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', first, '--deterministic'])).code).toBe(0);
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', second, '--deterministic'])).code).toBe(0);
    const files = readdirSync(first, { recursive: true, encoding: 'utf8' }).sort();
    expect(readdirSync(second, { recursive: true, encoding: 'utf8' }).sort()).toEqual(files);
    expect(files.length).toBe(49);
    for (const file of files.filter((name) => name.includes('.'))) expect(readFileSync(join(second, file)), file).toEqual(readFileSync(join(first, file)));
  });
});

describe('empty and repeated accounts', () => {
  it('reports, skips and counts empty accounts, and joins repeated IDs with --merge-duplicates', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'participant,text\nA1,My mentor listened.\nA2,"  "\nA1,She helped me.\n');
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await cli(['analyse', join(dir, 'in.csv'), '--out', out, '--merge-duplicates', '--unit', 'sentence']);
    expect(code).toBe(0);
    expect(stderr.replaceAll(`${dir}/`, '')).toBe(
      'reflect-code: warning: in.csv:3: participant "A2" has an empty account; skipped [input-empty-text]\n' +
        'reflect-code: warning: in.csv:4: participant "A1" appears again (first at in.csv:2); joined this text to the first one [input-merged-duplicate]\n',
    );
    expect(stdout).toContain('Coded 1 participant, 2 segments (unit: sentence)');
    expect(stdout).toContain('Skipped 1 empty account (see the warnings above).');
    expect(readFileSync(join(out, 'segments.csv'), 'utf8').split('\n').slice(1, 3).map((row) => row.split(',').slice(0, 5).join(','))).toEqual(['A1,1,0,19,My mentor listened.', 'A1,2,21,35,She helped me.']);
    expect((await cli(['analyse', join(dir, 'in.csv'), '--out', join(dir, 'out2'), '--strict'])).code).toBe(2);
  });
});

describe('the default output folder', () => {
  it('is refused among the inputs, and used beside them', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'accounts.csv'), 'participant,text\nA1,My mentor listened.\n');
    const inside = await cli(['analyse', 'accounts.csv'], join(dir, 'data'));
    expect(inside.stderr).toBe('reflect-code: error: reflect-code-out: the default output folder would be among the inputs (in the folder of accounts.csv); expected outputs apart from the data, name a folder elsewhere with --out [out-among-inputs]\n');
    expect(inside.code).toBe(2);
    expect(readdirSync(join(dir, 'data'))).toEqual(['accounts.csv']);
    expect((await cli(['check', 'accounts.csv', '--redact'], join(dir, 'data'))).code).toBe(2);
    expect((await cli(['analyse', 'data/accounts.csv', '-q'], dir)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['data', 'reflect-code-out']);
    expect((await cli(['analyse', 'accounts.csv', '--out', 'coded', '-q'], join(dir, 'data'))).code).toBe(0);
  });
});

/** This process's open file descriptors, where the system lists them (Linux). */
const FDS = '/proc/self/fd';

describe.skipIf(!existsSync(FDS))('open files', () => {
  it('are all closed after reading a header and after a run that fails half-way', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), 'participant,text\nA1,Fine.\nA2,"Never closed\n');
    const before = readdirSync(FDS).length;
    for (let i = 0; i < 5; i++) {
      await planInputs(['samples/accounts.csv']);
      await expect(analyse({ inputs: [join(dir, 'bad.csv')], out: join(dir, `out${i}`) })).rejects.toThrow('a quoted field is never closed');
    }
    expect(readdirSync(FDS).length).toBe(before);
  });
});

describe('the output folder named with --out', () => {
  it('is refused inside a folder given as an input, named directly or through a symbolic link, and nothing is written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'accounts'));
    writeFileSync(join(dir, 'accounts', 'A1.txt'), 'My mentor listened.');
    symlinkSync(join(dir, 'accounts'), join(dir, 'link'));
    for (const out of ['accounts/out', 'link/out', 'accounts/deeper/out']) {
      for (const args of [['analyse', 'accounts', '--out', out, '-q'], ['check', 'accounts', '--redact', '--out', out, '-q']]) {
        const run = await cli(args, dir);
        expect(run.stderr, `${args[0]} --out ${out}`).toBe(`reflect-code: error: ${out}: the output folder is inside a folder of inputs (accounts); expected an output folder apart from the inputs, choose another --out [out-in-input]\n`);
        expect(run.code).toBe(2);
      }
    }
    expect((await cli(['analyse', 'accounts', '--out', 'coded', '-q'], dir)).code).toBe(0);
    const tabulated = await cli(['tabulate', 'coded/segments.csv', '--accounts', 'accounts', '--out', 'link/tables'], dir);
    expect([tabulated.code, tabulated.stderr]).toEqual([2, 'reflect-code: error: link/tables: the output folder is inside a folder of inputs (accounts); expected an output folder apart from the inputs, choose another --out [out-in-input]\n']);
    expect(readdirSync(join(dir, 'accounts'))).toEqual(['A1.txt']);
  });

  it('may be 250 characters long: the hidden staging folder, lock and journal beside it have short names', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, 'participant,text\nA1,My mentor listened.\n');
    const out = join(dir, 'o'.repeat(250));
    expect((await cli(['analyse', input, '--out', out, ...QUICK, '-q'])).code).toBe(0);
    // Again over the first run's outputs: a commit with a journal.
    const again = await cli(['analyse', input, '--out', out, ...QUICK, '-q', '--force']);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(readdirSync(out)).toContain('segments.csv');
    expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'o'.repeat(250)]);
  });

  it('leaves no folder behind that a failed run created for it', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    // The header is good; the fault is found once the run has started writing.
    writeFileSync(input, 'participant,text\nA1,Fine.\nA2,"Never closed\n');
    mkdirSync(join(dir, 'mine'));
    for (const out of ['new/deeper/out', 'mine/new/out']) {
      const run = await cli(['analyse', input, '--out', join(dir, out), ...QUICK, '-q']);
      expect(run.stderr).toMatch(/accounts\.csv:3: a quoted field is never closed/);
      expect(run.code).toBe(2);
    }
    expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'mine']);
    expect(readdirSync(join(dir, 'mine'))).toEqual([]);
  });
});
