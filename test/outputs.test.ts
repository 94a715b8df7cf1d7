import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { analyse, planInputs } from '../src/index.js';
import { FileNamer } from '../src/write/file-names.js';
import { cli, tempDir } from './helpers/cli.js';

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
