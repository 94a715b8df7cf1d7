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

describe('accounts far past the limits are refused at once, never coded, never an internal error', () => {
  it('a 1 MB single word and a 1 MB text without punctuation are skipped by the loader in well under a second', async () => {
    const { loadAccounts, planInputs } = await import('../src/index.js');
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, `participant,text\nP1,${'a'.repeat(1_000_000)}\nP2,${'word '.repeat(200_000)}\n`);
    // CPU time, which another job on the machine does not stretch as it does the time on the clock.
    const started = process.cpuUsage();
    const items = [];
    for await (const item of loadAccounts(await planInputs([input]))) items.push(item);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(1000);
    expect(items.map((item) => ('ruleId' in item ? item.ruleId : item.participant))).toEqual(['input-account-too-long', 'input-account-too-long']);
  });

  it('a 10 MB single token is skipped in a .txt or JSONL account and refused as a CSV row, each with its place', async () => {
    const dir = tempDir();
    const token = 'a'.repeat(10_000_000);
    writeFileSync(join(dir, 'T1.txt'), token);
    writeFileSync(join(dir, 'accounts.jsonl'), `${JSON.stringify({ participant: 'J1', text: token })}\n{"participant":"J2","text":"I listen more."}\n`);
    const skipped = await cli(['analyse', join(dir, 'T1.txt'), join(dir, 'accounts.jsonl'), '--out', join(dir, 'out'), '--no-report', '--quiet']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr.split('\n').filter(Boolean).map((line) => line.replace(`${dir}/`, ''))).toEqual([
      'reflect-code: warning: T1.txt:1: participant "T1" has an account of 10,000,000 characters; expected at most 100,000 (about 17,000 words); skipped (split a transcript into parts with IDs of their own) [input-account-too-long]',
      'reflect-code: warning: accounts.jsonl:1: participant "J1" has an account of 10,000,000 characters; expected at most 100,000 (about 17,000 words); skipped (split a transcript into parts with IDs of their own) [input-account-too-long]',
    ]);
    writeFileSync(join(dir, 'accounts.csv'), `participant,text\nC1,${token}\n`);
    const refused = await cli(['analyse', join(dir, 'accounts.csv'), '--out', join(dir, 'csv-out'), '--quiet']);
    expect([refused.code, refused.stderr]).toEqual([2, `reflect-code: error: ${join(dir, 'accounts.csv')}:2: expected a row of at most 2,000,000 characters, got a longer one (a quote left open, or a whole document in one cell?) [csv-row-too-long]\n`]);
  });

  it('a 50 MB CSV field is refused within seconds of CPU time, having read little more than the limit', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, `participant,text\nP1,"${'word '.repeat(10_000_000)}"\n`);
    const started = process.cpuUsage();
    const run = await cli(['analyse', input, '--out', join(dir, 'out'), '--quiet']);
    expect(run.stderr).toContain(':2: expected a row of at most 2,000,000 characters');
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(5000);
  });
});
