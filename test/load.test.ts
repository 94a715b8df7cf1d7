import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAccounts, planInputs, type Account, type ReflectMessage } from '../src/index.js';
import { cli, tempDir } from './helpers/cli.js';

type Files = Record<string, string | Uint8Array>;

async function load(files: Files, options = {}): Promise<{ accounts: Account[]; warnings: string[]; metadata: string[] }> {
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
  warnings.unshift(...plan.messages.map((message) => message.toString().replace(`${folder}/`, '')));
  return { accounts, warnings, metadata: plan.metadataColumns };
}

async function failure(files: Files, options = {}): Promise<string> {
  try {
    await load(files, options);
  } catch (error) {
    return String(error).replace(/\/tmp\/(?:reflect-code-tests-\w+\/)?reflect-code-test-\w+\//g, '');
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
    expect(await failure({ 'a.csv': 'participant,text\nA1,Hi\nA1,Again\n' })).toMatch(/^a\.csv:3: participant "A1" appears twice \(first at .*a\.csv:2\); expected one account per participant \(add --merge-duplicates to join their texts\) \[input-duplicate-id\]$/);
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

/** Accented names, curly quotes, an em-dash and (where the encoding has it) an emoji. */
const TEXT = 'Zoë’s mentor — “Renée” — said ‘café’';
const CSV = `participant;text\r\nÅsa;${TEXT}\r\n`;

describe('encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(`${CSV}B;👍\r\n`)],
    ['UTF-8 with a BOM', Buffer.from(`\uFEFF${CSV}B;👍\r\n`)],
    ['UTF-16 LE with a BOM', iconv.encode(`${CSV}B;👍\r\n`, 'utf-16le', { addBOM: true })],
    ['UTF-16 BE with a BOM', iconv.encode(`${CSV}B;👍\r\n`, 'utf-16be', { addBOM: true })],
  ])('reads %s text unchanged, with no warning', async (_name, bytes) => {
    const { accounts, warnings } = await load({ 'a.csv': bytes });
    expect(accounts.map((a) => [a.participant, a.text])).toEqual([['Åsa', TEXT], ['B', '👍']]);
    expect(warnings).toEqual([]);
  });

  it('reads Windows-1252 (Excel\'s "CSV") unchanged and says it guessed', async () => {
    const { accounts, warnings } = await load({ 'a.csv': iconv.encode(CSV, 'windows-1252') });
    expect(accounts.map((a) => [a.participant, a.text])).toEqual([['Åsa', TEXT]]);
    expect(warnings).toEqual(['a.csv: the file is not UTF-8; read it as windows-1252: if accented letters or quotes look wrong in the outputs, give the right --encoding (such as windows-1252 or macintosh) [input-encoding-guessed]']);
    expect((await load({ 'a.csv': iconv.encode(CSV, 'windows-1252') }, { encoding: 'Windows-1252' })).warnings).toEqual([]);
  });

  it('warns when the bytes contradict --encoding', async () => {
    const { accounts, warnings } = await load({ 'a.csv': `${CSV}` }, { encoding: 'windows-1252' });
    expect(accounts[0].text).not.toBe(TEXT);
    expect(warnings).toEqual([
      'a.csv: read as windows-1252 as --encoding says, but the file looks like utf-8; if accented letters or quotes look wrong in the outputs, leave out --encoding [input-encoding-mismatch]',
      // The UTF-8 bytes of ” end in 0x9D, which Windows-1252 has no character for.
      'a.csv:2: expected windows-1252 text, got a byte windows-1252 has no character for; replaced it with U+FFFD [input-bad-character]',
    ]);
    expect((await load({ 'a.csv': iconv.encode(CSV, 'utf-16le', { addBOM: true }) }, { encoding: 'utf-16le' })).warnings).toEqual([]);
    expect((await load({ 'a.csv': 'participant,text\nA1,plain\n' }, { encoding: 'windows-1252' })).warnings).toEqual([]);
  });

  it('decodes .txt and .jsonl inputs the same way', async () => {
    const { accounts } = await load({ 'P1.txt': iconv.encode(TEXT, 'windows-1252'), 'b.jsonl': iconv.encode(`{"participant": "P2", "text": "${TEXT} 👍"}\n`, 'utf-16le', { addBOM: true }) });
    expect(accounts.map((a) => [a.participant, a.text])).toEqual([['P1', TEXT], ['P2', `${TEXT} 👍`]]);
  });

  it('stops at the line of a byte that is not UTF-8, even past the part used to detect the encoding', async () => {
    const filler = 'participant,text\n' + Array.from({ length: 2000 }, (_, i) => `P${i},${'plain words '.repeat(4)}\n`).join('');
    const bytes = Buffer.concat([Buffer.from(filler), iconv.encode('X,Café\n', 'windows-1252')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(await failure({ 'a.csv': bytes })).toBe('a.csv:2002: expected UTF-8 text, got a byte that is not UTF-8; save the file as UTF-8 ("CSV UTF-8" in Excel), or give its encoding, e.g. --encoding windows-1252 [input-not-utf8]');
    expect(await failure({ 'a.csv': iconv.encode(CSV, 'windows-1252') }, { encoding: 'utf-8' })).toBe('a.csv:2: expected UTF-8 text, got a byte that is not UTF-8; save the file as UTF-8 ("CSV UTF-8" in Excel), or give its encoding, e.g. --encoding windows-1252 [input-not-utf8]');
  });

  it('refuses binary data and unknown encodings', async () => {
    expect(await failure({ 'a.csv': iconv.encode('participant,text\n', 'utf-16le') })).toBe('a.csv: expected a text file, got binary data (a spreadsheet, or UTF-16 text without a byte-order mark); save it as "CSV UTF-8" or plain text [input-binary]');
    expect(await failure({ 'a.csv': CSV }, { encoding: 'utf-9' })).toBe('expected --encoding to be an encoding such as utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, macintosh, got "utf-9" (did you mean "utf-8"?) [option-invalid]');
  });
});

describe('delimiters and CSV faults', () => {
  it('detects ; and tab from the header, and takes --delimiter', async () => {
    expect((await load({ 'a.csv': 'participant;text;site\nA1;Hi, there;N\n' })).accounts.map((a) => a.text)).toEqual(['Hi, there']);
    expect((await load({ 'a.csv': 'participant\ttext\nA1\tHi; there, you\n' })).accounts.map((a) => a.text)).toEqual(['Hi; there, you']);
    expect((await load({ 'a.csv': 'participant|text\nA1|Hi\n' }, { delimiter: 'pipe' })).accounts.map((a) => a.text)).toEqual(['Hi']);
    expect((await load({ 'a.tsv': 'participant\ttext\nA1\tHi, you; too\n' })).accounts.map((a) => a.text)).toEqual(['Hi, you; too']);
    expect(await failure({ 'a.csv': CSV }, { delimiter: ';;' })).toBe('expected --delimiter to be one character such as , or ; or tab, got ";;" [option-invalid]');
  });

  it('refuses a stray quote inside an unquoted text rather than guess what it meant', async () => {
    expect(await failure({ 'a.csv': 'participant,text\nA1,She said "no" twice\n' })).toBe('a.csv:2: expected a text with " in it to be quoted as a whole, got a " inside an unquoted text; put the text in quotes and double each " inside it ("") [csv-bad-quote]');
  });

  it('takes the names Notepad and Excel give encodings', async () => {
    expect((await load({ 'a.csv': iconv.encode(CSV, 'windows-1252') }, { encoding: 'ANSI' })).accounts.map((a) => a.text)).toEqual([TEXT]);
    expect((await load({ 'a.csv': iconv.encode(CSV, 'utf-16le', { addBOM: true }) }, { encoding: 'Unicode' })).accounts.map((a) => a.text)).toEqual([TEXT]);
  });

  it('skips the "sep=" line Excel writes before the header, with a warning, and reads the delimiter it names', async () => {
    const { accounts, warnings } = await load({ 'a.csv': 'sep=;\r\nparticipant;text\r\nA1;Hi, there\r\n', 'b.csv': 'SEP=,\nparticipant,text\nB1,Hello\n' });
    expect(accounts.map((a) => [a.participant, a.text, a.source.line])).toEqual([['A1', 'Hi, there', 3], ['B1', 'Hello', 3]]);
    expect(warnings).toEqual([
      'a.csv:1: skipped the "sep=" line Excel writes before the header; read the columns as separated by ";" [input-excel-sep-line]',
      'b.csv:1: skipped the "sep=" line Excel writes before the header; read the columns as separated by "," [input-excel-sep-line]',
    ]);
    expect(await failure({ 'a.csv': 'sep=;\nparticipant;text\nA1;"never closed\n' })).toBe('a.csv:3: a quoted field is never closed; expected a closing " before the end of the file [csv-unclosed-quote]');
  });

  it('refuses an ID column that is the text column, named alike or not', async () => {
    expect(await failure({ 'a.csv': CSV }, { idColumn: 'text', textColumn: 'Text' })).toBe('expected --id-column and --text-column to name two different columns, got "Text" for both [option-invalid]');
    expect(await failure({ 'a.csv': 'participant,text\nA1,Hi\n' }, { idColumn: '2', textColumn: 'text' })).toBe('a.csv:1: expected --id-column and --text-column to name two different columns, got column 2 ("text") for both [input-same-column]');
    const run = await cli(['analyse', 'samples/accounts.csv', '--id-column', 'text', '--text-column', 'text', '--out', join(tempDir(), 'out')]);
    expect([run.code, run.stderr]).toEqual([2, 'reflect-code: error: expected --id-column and --text-column to name two different columns, got "text" for both [option-invalid]\n']);
  });

  it('names an unnamed column and a header with no accounts below it', async () => {
    expect(await failure({ 'a.csv': 'participant,,text\nA1,x,Hi\n' })).toBe('a.csv:1: column 2 of the header has no name; expected a name above every column (name it, or delete the column if it is empty) [input-unnamed-column]');
    expect(await failure({ 'a.csv': '\n\nparticipant,text\n\n' })).toBe('a.csv:3: expected accounts below the header row, got none [input-no-accounts]');
  });

  it('joins the texts of a repeated participant with --merge-duplicates', async () => {
    const { accounts, warnings } = await load({ 'a.csv': 'participant,text\nA1,First part.\nB2,Other.\nA1,Second part.\n' }, { mergeDuplicates: true });
    expect(accounts.map((a) => [a.participant, a.text, a.source.line])).toEqual([['A1', 'First part.\n\nSecond part.', 2], ['B2', 'Other.', 3]]);
    expect(warnings).toEqual([expect.stringMatching(/^a\.csv:4: participant "A1" appears again \(first at .*a\.csv:2\); joined this text to the first one \[input-merged-duplicate\]$/)]);
  });

  it('reads a long account (99,000 characters, near the limit) in one cell whole', async () => {
    const text = 'I learnt a great deal from my mentor. '.repeat(2605);
    expect(text.length).toBeGreaterThan(98_000);
    const { accounts } = await load({ 'a.csv': `participant,text\nA1,"${text}"\nA2,Short.\n` });
    expect(accounts.map((a) => a.text.length)).toEqual([text.length, 6]);
  });
});

describe('decoding faults in every kind of input', () => {
  it('places a byte that is not UTF-8 in a .jsonl or .txt input on its line', async () => {
    const bad = Buffer.concat([Buffer.from('{"participant": "A", "text": "ok"}\n{"participant": "B", "text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    expect(await failure({ 'a.jsonl': bad }, { encoding: 'utf-8' })).toBe('a.jsonl:2: expected UTF-8 text, got a byte that is not UTF-8; save the file as UTF-8 ("CSV UTF-8" in Excel), or give its encoding, e.g. --encoding windows-1252 [input-not-utf8]');
    expect(await failure({ 'P1.txt': Buffer.from([0x61, 0x0a, 0x62, 0xff]) }, { encoding: 'utf-8' })).toBe('P1.txt:2: expected UTF-8 text, got a byte that is not UTF-8; save the file as UTF-8 ("CSV UTF-8" in Excel), or give its encoding, e.g. --encoding windows-1252 [input-not-utf8]');
  });
});

describe('characters that cannot be read are never changed in silence', () => {
  /** UTF-16 LE bytes of a string, code unit by code unit (a lone surrogate included), with a byte-order mark. */
  function utf16(text: string): Buffer {
    const bytes = Buffer.alloc(2 + text.length * 2);
    bytes.writeUInt16LE(0xfeff, 0);
    for (let i = 0; i < text.length; i++) bytes.writeUInt16LE(text.charCodeAt(i), 2 + i * 2);
    return bytes;
  }

  it('a lone UTF-16 surrogate becomes U+FFFD and an odd last byte is dropped, each with a warning naming its line (CSV, JSONL, .txt)', async () => {
    const csv = Buffer.concat([utf16('participant,text\nA1,I felt fine.\nA2,I felt \uD800 odd \uDC00.\nA3,A pair \uD83D\uDE00 is fine.\n'), Buffer.from([0x41])]);
    const { accounts, warnings } = await load({ 'a.csv': csv });
    expect(accounts.map((a) => a.text)).toEqual(['I felt fine.', 'I felt \uFFFD odd \uFFFD.', 'A pair \uD83D\uDE00 is fine.']);
    expect(warnings).toEqual([
      'a.csv:3: expected utf-16le text, got 2 lone surrogates (half characters); replaced them with U+FFFD [input-bad-character]',
      'a.csv:5: expected utf-16le text in whole 2-byte units, got 1 byte over at the end of the file; dropped it [input-bad-character]',
    ]);
    const other = await load({ 'b.jsonl': utf16('{"participant": "B1", "text": "x"}\n{"participant": "B2", "text": "odd \uDBFF"}\n'), 'C1.txt': utf16('line one\nodd \uDFFF') });
    expect(other.accounts.map((a) => a.text)).toEqual(['x', 'odd \uFFFD', 'line one\nodd \uFFFD']);
    expect(other.warnings).toEqual([
      'b.jsonl:2: expected utf-16le text, got a lone surrogate (half a character); replaced it with U+FFFD [input-bad-character]',
      'C1.txt:2: expected utf-16le text, got a lone surrogate (half a character); replaced it with U+FFFD [input-bad-character]',
    ]);
  });

  it('a surrogate pair split between two pieces of the file is read whole, with no warning', async () => {
    // The file is read in 64 KiB pieces: put the pair's two halves on either side of a boundary.
    const head = 'participant,text\nA1,';
    // After the byte-order mark, the high half is the last code unit of the first piece.
    const filler = 'a '.repeat(20_000).slice(0, (64 * 1024 - 2) / 2 - 1 - head.length);
    const { accounts, warnings } = await load({ 'a.csv': utf16(`${head}${filler}\uD83D\uDE00\n`) });
    expect(accounts.map((a) => a.text)).toEqual([`${filler}\uD83D\uDE00`]);
    expect(warnings).toEqual([]);
  });

  it('a byte Windows-1252 has no character for is replaced with a warning naming its line', async () => {
    const bytes = Buffer.concat([Buffer.from('participant,text\nA1,fine\nA2,odd '), Buffer.from([0x81]), Buffer.from('\n')]);
    const { accounts, warnings } = await load({ 'a.csv': bytes }, { encoding: 'windows-1252' });
    expect(accounts.map((a) => a.text)).toEqual(['fine', 'odd \uFFFD']);
    expect(warnings).toEqual(['a.csv:3: expected windows-1252 text, got a byte windows-1252 has no character for; replaced it with U+FFFD [input-bad-character]']);
  });

  it('a NUL past the first 64 KB is refused as binary data, as one within them is, with its line', async () => {
    const filler = 'participant,text\n' + Array.from({ length: 2000 }, (_, i) => `P${i},${'plain words '.repeat(4)}\n`).join('');
    expect(filler.length).toBeGreaterThan(64 * 1024);
    const binary = '[input-binary]';
    expect(await failure({ 'a.csv': `${filler}X,a \0 b\n` })).toBe(`a.csv:2002: expected a text file, got binary data (a spreadsheet, or UTF-16 text without a byte-order mark); save it as "CSV UTF-8" or plain text ${binary}`);
    expect(await failure({ 'a.csv': 'participant,text\nX,a \0 b\n' })).toBe(`a.csv: expected a text file, got binary data (a spreadsheet, or UTF-16 text without a byte-order mark); save it as "CSV UTF-8" or plain text ${binary}`);
    expect(await failure({ 'P1.txt': `${'a '.repeat(40_000)}\n\0` })).toMatch(/^P1\.txt:2: expected a text file, got binary data/);
    expect(await failure({ 'a.jsonl': `${'{"participant": "A", "text": "ok"}\n'.repeat(2000)}{"participant": "B", "text": "\0"}\n` })).toMatch(/^a\.jsonl:2001: expected a text file, got binary data/);
    expect(await failure({ 'a.csv': utf16('participant,text\nX,a \0 b\n') })).toMatch(/^a\.csv:2: expected a text file, got binary data/);
    // A NUL written as an escape in JSON is the same binary data.
    expect(await failure({ 'a.jsonl': '{"participant": "A", "text": "ok"}\n{"participant": "B", "text": "a \\u0000 b"}\n' })).toBe('a.jsonl:2: "text": expected text, got a NUL character (\\u0000), which is binary data [input-binary]');
    expect(await failure({ 'a.jsonl': '{"participant": "A", "text": "ok", "si\\u0000te": "x"}\n' })).toBe('a.jsonl:1: a key: expected text, got a NUL character (\\u0000), which is binary data [input-binary]');
  });

  it('an apostrophe at the start of a CSV account is kept, as in a .txt: inputs are never unescaped', async () => {
    const texts = ["'-ish' is how I felt.", "'=1+1 is a sum.", "''@home I rest."];
    const { accounts } = await load({ 'a.csv': `participant,text,site\n${texts.map((text, i) => `A${i},${text},'-North`).join('\n')}\n`, 'T1.txt': texts[0] });
    expect(accounts.map((a) => a.text)).toEqual([...texts, texts[0]]);
    expect(accounts[0].metadata.site).toBe("'-North");
  });
});
