import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { printFailure } from '../src/cli/report.js';
import { BufferedFile } from '../src/write/buffered-file.js';

/** A file-system error as Node raises it, with or without the file. */
function ioError(code: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something went wrong, write`), { code, ...(path === undefined ? {} : { path }) });
}

/** What printFailure writes on standard error. */
function printed(error: unknown): string {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    printFailure(error);
  } finally {
    spy.mockRestore();
  }
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

describe('file-system errors', () => {
  it('a full disk is one line naming the file and what to do, not an internal error', () => {
    expect(printed(ioError('ENOSPC', 'out/.out.partial-1/segments.csv'))).toBe(
      'reflect-code: error: out/.out.partial-1/segments.csv: the disk is full; expected room to write the outputs (the earlier outputs were left as they were): free some space or choose another --out [ENOSPC]\n',
    );
    expect(printed(ioError('EROFS'))).toBe('reflect-code: error: the disk is read-only; expected a folder that can be written, choose another --out [EROFS]\n');
  });

  it('a write through an open file names the file, which the handle\'s own error does not', async () => {
    const handle = { writeFile: () => Promise.reject(ioError('ENOSPC')), close: () => Promise.resolve() } as unknown as FileHandle;
    const file = new BufferedFile(handle, 'out/segments.csv');
    await file.write('x');
    await expect(file.close()).rejects.toMatchObject({ code: 'ENOSPC', path: 'out/segments.csv' });
  });
});

describe('colours', () => {
  it('--no-color is accepted by every command, anywhere on the line', async () => {
    const { cli } = await import('./helpers/cli.js');
    const run = await cli(['check', 'samples/check-demo.csv', '--no-color']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Found 7 possible identifying details');
  });

  it('NO_COLOR and --no-color leave no escape codes on a terminal; without them there are colours', async () => {
    const { spawnSync } = await import('node:child_process');
    const { ROOT } = await import('./helpers/cli.js');
    // script(1) gives the command a terminal, as a researcher's would be.
    // A terminal as a researcher's is: not a CI service (colour detection turns colours off there), a colour TERM.
    const { NO_COLOR: _no, FORCE_COLOR: _force, CI: _ci, ...rest } = process.env;
    const base = { ...rest, TERM: 'xterm-256color' };
    const onTerminal = (command: string, env: NodeJS.ProcessEnv) => spawnSync('script', ['-qc', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...base, ...env } }).stdout;
    const analyse = 'node bin/reflect-code.js analyse samples/accounts.csv --out "$OUT" --force --no-report';
    const { tempDir } = await import('./helpers/cli.js');
    const out = tempDir();
    expect(onTerminal(analyse, { OUT: out })).toMatch(/\u001b\[1m/);
    expect(onTerminal(analyse, { OUT: out, NO_COLOR: '1' })).not.toMatch(/\u001b\[[0-9;]*m/);
    expect(onTerminal(`${analyse} --no-color`, { OUT: out })).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});
