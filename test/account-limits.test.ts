import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

/** Analyses a CSV of the given accounts; returns the warnings and the participants coded. */
async function analyse(accounts: Array<[string, string]>) {
  const dir = tempDir();
  const input = join(dir, 'accounts.csv');
  writeFileSync(input, `participant,text\n${accounts.map(([id, text]) => `${id},"${text}"`).join('\n')}\n`);
  const out = join(dir, 'out');
  const run = await cli(['analyse', input, '--out', out, '--no-report', '--quiet']);
  const coded = new Set(readFileSync(join(out, 'segments.csv'), 'utf8').split('\n').slice(1, -1).map((row) => row.split(',')[0]));
  return { code: run.code, warnings: run.stderr.split('\n').filter(Boolean).map((line) => line.replace(input, 'accounts.csv')), coded: [...coded] };
}

describe('accounts too long to be written reflections are skipped with a located warning, not coded for minutes', () => {
  it('a 1 MB single word and a 1 MB text without punctuation', async () => {
    const result = await analyse([
      ['P1', 'a'.repeat(1_000_000)],
      ['P2', 'word '.repeat(200_000).trim()],
      ['P3', 'I listen more now.'],
    ]);
    expect(result.code).toBe(0);
    expect(result.warnings).toEqual([
      'reflect-code: warning: accounts.csv:2: participant "P1" has an account of 1,000,000 characters; expected at most 100,000 (about 17,000 words); skipped (split a transcript into parts with IDs of their own) [input-account-too-long]',
      'reflect-code: warning: accounts.csv:3: participant "P2" has an account of 999,999 characters; expected at most 100,000 (about 17,000 words); skipped (split a transcript into parts with IDs of their own) [input-account-too-long]',
    ]);
    expect(result.coded).toEqual(['P3']);
  });

  it('a word over 200 characters in an account of ordinary length; 200 characters are kept', async () => {
    const result = await analyse([
      ['P1', `I listen more. ${'x'.repeat(201)}`],
      ['P2', `I listen more. ${'x'.repeat(200)}`],
    ]);
    expect(result.warnings).toEqual([
      'reflect-code: warning: accounts.csv:2: participant "P1" has a run of 201 characters without a space; expected words of at most 200 characters in an account; skipped (is this column the text?) [input-word-too-long]',
    ]);
    expect(result.coded).toEqual(['P2']);
  });
});

describe('a runaway CSV field', () => {
  it('stops the read at 2,000,000 characters with the line, instead of filling memory', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, `participant,text\nP1,"${'word '.repeat(600_000)}"\nP2,I listen more.\n`);
    const run = await cli(['analyse', input, '--out', join(dir, 'out'), '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`reflect-code: error: ${input}:2: expected a row of at most 2,000,000 characters, got a longer one (a quote left open, or a whole document in one cell?) [csv-row-too-long]\n`);
  });
});
