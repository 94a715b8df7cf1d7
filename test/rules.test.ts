import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../src/index.js';
import { compileCodebook, traceCodebook } from '../src/codebook/match.js';
import { checkRegex } from '../src/codebook/regex.js';
import { atLevel } from '../src/codebook/level.js';
import { wordTokens } from '../src/words/tag.js';
import { cli, tempDir } from './helpers/cli.js';

/** A matcher over a codebook given as YAML lines. */
function coder(...lines: string[]) {
  const { codebook, messages } = parseCodebook(['name: test', 'codes:', ...lines].join('\n'), 'test.yaml');
  if (!codebook) throw new Error(messages.map(String).join('\n'));
  const match = compileCodebook(codebook);
  return (text: string) => match(wordTokens(text), text, 0);
}

/** One test per row: the codes and evidence `code` gives the text. */
function cases(code: (text: string) => unknown, rows: Array<[string, unknown[]]>): void {
  it.each(rows)('%s', (text, expected) => {
    expect(code(text)).toEqual(expected);
  });
}

describe('rule kinds', () => {
  const code = coder(
    '  - {code: K, name: Keywords, keywords: [involve]}',
    '  - {code: P, name: Phrases, phrases: ["service users"]}',
    '  - {code: G, name: Globs, patterns: ["personalis*", "c?t"]}',
    "  - {code: R, name: Regex, regex: ['\\bco-?produc\\w*']}",
    '  - {code: S, name: Sensitive, keywords: [{term: NHS, case: sensitive}], patterns: [{term: "Rota*", case: sensitive}]}',
  );
  cases(code, [
    ['They involved us and we felt involvement.', [{ code: 'K', evidence: ['involved'] }]],
    ['Service user meetings', [{ code: 'P', evidence: ['Service user'] }]],
    ['Users of the service', []],
    ['personalised care; the cat, then the cart', [{ code: 'G', evidence: ['personalised', 'cat'] }]],
    ['We co-produced the plan and coproduction followed', [{ code: 'R', evidence: ['co-produced', 'coproduction'] }]],
    ['CO-PRODUCE', [{ code: 'R', evidence: ['CO-PRODUCE'] }]],
    ['The NHS and the nhs', [{ code: 'S', evidence: ['NHS'] }]],
    ['Rotas and rotas', [{ code: 'S', evidence: ['Rotas'] }]],
  ]);
});

describe('negation', () => {
  const code = coder(
    '  - {code: LA, name: Learning, keywords: [learn]}',
    '  - {code: ME, name: Emotion, phrases: [{term: "sucked in", negatable: false}, "step back"]}',
  );
  cases(code, [
    ['I learned a lot', [{ code: 'LA', evidence: ['learned'] }]],
    ['I did not learn', []],
    ['I never really learned anything', []],
    ["I didn't learn", []],
    // "no longer" marks a change, not a negation.
    ['I no longer learn from it', [{ code: 'LA', evidence: ['learn'] }]],
    ['without learning', []],
    ['I cannot learn this way', []],
    // The scope is the clause, however far the negator stands from the match.
    ['not that I expect to learn', []],
    ['no, I learn', [{ code: 'LA', evidence: ['learn'] }]],
    // "say no" quotes the word; it does not negate.
    ['I learned to say no to the owners', [{ code: 'LA', evidence: ['learned'] }]],
    ['I said no, so I did not learn', []],
    // A contrasting ", not" negates what follows it, not what went before.
    ['I learn from the residents, not from the books', [{ code: 'LA', evidence: ['learn'] }]],
    ['I learn from the residents; not from the books', [{ code: 'LA', evidence: ['learn'] }]],
    ['I read the books, not to learn', []],
    ['It is the residents, not the books, I learn from', [{ code: 'LA', evidence: ['learn'] }]],
    ['I did not learn, not from the books', []],
    // "not only" and "not just" mean "also".
    ['I not only read it, I learn from it', [{ code: 'LA', evidence: ['learn'] }]],
    ['I ask what they learn, not just what they did', [{ code: 'LA', evidence: ['learn'] }]],
    // negatable: false keeps the match after a negator.
    ['I am not getting sucked in', [{ code: 'ME', evidence: ['sucked in'] }]],
    ['I do not step back', []],
  ]);

  it('explains which negator vetoed which match', () => {
    const { codebook } = parseCodebook('name: t\ncodes:\n  - {code: LA, name: L, keywords: [learn]}\n', 't.yaml');
    const text = 'I did not learn much but I learned later';
    const [trace] = traceCodebook(codebook!)(wordTokens(text), text, 0);
    expect(trace.fired.map((m) => m.words)).toEqual(['learned']);
    expect(trace.vetoed.map((m) => [m.words, m.reason, m.by])).toEqual([['learn', 'negation', 'not']]);
    expect(trace.applied).toBe(true);
  });
});

describe('exclude', () => {
  const code = coder('  - {code: ME, name: Emotion, phrases: ["sucked in"], keywords: [calm], exclude: ["not getting sucked in", "calm down"]}');
  cases(code, [
    ['I got sucked in again', [{ code: 'ME', evidence: ['sucked in'] }]],
    // An exclude term vetoes every match of its code in the segment.
    ['I am not getting sucked in and feel calm', []],
    ['Staff told me to calm down', []],
    ['Staff told me to stay calm', [{ code: 'ME', evidence: ['calm'] }]],
  ]);
});

describe('overlap, weights and min_matches', () => {
  const code = coder(
    '  - {code: CO, name: Coaching, keywords: [staff, help], phrases: ["help staff"]}',
    '  - {code: WB, name: Wellbeing, keywords: [rest, sleep, {term: burnout, weight: 2}], min_matches: 2}',
    '  - {code: ST, name: Staff, keywords: [{term: staff, shared: true}]}',
  );
  cases(code, [
    // The longest match is listed once: "help staff", not again "help" and "staff".
    ['I help staff.', [{ code: 'CO', evidence: ['help staff'] }, { code: 'ST', evidence: ['staff'] }]],
    ['I help staff and other staff', [{ code: 'CO', evidence: ['help staff', 'staff'] }, { code: 'ST', evidence: ['staff'] }]],
    // min_matches 2: one match of weight 1 is not enough, two are, one of weight 2 is.
    ['I need rest', []],
    ['I need rest and sleep', [{ code: 'WB', evidence: ['rest', 'sleep'] }]],
    ['close to burnout', [{ code: 'WB', evidence: ['burnout'] }]],
    ['rest, rest', [{ code: 'WB', evidence: ['rest'] }]],
  ]);
});

describe('regular expressions', () => {
  it('refuses a pattern that could backtrack catastrophically, and one that matches nothing', () => {
    expect(checkRegex('(a+)+$', false).problem).toMatch(/^expected a regular expression that runs in linear time, got "\(a\+\)\+\$", which can take exponential time/);
    expect(checkRegex('\\s*x\\s*$', false).problem).toMatch(/which can take polynomial time/);
    expect(checkRegex('a*', false).problem).toBe('expected a regular expression that needs at least one character, got "a*", which matches empty text');
    expect(checkRegex('(unclosed', false).problem).toBe('expected a regular expression, got "(unclosed" (unterminated group)');
  });

  it('rejects (a+)+$ at load, and runs an accepted regex over a 100,000-character text', () => {
    expect(parseCodebook("name: t\ncodes:\n  - {code: R, name: R, regex: ['(a+)+$']}\n", 't.yaml').messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['3:32 codebook-bad-regex']);
    expect(checkRegex('a+$', false).problem).toMatch(/which can take polynomial time .*; anchor a repeat with \\b or \^/);
    const code = coder("  - {code: R, name: R, regex: ['\\bco-?produc\\w*']}");
    expect(code(`${'co-'.repeat(33_333)}x`)).toEqual([]);
    expect(code(`${'co-'.repeat(33_333)}produce`)).toEqual([{ code: 'R', evidence: ['co-produce'] }]);
  });
});

describe('hierarchy', () => {
  const { codebook } = parseCodebook(
    ['name: t', 'codes:', '  - code: SUP', '    name: Support', '    keywords: [support]', '    children:', '      - {code: PEER, name: Peer support, phrases: ["my colleagues"]}', '      - {code: FAM, name: Family, keywords: [family]}', '  - {code: STR, name: Strain, keywords: [stress]}'].join('\n'),
    't.yaml',
  );

  it('lists children after their parent, each knowing its parent', () => {
    expect(codebook!.codes.map((c) => [c.code, c.parent])).toEqual([['SUP', undefined], ['PEER', 'SUP'], ['FAM', 'SUP'], ['STR', undefined]]);
  });

  it.each([
    ['leaves', ['PEER', 'FAM', 'STR'], ['PEER', 'FAM', 'STR']],
    ['parents', ['PEER', 'FAM', 'STR'], ['SUP', 'STR']],
    ['parents', ['SUP', 'PEER'], ['SUP']],
    ['parents', ['NEW'], ['NEW']],
  ] as const)('at %s counts %j as %j', (level, codes, expected) => {
    expect(atLevel(codebook!, level).rollUp(codes)).toEqual(expected);
  });

  it('gives the parents their children\'s names as merged names at the parents level', () => {
    const parents = atLevel(codebook!, 'parents').codebook.codes;
    expect(parents.map((c) => [c.code, c.aliases, c.rules.map((r) => r.term)])).toEqual([
      ['SUP', ['Peer support', 'Family'], ['support', 'my colleagues', 'family']],
      ['STR', [], ['stress']],
    ]);
  });
});

describe('--level on analyse and tabulate (the command line)', () => {
  it('counts child codes as coded, or rolled up to their parent', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'book.yaml'), ['name: Levels', 'codes:', '  - code: SUP', '    name: Support', '    children:', '      - {code: PEER, name: Peer support, phrases: ["my colleagues"]}', '      - {code: FAM, name: Family, keywords: [family]}', '  - {code: STR, name: Strain, keywords: [stress]}', ''].join('\n'));
    writeFileSync(join(dir, 'accounts.csv'), 'participant,text\nA1,My colleagues and the family helped. I felt stress.\nA2,The family was there.\n');
    const run = (level: string, out: string) => cli(['analyse', join(dir, 'accounts.csv'), '--codebook', join(dir, 'book.yaml'), '--unit', 'sentence', '--level', level, '--out', join(dir, out), '--no-report', '--no-check', '-q']);
    expect((await run('leaves', 'leaves')).code).toBe(0);
    expect(readFileSync(join(dir, 'leaves/themes.csv'), 'utf8')).toBe('\uFEFFcode,name,segments,percent_segments,participants,percent_participants\nFAM,Family,2,66.7,2,100.0\nPEER,Peer support,1,33.3,1,50.0\nSTR,Strain,1,33.3,1,50.0\nSUP,Support,0,0.0,0,0.0\n');
    expect((await run('parents', 'parents')).code).toBe(0);
    expect(readFileSync(join(dir, 'parents/themes.csv'), 'utf8')).toBe('\uFEFFcode,name,segments,percent_segments,participants,percent_participants\nSUP,Support,2,66.7,2,100.0\nSTR,Strain,1,33.3,1,50.0\n');
    // segments.csv keeps the codes as coded, so tabulate can count it at either level.
    expect(readFileSync(join(dir, 'parents/segments.csv'), 'utf8')).toContain(',PEER;FAM,');
    expect((await cli(['tabulate', join(dir, 'leaves/segments.csv'), '--codebook', join(dir, 'book.yaml'), '--level', 'parents', '--out', join(dir, 'tabulated'), '--no-report', '-q'])).code).toBe(0);
    expect(readFileSync(join(dir, 'tabulated/themes.csv'), 'utf8')).toBe(readFileSync(join(dir, 'parents/themes.csv'), 'utf8'));
  });
});
