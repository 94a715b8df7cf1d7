import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeThemes, compileCodebook, loadCodebook, parseCodebook, segment, split, toDoc, wordTokens, DEFAULT_CODEBOOK } from '../src/index.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';

const mentorship = await loadCodebook(DEFAULT_CODEBOOK);

/** The codes the default codebook gives each clause of a text, as `analyse` would. */
function codes(text: string): string[][] {
  const doc = toDoc({ participant: 'X', text, source: { file: 'test', line: 1 }, metadata: {} });
  segment()(doc);
  codeThemes({ codebook: mentorship })(doc);
  return doc.segments.map((s) => s.themes.map((hit) => hit.code));
}

/** A matcher over a codebook given as YAML lines, on tagged words. */
function coder(...lines: string[]) {
  const { codebook, messages } = parseCodebook(['name: test', 'codes:', ...lines].join('\n'), 'test.yaml');
  if (!codebook) throw new Error(messages.map(String).join('\n'));
  const match = compileCodebook(codebook);
  return (text: string) => match(wordTokens(text), text, 0).map((hit) => hit.code);
}

describe('the failures of issue 12, coded with the default codebook', () => {
  it.each<[string, string, string[]]>([
    ['negation by "nothing"', 'I learnt nothing.', ['LB']],
    ['"nothing much" before the change', 'Honestly nothing much has changed.', ['LB']],
    ['"no" before the change', 'There has been no change on my unit.', ['LB']],
    ['a negated "get much out of"', "We didn't get much out of the group sessions.", ['LB']],
    ['a negated "convinced"', "At first I wasn't convinced.", ['LB']],
    ['a negated problem is not dropped', "I didn't want her to think I couldn't cope.", ['ME']],
    ['"felt" is the lemma "feel"', 'I felt overwhelmed.', ['ME']],
    ['patient, the noun, is not ME', 'After a patient shouted at me I went home.', []],
    ['patient, the adjective, is ME', 'I am more patient with my team.', ['ME']],
    ['a health centre is not well being', 'We share a busy health centre with the GP.', []],
    ['a mental health team is not well being', 'The community mental health team rang.', []],
    ['a tick box exercise is context, not well being or participation', 'It felt like a tick box exercise.', ['C']],
    ['authority alone is not context', 'I now have the authority to move cases.', ['T']],
    ['a guide, the noun, is not coaching', 'I read the preparation guide.', []],
    ['Skills for Care is context, not learning', 'We follow the Skills For Care Standards.', ['C']],
    ['either word order of work-life balance', 'My life work balance is better.', ['WB']],
  ])('%s: "%s"', (_, text, expected) => {
    expect(codes(text)).toEqual([expected]);
  });

  it('matches "manager" on its lemma, not "management"; on its stem when the rule says so', () => {
    const lemma = coder('  - {code: M, name: Manager, keywords: [manager]}');
    const stem = coder('  - {code: M, name: Manager, keywords: [{term: manager, match: stem}]}');
    expect([lemma('the management team'), lemma('my managers')]).toEqual([[], ['M']]);
    expect(stem('the management team')).toEqual(['M']);
  });

  it('keeps a match, vetoes it, or counts it for another code, as negated says', () => {
    const code = coder('  - {code: T, name: Change, negated: LB, keywords: [change]}', '  - {code: LB, name: Negative, keywords: [pointless]}', '  - {code: K, name: Keep, keywords: [{term: cope, negated: keep}, calm]}');
    expect(['Nothing changed.', 'It changed.', "I couldn't cope.", 'I was never calm.', 'Not only did it change, I changed.'].map(code)).toEqual([['LB'], ['T'], ['K'], [], ['T']]);
  });

  it('reads the scope of a negator as its clause, not a window of words', () => {
    const code = coder('  - {code: LA, name: Learning, keywords: [learn]}');
    expect(['I did not expect, after all those years in the job, to learn', 'I did not enjoy the course but I learned a lot', 'I learned a little', 'I learned little'].map(code)).toEqual([[], ['LA'], ['LA'], []]);
  });
});

describe('sections and lists', () => {
  const log = 'Description:\nA carer rang me in tears.\n\nFeelings:\nI felt overwhelmed. But, I stayed calm and\nI listened.\n\nAction plan\n-Delegating the audits -Holding 1:1s every month -Taking my full lunch break';

  it('never makes a heading, a lone conjunction or a dangling "and" a segment', () => {
    expect(split(log).map(({ start, end, section }) => [section, log.slice(start, end)])).toEqual([
      ['Description', 'A carer rang me in tears.'],
      ['Feelings', 'I felt overwhelmed.'],
      ['Feelings', 'But, I stayed calm'],
      ['Feelings', 'and\nI listened.'],
      ['Action plan', 'Delegating the audits'],
      ['Action plan', 'Holding 1:1s every month'],
      ['Action plan', 'Taking my full lunch break'],
    ]);
  });

  it('cuts by paragraph and by section', () => {
    expect(split(log, 'section').map(({ section }) => section)).toEqual(['Description', 'Feelings', 'Action plan']);
    expect(split('One. Two.\n\nThree.\n- four\n- five', 'paragraph').map(({ start, end }) => end - start)).toEqual([9, 20]);
  });

  it('writes the section column and themes-by-section.csv, and codes no heading', async () => {
    const dir = tempDir();
    const input = join(dir, 'log.csv');
    const out = join(dir, 'out');
    writeFileSync(input, `participant,text\nL1,"${log}"\n`);
    expect((await cli(['analyse', input, '--out', out, '--no-report'])).code).toBe(0);
    const segments = readFileSync(join(out, 'segments.csv'), 'utf8').split('\n');
    expect(segments[0]).toBe('\uFEFFparticipant,segment,start,end,text,themes,structure,theme_evidence,structure_evidence,structure_note,section');
    expect(segments.filter((line) => /Feelings:|Action plan\n/.test(line))).toEqual([]);
    expect(readFileSync(join(out, 'themes-by-section.csv'), 'utf8')).toBe(
      '\uFEFFsection,segments,P,CO,T,WB,LA,LB,B,ME,C\nDescription,1,0,0,0,0,0,0,0,1,0\nFeelings,3,0,0,0,0,0,0,0,3,0\nAction plan,3,0,2,0,1,0,0,0,0,0\n',
    );
  });
});

describe('the default codebook is not written from the two published accounts', () => {
  it.each(['what would you', 'have you tried', 'worked with staff', 'instrumental', "resident's home", 'as a carer', 'sucked into', 'less tolerant', 'boundaries'])('has no rule "%s"', (term) => {
    const terms = mentorship.codes.flatMap((code) => code.rules.map((rule) => rule.term.toLowerCase()));
    expect(terms).not.toContain(term);
    expect(readFileSync(join(ROOT, 'codebooks/mentorship.yaml'), 'utf8')).not.toMatch(new RegExp(`\\b${term}\\b`, 'i'));
  });
});

describe('codebook checks of the new rule options', () => {
  it('names file, line, what was expected and what was found, with a stable rule id', () => {
    const { codebook, messages } = parseCodebook(
      [
        'name: test',
        'codes:',
        '  - code: T',
        '    name: Change',
        '    negated: LX',
        '    keywords: [{term: patient, pos: adjective}, {term: health, except: [tick box]}]',
        '    phrases: [{term: "mental health", pos: NOUN}]',
        '  - {code: W, name: Well, keywords: [{term: rest, negated: T}]}',
      ].join('\n'),
      'book.yaml',
    );
    expect(codebook).toBeUndefined();
    expect(messages.every((m) => m.file === 'book.yaml')).toBe(true);
    expect(messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`)).toEqual([
      '5 codebook-unknown-code code "T" > negated: expected veto, keep or one of the codes (T, W), got "LX" (did you mean "T"?)',
      '6 codebook-bad-option code "T" > keywords > item 1: pos: expected one of ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, SCONJ, VERB, X, got "adjective"',
      '6 codebook-bad-except code "T" > keywords > item 2: except: expected a phrase that contains "health", got "tick box"',
      '7 codebook-bad-option code "T" > phrases > item 1: expected pos only on keywords and patterns (one word), got it on phrases',
    ]);
  });
});
