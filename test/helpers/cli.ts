import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import chalk from 'chalk';
import { run } from '../../src/cli/program.js';

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a run of the command line gave: its exit code and everything it printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command line in this test process, as `bin/reflect-code.js`
 * does but without starting Node again: `run()` of `src/cli/program.ts`,
 * from `cwd`, with uncoloured output captured. Tests of the real binary
 * itself use {@link binary}.
 */
export async function cli(args: string[], cwd = ROOT): Promise<CliRun> {
  const written = { stdout: '', stderr: '' };
  const streams = { stdout: process.stdout, stderr: process.stderr } as const;
  const saved = { stdout: streams.stdout.write, stderr: streams.stderr.write, isTTY: [streams.stdout.isTTY, streams.stderr.isTTY], level: chalk.level, cwd: process.cwd() };
  for (const name of ['stdout', 'stderr'] as const) {
    streams[name].write = ((chunk: string | Uint8Array) => {
      written[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write;
    // As when piped: no colour, no wrapping of --help to a terminal's width.
    streams[name].isTTY = false;
  }
  chalk.level = 0;
  process.chdir(cwd);
  try {
    const code = await run(['node', 'reflect-code', ...args]);
    return { code, ...written };
  } finally {
    process.chdir(saved.cwd);
    chalk.level = saved.level;
    streams.stdout.write = saved.stdout;
    streams.stderr.write = saved.stderr;
    [streams.stdout.isTTY, streams.stderr.isTTY] = saved.isTTY;
  }
}

/** Runs the real `bin/reflect-code.js` (built `dist/`) in a new Node process and returns its exit code and output. */
export function binary(args: string[], cwd = ROOT): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/reflect-code.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Options of `analyse` that make a run start quickly (a small codebook of keywords, structure tagged by cues, no anonymity check), for tests that start many runs. */
export const QUICK = ['--codebook', join(ROOT, 'test/fixtures/custom-codebook/codebook.yaml'), '--structure-rules', join(ROOT, 'codebooks/labov.yaml'), '--no-check'];

/** A run of the real binary still going: the process, and its end (exit code, or the signal that stopped it, and what it printed on stderr). */
export interface StartedRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts the real `bin/reflect-code.js` in a new Node process, with `env` added to the environment, without waiting for it (its standard output is dropped). */
export function startBinary(args: string[], env: Record<string, string> = {}, cwd = ROOT): StartedRun {
  const child = spawn(process.execPath, [join(ROOT, 'bin/reflect-code.js'), ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, done };
}

/** A new empty temporary folder, inside the test run's own folder (removed when the run ends). */
export function tempDir(): string {
  return mkdtempSync(join(process.env.REFLECT_CODE_TEST_TMP ?? tmpdir(), 'reflect-code-test-'));
}
