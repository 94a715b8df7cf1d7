import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordTokens } from '../src/words/tag.js';
import { DEFAULT_CODEBOOK, DEFAULT_STRUCTURE_RULES, loadCodebook, parseCodebook } from '../src/index.js';
import { compileCodebook } from '../src/codebook/match.js';
import { loadCueFile } from '../src/structure/cue-file.js';
import { compileGlob } from '../src/text/glob.js';
import { tempDir } from './helpers/cli.js';

const errors = (yaml: string) => parseCodebook(yaml, 'book.yaml').messages.map(String);

describe('codebook validation', () => {
  it.each([
    ['name: x\ncodes: []\n', 'book.yaml:2:8: codes: expected at least 1 item, got an empty list [codebook-schema]'],
    ['name: x\ncodes:\n  - code: CO\n    name: Coaching\n    keywrods: [coach]\n', 'book.yaml:5:5: code "CO": unknown key "keywrods" (did you mean "keywords"?); expected one of code, name, description, aliases, negated, keywords, phrases, patterns, regex, exclude, min_matches, children, guid, colour, codable [codebook-schema]'],
    ['name: x\ncodes:\n  - code: CO\n    keywords: [coach]\n', 'book.yaml:3:5: code "CO": expected a "name" key, got none [codebook-schema]'],
    ['name: x\ncodes:\n  - code: CO\n    name: Coaching\n    keywords: coach\n', 'book.yaml:5:15: code "CO" > keywords: expected a list, got "coach" [codebook-schema]'],
    ['name: x\ncodes:\n  - code: CO\n    name: Coaching\n    keywords: [coach, "role model"]\n', 'book.yaml:5:23: code "CO" > keywords > item 2: expected one word, got 2 words in "role model"; put several words under phrases [codebook-bad-term]'],
    ['name: x\ncodes:\n  - {code: CO, name: A}\n  - {code: co, name: B}\n', 'book.yaml:4:12: code "co" is defined twice (first at line 3); expected each code once [codebook-duplicate-code]'],
    ['name: x\ncodes:\n  - code: 1CO\n    name: A\n', 'book.yaml:3:11: code "1CO" > code: expected a short code that starts with a letter and has only letters, digits, "_", "." or "-", got "1CO" [codebook-schema]'],
    ['name: x\ncodes:\n  - code: CO\n    name: [A\n', 'book.yaml:5:1: expected valid YAML, got flow sequence in block collection must be sufficiently indented and end with a ] [codebook-yaml]'],
    ['name: x\ndefault_code: ZZ\ncodes:\n  - {code: CO, name: A}\n', 'book.yaml:2:1: codebook: unknown key "default_code"; expected one of name, version, description, codes [codebook-schema]'],
    ['name: x\ncodes:\n  - {code: SUP, name: Support, codable: false, keywords: [support]}\n', 'book.yaml:3:41: code "SUP" is a folder (codable: false) but has rules; expected a folder without rules (remove codable: false, or move the rules to a code under it) [codebook-folder-rules]'],
    ['name: x\ncodes:\n  - {code: CO, name: A, guid: not-a-guid}\n', 'book.yaml:3:31: code "CO" > guid: expected a GUID such as 3a9e1b2c-0d4f-4e5a-8b6c-7d8e9f0a1b2c, got "not-a-guid" [codebook-schema]'],
    ['name: x\ncodes:\n  - {code: Sárga, name: Sárga zóna, colour: yellow, keywords: [sárga]}\n', 'book.yaml:3:45: code "Sárga" > colour: expected a colour as #RRGGBB, such as #2E86C1, got "yellow" [codebook-schema]'],
    ['name: x\ncodes:\n  - {code: CO, name: A, patterns: ["co-produc*"]}\n', 'book.yaml:3:36: code "CO" > patterns > item 1: expected one word of letters with * or ? wildcards, got "co-produc*" [codebook-bad-term]'],
  ])('rejects %j', (yaml, expected) => {
    expect(errors(yaml)[0]).toBe(expected);
  });

  it('rejects a "billion laughs" alias bomb at its first alias, and accepts modest aliases', () => {
    const levels = ['a: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let n = 1; n < 9; n++) levels.push(`l${n}: &l${n} [${Array(9).fill(`*l${n - 1}`).join(', ')}]`);
    const bomb = `${levels.join('\n')}\nname: x\ncodes:\n  - {code: CO, name: A, keywords: *l8}\n`;
    expect(errors(bomb)).toEqual(['book.yaml:2:10: expected aliases (*name) that expand to a reasonable size, got aliases that would make more than 100 copies; write the lists out instead [codebook-aliases]']);
    expect(errors('words: &w [coach, guide]\nname: x\ncodes:\n  - {code: CO, name: A, keywords: *w}\n  - {code: T, name: B, aliases: *w}\n')).toEqual(['book.yaml:1:1: codebook: unknown key "words"; expected one of name, version, description, codes [codebook-schema]']);
  });

  it('refuses a codebook file over 1 MB before reading it', async () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, `name: x\n#${'-'.repeat(1024 * 1024)}\n`);
    await expect(loadCodebook(file)).rejects.toThrow('expected a codebook of at most 1024 KB, got 1025 KB; is this the right file?');
  });

  it('reports every problem at once', () => {
    expect(errors('name: x\ncodes:\n  - code: CO\n    nme: A\n    keywords: 3\n')).toHaveLength(3);
  });

  it('reports a missing file by name', async () => {
    await expect(loadCodebook('nowhere.yaml')).rejects.toThrow('expected a codebook file to read, got no such file');
  });

  it('accepts the shipped codebooks', async () => {
    const themes = await loadCodebook(DEFAULT_CODEBOOK);
    expect(themes.codes.map((c) => c.code)).toEqual(['P', 'CO', 'T', 'WB', 'LA', 'LB', 'B', 'ME', 'C']);
    expect(themes.codes.find((c) => c.code === 'ME')?.aliases).toEqual(['Attentiveness']);
    expect(themes.codes.find((c) => c.code === 'T')?.aliases).toEqual(['Breaking habits']);
    const structure = await loadCueFile(DEFAULT_STRUCTURE_RULES);
    expect(structure.codes.map((c) => c.code)).toEqual(['OR', 'CA', 'EV', 'RE', 'AB', 'CODA']);
    expect(structure.codes.filter((c) => c.optional).map((c) => c.code)).toEqual(['AB', 'CODA']);
  });
});

describe('matching', () => {
  const book = parseCodebook(
    [
      'name: test',
      'codes:',
      '  - {code: P, name: Participation, keywords: [involve, consult], phrases: ["service users"]}',
      '  - {code: B, name: Beliefs, patterns: ["personalis*", "individual?"]}',
      '  - {code: CO, name: Coaching, keywords: [staff], phrases: ["help staff"]}',
    ].join('\n'),
    'test.yaml',
  ).codebook!;
  const match = compileCodebook(book);
  const code = (text: string) => match(wordTokens(text), text, 0);

  it.each([
    // Keywords match on the lemma: "involvement" is a word of its own.
    ['We involved residents and their involvement grew.', [{ code: 'P', evidence: ['involved'] }]],
    ['Residents are being consulted more', [{ code: 'P', evidence: ['consulted'] }]],
    // Phrases match lemma by lemma, across plural and case.
    ['Service user meetings', [{ code: 'P', evidence: ['Service user'] }]],
    // Globs: * any run of letters, ? exactly one.
    ['non personalised practice and personalisation', [{ code: 'B', evidence: ['personalised', 'personalisation'] }]],
    ['individuals and the individual', [{ code: 'B', evidence: ['individuals'] }]],
    // The longest match wins: "help staff" is listed once, not again as "staff".
    ['I help staff.', [{ code: 'CO', evidence: ['help staff'] }]],
    ['I help staff and other staff', [{ code: 'CO', evidence: ['help staff', 'staff'] }]],
    ['Nothing here.', []],
  ])('%s', (text, expected) => {
    expect(code(text)).toEqual(expected);
  });

  it('compiles globs to anchored, case-insensitive word patterns', () => {
    expect(compileGlob('personalis*').test('Personalised')).toBe(true);
    expect(compileGlob('personalis*').test('depersonalised')).toBe(false);
    expect(compileGlob('c?t').test('cat')).toBe(true);
    expect(compileGlob('c?t').test('cart')).toBe(false);
    expect(compileGlob('a.b').test('axb')).toBe(false);
    expect(compileGlob('*ing*').test("bring's")).toBe(true);
    expect(compileGlob('s*e*d').test('supported')).toBe(true);
    expect(compileGlob('s*e*d').test('supporter')).toBe(false);
    expect(compileGlob('??é').test('Café')).toBe(false);
    expect(compileGlob('?afé').test('Café')).toBe(true);
    expect(compileGlob('*').test('two words')).toBe(false);
  });

  it('matches a glob that would make a regular expression backtrack against a very long word', () => {
    const word = 'a'.repeat(20_000);
    expect(compileGlob('a*a*a*a*a*a*a*a*b').test(word)).toBe(false);
    expect(compileGlob('a*a*a*a*a*a*a*a*a').test(word)).toBe(true);
  });
});
