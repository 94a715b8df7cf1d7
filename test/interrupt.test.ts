import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaleRemoval } from '../src/write/partials.js';
import { cli, QUICK, startBinary, tempDir } from './helpers/cli.js';
import { snapshot } from './helpers/snapshot.js';

/** A CSV of many long accounts: analysing it takes seconds, long enough to interrupt. */
function bigInput(dir: string): string {
  const file = join(dir, 'in', 'big.csv');
  mkdirSync(join(dir, 'in'), { recursive: true });
  const account = 'I remember when my mentor showed me how to talk to the family, and I felt supported. '.repeat(20);
  writeFileSync(file, `participant,text\n${Array.from({ length: 3000 }, (_, i) => `P${i},"${account}"`).join('\n')}\n`);
  return file;
}

/** A CSV of 100 short accounts: coded in a moment, after which the run writes its tables and report (about a second). */
function shortAccounts(dir: string): string {
  const file = join(dir, 'in', 'short.csv');
  writeFileSync(file, `participant,text\n${Array.from({ length: 100 }, (_, i) => `P${i},My mentor showed me how to talk to the family and I felt supported.`).join('\n')}\n`);
  return file;
}

/** True once the run has written 64 KB of `segments.csv` into its staging folder: it is coding. */
function coding(staging: string): boolean {
  const segments = join(staging, 'segments.csv');
  return existsSync(segments) && statSync(segments).size > 64 * 1024;
}

/** True once the run has written `themes.csv` into its staging folder: every account is coded and the run is writing the tables and the report. */
function finishing(staging: string): boolean {
  return existsSync(join(staging, 'themes.csv'));
}

/** Runs analyse, sends `signal` once `ready` holds for the run's staging folder in `dir`, and resolves when it ends. */
async function interrupted(args: string[], dir: string, signal: NodeJS.Signals, ready: (staging: string) => boolean = coding): Promise<{ code: number | null; stderr: string }> {
  const { child, done } = startBinary(['analyse', ...args]);
  const poll = setInterval(() => {
    const staging = readdirSync(dir).find((name) => name.includes('.partial-'));
    if (staging && ready(join(dir, staging))) {
      clearInterval(poll);
      child.kill(signal);
    }
  }, 5);
  try {
    return await done;
  } finally {
    clearInterval(poll);
  }
}

describe('an interrupted run leaves the earlier outputs or none, never a half file', () => {
  it('Ctrl-C (SIGINT) during a first run leaves no output folder and no staging folder', async () => {
    const dir = tempDir();
    const input = bigInput(dir);
    const { code, stderr } = await interrupted([input, '--out', join(dir, 'out')], dir, 'SIGINT');
    expect(stderr).toBe(`reflect-code: error: ${join(dir, 'out')}: interrupted before the end; the output folder was left as it was [interrupted]\n`);
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual(['in']);
  });

  /** A folder with a big input and the complete outputs of an earlier, small run. */
  async function earlierRun() {
    const dir = tempDir();
    const input = bigInput(dir);
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'in', 'small.csv'), 'participant,text\nA1,My mentor listened.\n');
    expect((await cli(['analyse', join(dir, 'in', 'small.csv'), '--out', out])).code).toBe(0);
    return { dir, input, out, before: snapshot(out) };
  }

  it('SIGINT and SIGTERM during a --force rerun leave the earlier outputs byte for byte', async () => {
    const { dir, input, out, before } = await earlierRun();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      expect((await interrupted([input, '--out', out, '--force'], dir, signal)).code).toBe(2);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(['in', 'out']);
    }
  });

  it('SIGINT and SIGTERM after the last account is coded (while the tables and report are written) stop a --force rerun all the same, leaving the earlier outputs byte for byte', async () => {
    const { dir, out, before } = await earlierRun();
    const input = shortAccounts(dir);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const { code, stderr } = await interrupted([input, ...QUICK, '--out', out, '--force'], dir, signal, finishing);
      expect(stderr).toBe(`reflect-code: error: ${out}: interrupted before the end; the output folder was left as it was [interrupted]\n`);
      expect(code).toBe(2);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(['in', 'out']);
    }
  });

  it('a run killed outright (SIGKILL) never touches the earlier outputs', async () => {
    const { dir, input, out, before } = await earlierRun();
    expect((await interrupted([input, '--out', out, '--force'], dir, 'SIGKILL')).code).toBe(null);
    expect(snapshot(out)).toEqual(before);
    // The next run clears away the staging folder the killed run left.
    expect(readdirSync(dir).filter((name) => name.startsWith('.out.partial-'))).toHaveLength(1);
    expect((await cli(['analyse', join(dir, 'in', 'small.csv'), '--out', out, '--force', '-q'])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['in', 'out']);
  });

  it('an error half-way through a --force rerun leaves the earlier outputs byte for byte', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'good.csv'), 'participant,text\nA1,My mentor listened.\n');
    writeFileSync(join(dir, 'in', 'bad.csv'), 'participant,text\nA1,Fine.\nA2,"Never closed\n');
    expect((await cli(['analyse', join(dir, 'in', 'good.csv'), '--out', out])).code).toBe(0);
    const before = snapshot(out);
    const { code, stderr } = await cli(['analyse', join(dir, 'in', 'bad.csv'), '--out', out, '--force']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.csv:3: a quoted field is never closed/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['in', 'out']);
  });
});

describe('what a killed run left beside the output folder', () => {
  it('does not hold up the next run: it is taken aside at once and removed while the run works, and what is left at its end is left for the run after', async () => {
    const dir = tempDir();
    const target = join(dir, 'out');
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    // A killed run's staging folder, as a large run leaves it: thousands of grid files.
    const staging = join(dir, `.out.partial-${deadPid}-0badf00d`);
    mkdirSync(join(staging, 'grids'), { recursive: true });
    for (let i = 0; i < 20_000; i++) writeFileSync(join(staging, 'grids', `P${i}.md`), '');
    const removal = new StaleRemoval(target);
    await removal.sweep();
    const own = new RegExp(`^\\.out\\.partial-${process.pid}-[0-9a-f]+\\.stale$`);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(own)]);
    // A run that ends at once stops the removal after the files in hand, rather than wait for it all.
    await removal.finish(0);
    const [left] = readdirSync(dir);
    expect(left).toMatch(own);
    expect(readdirSync(join(dir, left, 'grids')).length).toBeGreaterThan(10_000);
    // The run after (this process's ID has then ended) takes the rest away in its turn.
    renameSync(join(dir, left), staging);
    const next = new StaleRemoval(target);
    await next.sweep();
    await next.finish(120_000);
    expect(readdirSync(dir)).toEqual([]);
  });
});

