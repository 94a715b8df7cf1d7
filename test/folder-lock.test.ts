import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { FolderLock } from '../src/write/folder-lock.js';
import { cli, QUICK, startBinary, tempDir } from './helpers/cli.js';
import { snapshot } from './helpers/snapshot.js';

/** A CSV of 200 accounts: coding them takes a moment, for which a run holds its lock. */
function accounts(file: string): string {
  const account = 'I remember when my mentor showed me how to talk to the family, and I felt supported. '.repeat(5);
  writeFileSync(file, `participant,text\n${Array.from({ length: 200 }, (_, i) => `P${i},"${account}"`).join('\n')}\n`);
  return file;
}

/** Leaves a lock on the output folder `out` in `dir` holding the token `token` (none for ''), as a run of process N leaves `N-<random>`. */
function lockAs(dir: string, token: string): void {
  mkdirSync(join(dir, '.out.lock'));
  if (token) writeFileSync(join(dir, '.out.lock', token), '');
}

/** The message of a run refused because process `pid` is writing the folder `out`. */
function locked(out: string, pid: number): string {
  return `reflect-code: error: ${out}: another reflect-code run is writing this folder (process ${pid}); expected one run per output folder, wait for it or choose another --out [out-locked]\n`;
}

describe('one run at a time writes an output folder', () => {
  it('of two runs into the same new folder, exactly one succeeds; the other exits 2 naming the first, and the folder holds the first one\'s complete outputs', async () => {
    const dir = tempDir();
    const input = accounts(join(dir, 'accounts.csv'));
    const out = join(dir, 'out');
    const run = ['analyse', input, ...QUICK, '--deterministic', '-q'];
    const first = startBinary([...run, '--out', out]);
    // Hold the first run still once it has its lock, so the two are sure to overlap.
    let ended = false;
    void first.done.then(() => (ended = true));
    while (!existsSync(join(dir, '.out.lock')) && !ended) await sleep(5);
    expect(ended, 'the first run ended before it was seen to hold a lock').toBe(false);
    first.child.kill('SIGSTOP');
    const second = await startBinary([...run, '--out', out]).done;
    first.child.kill('SIGCONT');
    expect(second).toMatchObject({ code: 2, stderr: locked(out, first.child.pid!) });
    expect(await first.done).toMatchObject({ code: 0, stderr: '' });
    expect((await cli([...run, '--out', join(dir, 'reference')])).code).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(join(dir, 'reference')));
    expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'out', 'reference']);
  }, 300_000);

  it('refuses a folder whose lock a running process holds, and leaves that lock', async () => {
    const dir = tempDir();
    // The process that started this test's worker runs until the tests end.
    lockAs(dir, `${process.ppid}-0badf00d`);
    const { code, stderr } = await cli(['analyse', 'samples/accounts.csv', '--out', join(dir, 'out')]);
    expect(stderr).toBe(locked(join(dir, 'out'), process.ppid));
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual(['.out.lock']);
    expect(readdirSync(join(dir, '.out.lock'))).toEqual([`${process.ppid}-0badf00d`]);
  });

  it.each([
    ['a process that has ended', () => `${spawnSync(process.execPath, ['-e', '']).pid}-0badf00d`],
    ['this very process (an earlier one given the same ID, as in a container)', () => `${process.pid}-0badf00d`],
    ['no process (emptied by a run killed while taking it over)', () => ''],
  ])('takes over a lock left by a killed run, naming %s, and gives it up at the end', async (_name, token) => {
    const dir = tempDir();
    lockAs(dir, token());
    expect((await cli(['analyse', 'samples/accounts.csv', '--out', join(dir, 'out'), '-q'])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('goes to exactly one of many takers at once', async () => {
    const target = join(tempDir(), 'out');
    const takers = await Promise.allSettled(Array.from({ length: 20 }, () => FolderLock.take(target, 'out')));
    const taken = takers.filter((taker) => taker.status === 'fulfilled');
    expect(taken).toHaveLength(1);
    for (const taker of takers.filter((one) => one.status === 'rejected')) expect(String(taker.reason)).toBe(`out: another reflect-code run is writing this folder (process ${process.pid}); expected one run per output folder, wait for it or choose another --out [out-locked]`);
    await taken[0].value.release();
    expect(readdirSync(join(target, '..'))).toEqual([]);
  });
});
