import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG } from './helpers/long.js';
import { cli, QUICK, startBinary, tempDir } from './helpers/cli.js';
import { snapshot } from './helpers/snapshot.js';

/** A queue that runs the tasks given to it at most `limit` at once (the machine has two cores); each call gives its own task's end. */
function queue(limit: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** The ID of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** Accounts in a CSV file; `words` makes the codings of two such files differ. */
function accounts(file: string, words: string): string {
  writeFileSync(file, `participant,text\nA1,My mentor listened and ${words}.\nA2,I felt supported when ${words}.\nA3,It was hard at first but ${words}.\n`);
  return file;
}

describe('a run killed while it moves its outputs into place', () => {
  it('leaves, once the next run has recovered the folder, the complete earlier outputs or the complete new ones, whichever rename of a --force commit it was killed after', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const first = accounts(join(dir, 'in', 'first.csv'), 'my coach explained the plan');
    const second = accounts(join(dir, 'in', 'second.csv'), 'I was anxious about the family');
    const books = [...QUICK, '--deterministic', '-q'];
    // The earlier outputs: a run with a report, beside a file of the researcher's own.
    const earlier = join(dir, 'earlier');
    expect((await cli(['analyse', first, '--out', earlier, ...books])).code).toBe(0);
    writeFileSync(join(earlier, 'notes.txt'), 'my own notes');
    const before = snapshot(earlier);
    // The new outputs, as a run that is not killed leaves them: no report, the notes kept.
    const rerun = ['analyse', second, '--force', '--no-report', ...books];
    const reference = join(dir, 'reference');
    cpSync(earlier, reference, { recursive: true });
    expect((await cli([...rerun, '--out', reference])).code).toBe(0);
    const after = snapshot(reference);
    expect(after).not.toEqual(before);
    // The commit renames its journal into place, moves every earlier output aside, then moves every new one in.
    const renames = 1 + readdirSync(earlier).filter((name) => name !== 'notes.txt').length + readdirSync(reference).filter((name) => name !== 'notes.txt').length;
    // Every rename under `npm run test:long`; in `npm test` the first, one while the old outputs are half aside, the last, and the completed run.
    const every = Array.from({ length: renames + 1 }, (_, i) => i + 1);
    const points = LONG ? every : [...new Set([1, Math.ceil(renames / 3), renames, renames + 1])];
    for (const n of points) cpSync(earlier, join(dir, `${n}`, 'out'), { recursive: true });
    const inTurn = queue(2);
    const ends = points.map((n) => inTurn(() => startBinary([...rerun, '--out', join(dir, `${n}`, 'out')], { REFLECT_CODE_TEST_KILL_AFTER_RENAME: `${n}` }).done));
    for (const [i, n] of points.entries()) {
      const out = join(dir, `${n}`, 'out');
      // Killed after every rename there is; the one more asked for never comes.
      expect(await ends[i], `kill after rename ${n}`).toMatchObject(n <= renames ? { code: null, signal: 'SIGKILL' } : { code: 0, stderr: '' });
      // A run that refuses the folder (no --force) recovers it first.
      const refused = await cli(['analyse', second, '--out', out, ...books]);
      expect(refused.stderr).toContain('[out-not-empty]');
      const recovered = snapshot(out);
      expect([before, after], `the folder killed after rename ${n}, once recovered`).toContainEqual(recovered);
      expect(readdirSync(join(dir, `${n}`))).toEqual(['out']);
      // The same command run again then leaves the new outputs.
      expect((await cli([...rerun, '--out', out])).code).toBe(0);
      expect(snapshot(out)).toEqual(after);
      expect(readdirSync(join(dir, `${n}`))).toEqual(['out']);
    }
  }, 600_000);

  it('leaves a new output folder complete when killed right after its one rename', async () => {
    const dir = tempDir();
    const input = accounts(join(dir, 'accounts.csv'), 'my coach explained the plan');
    expect((await cli(['analyse', input, '--out', join(dir, 'reference'), '--deterministic', '-q'])).code).toBe(0);
    const end = await startBinary(['analyse', input, '--out', join(dir, 'out'), '--deterministic', '-q'], { REFLECT_CODE_TEST_KILL_AFTER_RENAME: '1' }).done;
    expect(end.signal).toBe('SIGKILL');
    expect(snapshot(join(dir, 'out'))).toEqual(snapshot(join(dir, 'reference')));
    // The lock the killed run left is taken over by the next run, and given up.
    expect((await cli(['analyse', input, '--out', join(dir, 'out'), '--force', '--deterministic', '-q'])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'out', 'reference']);
  });

  it('stops at a journal it cannot read, keeping the folder it names with the earlier outputs set aside', async () => {
    const dir = tempDir();
    const input = accounts(join(dir, 'accounts.csv'), 'my coach explained the plan');
    const out = join(dir, 'out');
    expect((await cli(['analyse', input, '--out', out, '-q'])).code).toBe(0);
    const pid = deadPid();
    const staging = `.out.partial-${pid}-0badf00d`;
    mkdirSync(join(dir, staging, '.replaced'), { recursive: true });
    writeFileSync(join(dir, staging, '.replaced', 'themes.csv'), 'the earlier table');
    writeFileSync(join(dir, `.out.commit-${pid}.json`), '{"pid": ');
    const { code, stderr } = await cli(['analyse', input, '--out', out, '--force', '-q']);
    expect(stderr).toBe(`reflect-code: error: ${out}: expected .out.commit-${pid}.json beside the output folder to be the journal of a run's last step, got a file reflect-code cannot read; the earlier outputs may be in the hidden .out.partial-... folder beside it: put them back by hand, then delete the journal [out-journal-unreadable]\n`);
    expect(code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([`.out.commit-${pid}.json`, staging, 'accounts.csv', 'out']);
    expect(readdirSync(join(dir, staging, '.replaced'))).toEqual(['themes.csv']);
  });
});
