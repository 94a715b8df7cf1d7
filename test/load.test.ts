import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAccounts, planInputs, type Account, type ReflectMessage } from '../src/index.js';
import { tempDir } from './helpers/cli.js';

async function load(files: Record<string, string>, options = {}): Promise<{ accounts: Account[]; warnings: string[]; metadata: string[] }> {
  const folder = tempDir();
  const paths = Object.entries(files).map(([name, content]) => {
    writeFileSync(join(folder, name), content);
    return join(folder, name);
  });
  const plan = await planInputs(paths, options);
  const accounts: Account[] = [];
  const warnings: string[] = [];
  for await (const item of loadAccounts(plan, options)) {
    if ('participant' in item) accounts.push(item);
    else warnings.push((item as ReflectMessage).toString().replace(`${folder}/`, ''));
  }
  return { accounts, warnings, metadata: plan.metadataColumns };
}

async function failure(files: Record<string, string>, options = {}): Promise<string> {
  try {
    await load(files, options);
  } catch (error) {
    return String(error).replace(/\/tmp\/reflect-code-test-\w+\//g, '');
  }
  throw new Error('expected the load to fail');
}

describe('CSV exports', () => {
  it('reads a BOM, quoted newlines and CRLF; keeps extra columns as metadata; records the line of each row', async () => {
    const { accounts, metadata } = await load({ 'a.csv': '\uFEFFparticipant,site,text\r\nA1,North,"Line one\r\nline two"\r\nA2,South,Plain\r\n' });
    expect(metadata).toEqual(['site']);
    expect(accounts).toEqual([
      { participant: 'A1', text: 'Line one\r\nline two', metadata: { site: 'North' }, source: { file: expect.stringMatching(/a\.csv$/), line: 2 } },
      { participant: 'A2', text: 'Plain', metadata: { site: 'South' }, source: { file: expect.stringMatching(/a\.csv$/), line: 4 } },
    ]);
  });

  it('finds columns named by --id-column and --text-column, ignoring case', async () => {
    const { accounts } = await load({ 'a.csv': 'ID,Response\nX9,Hello\n' }, { idColumn: 'id', textColumn: 'response' });
    expect(accounts.map((a) => [a.participant, a.text])).toEqual([['X9', 'Hello']]);
  });

  it('names the missing column, the columns there are and the closest one', async () => {
    expect(await failure({ 'a.csv': 'participant,txt\nA1,Hi\n' })).toBe('a.csv:1: expected a column named "text" (did you mean "txt"?), got columns "participant", "txt"; name the right one with --text-column [input-missing-column]');
  });

  it('reports a ragged row and an unclosed quote with their line', async () => {
    expect(await failure({ 'a.csv': 'participant,text\nA1,Hi\nA2,Hi,extra\n' })).toBe('a.csv:3: expected as many fields as the header has, got 3; check for an unquoted delimiter in a text [csv-ragged-row]');
    expect(await failure({ 'a.csv': 'participant,text\nA1,"Hi\nA2,there\n' })).toMatch(/^a\.csv:\d+: a quoted field is never closed; expected a closing " before the end of the file \[csv-unclosed-quote\]$/);
  });

  it('skips an empty account with a warning and rejects a duplicate participant', async () => {
    const { accounts, warnings } = await load({ 'a.csv': 'participant,text\nA1,Hi\nA2,  \n' });
    expect(accounts).toHaveLength(1);
    expect(warnings).toEqual(['a.csv:3: participant "A2" has an empty account; skipped [input-empty-text]']);
    expect(await failure({ 'a.csv': 'participant,text\nA1,Hi\nA1,Again\n' })).toMatch(/^a\.csv:3: participant "A1" appears twice \(first at .*a\.csv:2\); expected one account per participant \[input-duplicate-id\]$/);
  });
});

describe('JSONL and text files', () => {
  it('reads JSONL objects, turning other keys into metadata', async () => {
    const { accounts, metadata } = await load({ 'a.jsonl': '{"participant": 7, "text": "Hi", "wave": 2}\n\n{"participant": "B", "text": "Yo"}\n' });
    expect(metadata).toEqual(['wave']);
    expect(accounts.map((a) => [a.participant, a.text, a.metadata, a.source.line])).toEqual([['7', 'Hi', { wave: '2' }, 1], ['B', 'Yo', {}, 3]]);
  });

  it('reports invalid JSON and a missing key with the line', async () => {
    expect(await failure({ 'a.jsonl': '{"participant": "A", "text": "x"}\n{oops}\n' })).toMatch(/^a\.jsonl:2: expected one JSON object on the line, got invalid JSON \(.*\) \[jsonl-syntax\]$/);
    expect(await failure({ 'a.jsonl': '{"participant": "A", "body": "x"}\n' })).toBe('a.jsonl:1: expected a "text" key, got keys "participant", "body"; name the right one with --text-column [input-missing-column]');
  });

  it('reads a .txt file as one account named after the file', async () => {
    const { accounts } = await load({ 'P-07.txt': '\uFEFFMy account.\n' });
    expect(accounts.map((a) => [a.participant, a.text])).toEqual([['P-07', 'My account.\n']]);
  });

  it('rejects inputs of unknown kinds with a hint', async () => {
    expect(await failure({ 'a.xlsx': '' })).toBe('a.xlsx: expected a .csv, .tsv, .jsonl or .txt file, or a folder of .txt files, got a ".xlsx" file (save the sheet as CSV UTF-8 first) [input-unknown-kind]');
  });
});
