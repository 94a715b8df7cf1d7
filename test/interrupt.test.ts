import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers/cli.js';

/** Every file under a folder, by relative path, with its bytes. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    if (statSync(join(folder, name)).isFile()) files[name] = readFileSync(join(folder, name), 'latin1');
  }
  return files;
}

/** A CSV of many long accounts: analysing it takes seconds, long enough to interrupt. */
function bigInput(dir: string): string {
  const file = join(dir, 'in', 'big.csv');
  mkdirSync(join(dir, 'in'), { recursive: true });
  const account = 'I remember when my mentor showed me how to talk to the family, and I felt supported. '.repeat(20);
  writeFileSync(file, `participant,text\n${Array.from({ length: 3000 }, (_, i) => `P${i},"${account}"`).join('\n')}\n`);
  return file;
}

/** Runs analyse, sends `signal` once the run has written 64 KB of `segments.csv` into its staging folder, and resolves when it ends. */
function interrupted(args: string[], dir: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/reflect-code.js'), 'analyse', ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      const staging = readdirSync(dir).find((name) => name.includes('.partial-'));
      const segments = staging && join(dir, staging, 'segments.csv');
      if (segments && existsSync(segments) && statSync(segments).size > 64 * 1024) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 5);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr });
    });
  });
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
