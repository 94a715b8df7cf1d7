import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

/** The top-level entries of an analyse run without its report, and the manifest that lists them. */
const NO_REPORT = ['.reflect-code-outputs', 'codings.csv', 'grids', 'participants.csv', 'segments.csv', 'segments.xlsx', 'structure.csv', 'theme-cooccurrence-participants.csv', 'theme-cooccurrence.csv', 'theme-structure.csv', 'themes.csv'];

/** An output folder with a full run's outputs (report included) and the researcher's own file and folder. */
async function earlierRun(): Promise<string> {
  const out = join(tempDir(), 'out');
  expect((await cli(['analyse', 'samples/accounts.csv', '--out', out, '-q'])).code).toBe(0);
  writeFileSync(join(out, 'notes.txt'), 'mine');
  mkdirSync(join(out, 'drafts'));
  writeFileSync(join(out, 'drafts', 'memo.md'), 'mine too');
  return out;
}

describe('--force replaces the earlier run\'s outputs, and only those', () => {
  it('removes the earlier report, report.md and figures/ that a --no-report rerun does not write, keeping the researcher\'s own files', async () => {
    const out = await earlierRun();
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', out, '--force', '--no-report', '-q'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...NO_REPORT, 'drafts', 'notes.txt'].sort());
    expect(readFileSync(join(out, 'drafts', 'memo.md'), 'utf8')).toBe('mine too');
    expect(readFileSync(join(out, '.reflect-code-outputs'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(NO_REPORT.slice(1));
  });

  it('keeps what a folder without a manifest (outputs of an earlier version) holds but the rerun does not write', async () => {
    const out = await earlierRun();
    rmSync(join(out, '.reflect-code-outputs'));
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', out, '--force', '--no-report', '-q'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...NO_REPORT, 'drafts', 'figures', 'notes.txt', 'report.html', 'report.md'].sort());
  });

  it('never follows a manifest outside the output folder', async () => {
    const out = await earlierRun();
    writeFileSync(join(out, '..', 'secret.txt'), 'not an output');
    writeFileSync(join(out, '.reflect-code-outputs'), '../secret.txt\n..\n.\n/etc\nreport.html\n');
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', out, '--force', '--no-report', '-q'])).code).toBe(0);
    expect(readFileSync(join(out, '..', 'secret.txt'), 'utf8')).toBe('not an output');
    expect(readdirSync(out).sort()).toEqual([...NO_REPORT, 'drafts', 'figures', 'notes.txt', 'report.md'].sort());
  });
});
