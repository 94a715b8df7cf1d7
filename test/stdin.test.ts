import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';

/** Runs the real binary with `input` piped to its standard input. */
function piped(args: string[], input: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/reflect-code.js'), ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('analyse - (accounts piped in on standard input)', () => {
  it('reads a CSV, names it "standard input" in warnings and the report, and leaves no temporary file', () => {
    const out = join(tempDir(), 'out');
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('reflect-code-stdin-')).length;
    const run = piped(['analyse', '-', '--out', out], 'participant,text\nA1,I felt calm.\nA2,\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('reflect-code: warning: standard input:3: participant "A2" has an empty account; skipped [input-empty-text]\n');
    expect(run.stdout).toContain('Coded 1 participant, 1 segment');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('| Inputs | standard input |');
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('reflect-code-stdin-')).length).toBe(before);
  });

  it('reads JSONL when the input starts with {', () => {
    const out = join(tempDir(), 'out');
    expect(piped(['analyse', '-', '--out', out, '-q'], '{"participant":"J1","text":"I felt calm."}\n').code).toBe(0);
    expect(readFileSync(join(out, 'segments.csv'), 'utf8')).toContain('\nJ1,1,0,12,I felt calm.,ME,');
  });

  it('refuses "-" twice, and an empty input', () => {
    expect(piped(['analyse', '-', '-', '--out', join(tempDir(), 'out')], 'participant,text\n')).toEqual({ code: 2, stdout: '', stderr: 'reflect-code: error: expected "-" (standard input) at most once among the inputs, got it twice [option-invalid]\n' });
    expect(piped(['analyse', '-', '--out', join(tempDir(), 'out')], '')).toEqual({ code: 2, stdout: '', stderr: 'reflect-code: error: standard input: expected a header row and accounts, got an empty file [input-empty-file]\n' });
  });
});
