import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

/** A Qualtrics-style export: the header, the question texts, the ImportId row, then three respondents. */
const QUALTRICS = [
  'ResponseId,Finished,Q1_text,Q2_site',
  '"Response ID","Finished","What are you doing differently as a result of the programme?","Which site do you work at?"',
  '"{""ImportId"":""_recordId""}","{""ImportId"":""finished""}","{""ImportId"":""QID1_TEXT""}","{""ImportId"":""QID2""}"',
  'R_1,True,I now ask my staff what went well.,North',
  'R_2,True,My mentor helped me to delegate.,South',
  'R_3,True,I am trying to listen more.,North',
].join('\r\n');

describe('survey exports', () => {
  it('codes exactly the respondents of a Qualtrics-style export with three header rows, warning once', async () => {
    const folder = tempDir();
    const file = join(folder, 'survey.csv');
    writeFileSync(file, `${QUALTRICS}\r\n`);
    const run = await cli(['analyse', file, '--id-column', 'ResponseId', '--text-column', 'Q1', '--out', join(folder, 'out'), '--no-report']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`reflect-code: warning: ${file}:2: skipped the 2 rows after the header (a survey export's question texts and {"ImportId": ...} row); expected accounts, got extra header rows (set --skip-rows to say how many there are) [input-survey-rows]\n`);
    const participants = readFileSync(join(folder, 'out', 'participants.csv'), 'utf8').split('\n').slice(1, -1).map((row) => row.split(',')[0]);
    expect(participants).toEqual(['R_1', 'R_2', 'R_3']);
  });

  it('skips the rows --skip-rows says, silently, and takes a column by number', async () => {
    const folder = tempDir();
    const file = join(folder, 'survey.csv');
    writeFileSync(file, `${QUALTRICS.split('\r\n').filter((_, i) => i !== 2).join('\n')}\n`);
    const run = await cli(['analyse', file, '--id-column', '1', '--text-column', '3', '--skip-rows', '1', '--out', join(folder, 'out'), '--no-report', '-q']);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(folder, 'out', 'participants.csv'), 'utf8').split('\n').slice(1, -1).map((row) => row.split(',')[0])).toEqual(['R_1', 'R_2', 'R_3']);
  });

  it('names the columns a prefix could mean, and suggests the closest header', async () => {
    const folder = tempDir();
    const file = join(folder, 'survey.csv');
    writeFileSync(file, `${QUALTRICS}\n`);
    const ambiguous = await cli(['analyse', file, '--id-column', 'ResponseId', '--text-column', 'Q', '--out', join(folder, 'a')]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(`reflect-code: error: ${file}:1: expected "Q" to begin one column's name, got 2: "Q1_text", "Q2_site"; name the right one with --text-column [input-ambiguous-column]\n`);
    const misspelt = await cli(['analyse', file, '--id-column', 'ResponseId', '--text-column', 'Q1_txet', '--out', join(folder, 'b')]);
    expect(misspelt.stderr).toContain('expected a column named "Q1_txet" (did you mean "Q1_text"?)');
  });
});
