import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { split, type Unit } from '../src/index.js';

const cut = (text: string, unit: Unit) => split(text, unit).map(({ start, end }) => [start, end, text.slice(start, end)]);

describe('clause segmentation', () => {
  it.each([
    ['I was tired; the shift was long. I asked for help and I got it.', [[0, 12, 'I was tired;'], [13, 32, 'the shift was long.'], [33, 49, 'I asked for help'], [50, 63, 'and I got it.']]],
    // "because" with its own subject splits; a "who" clause without one stays.
    ['I went home because I was ill. Staff who knew me called.', [[0, 11, 'I went home'], [12, 30, 'because I was ill.'], [31, 56, 'Staff who knew me called.']]],
    // "which" with its own subject is a clause of its own.
    ['We changed the rota, which nobody noticed.', [[0, 20, 'We changed the rota,'], [21, 42, 'which nobody noticed.']]],
    // A coordinated verb phrase has no new subject: one clause.
    ['I listened and learned a lot.', [[0, 29, 'I listened and learned a lot.']]],
    // A comma followed by a subject pronoun starts the main clause.
    ['Helping staff to see each resident as an individual, I have been trying.', [[0, 52, 'Helping staff to see each resident as an individual,'], [53, 72, 'I have been trying.']]],
    // A noun-phrase subject with its verb after "but".
    ['It sounds small but the atmosphere has changed.', [[0, 15, 'It sounds small'], [16, 47, 'but the atmosphere has changed.']]],
    ['I have worked with staff to help them consider- What would you want?', [[0, 47, 'I have worked with staff to help them consider-'], [48, 68, 'What would you want?']]],
    // "and" between two subjects joins them; after a verb it starts a clause.
    ['My deputy and I agreed the new rota.', [[0, 36, 'My deputy and I agreed the new rota.']]],
    ['We talked \u2013 the staff were pleased.', [[0, 11, 'We talked \u2013'], [12, 35, 'the staff were pleased.']]],
  ])('%s', (text, expected) => {
    expect(cut(text, 'clause')).toEqual(expected);
  });

  it('joins a piece with no words to the clause before it', () => {
    expect(cut('I tried; ...', 'clause')).toEqual([[0, 12, 'I tried; ...']]);
  });
});

describe('sentence segmentation', () => {
  it('keeps abbreviations inside a sentence and reads single line breaks as spaces', () => {
    const text = 'Dr. Smith came in,\ne.g. on Mondays. She was late.\n\nNew paragraph';
    expect(cut(text, 'sentence')).toEqual([
      [0, 35, 'Dr. Smith came in,\ne.g. on Mondays.'],
      [36, 49, 'She was late.'],
      [51, 64, 'New paragraph'],
    ]);
  });

  it('cuts a long text into blocks without changing a single sentence', () => {
    const accounts = readFileSync(new URL('../samples/accounts.csv', import.meta.url), 'utf8');
    const long = `${accounts.repeat(4)} Dr. Smith agreed. ${'word '.repeat(9000)}end.`;
    const whole = new Intl.Segmenter('en', { granularity: 'sentence' });
    const unwrapped = long.replace(/(?<![\r\n])(\r\n|\n|\r)(?![\r\n])/g, (lineBreak) => ' '.repeat(lineBreak.length));
    const expected = [...whole.segment(unwrapped)]
      .filter(({ segment }) => segment.trim() !== '')
      .map(({ index, segment }) => index + segment.length - segment.trimStart().length);
    const starts = split(long, 'sentence').map(({ start }) => start);
    // The only difference from one whole pass: "Dr." does not end a sentence.
    const doctor = long.indexOf('Smith agreed.');
    expect(starts).toEqual(expected.filter((start) => start !== doctor));
    expect(long.length).toBeGreaterThan(3 * 8000);
  });

  it('ends a sentence at "no." unless a number follows', () => {
    expect(cut('She said no. Then she left. Room No. 5 was empty.', 'sentence').map(([, , text]) => text)).toEqual(['She said no.', 'Then she left.', 'Room No. 5 was empty.']);
  });

  it('splits at question marks', () => {
    expect(cut('What would you want? What would you not like?', 'sentence')).toEqual([
      [0, 20, 'What would you want?'],
      [21, 45, 'What would you not like?'],
    ]);
  });
});

describe('line segmentation', () => {
  it('keeps physical lines, trimmed, with CRLF, LF or CR endings, and drops blank lines', () => {
    const text = '  first line \r\nsecond\n\n   \rthird\n';
    expect(cut(text, 'line')).toEqual([
      [2, 12, 'first line'],
      [15, 21, 'second'],
      [27, 32, 'third'],
    ]);
  });
});

describe('offsets', () => {
  const accounts = readFileSync(new URL('../samples/accounts.csv', import.meta.url), 'utf8');
  it.each(['clause', 'sentence', 'line'] as const)('%s segments slice back, do not overlap and have no outer white space', (unit) => {
    const spans = split(accounts, unit);
    expect(spans.length).toBeGreaterThan(10);
    let last = 0;
    for (const { start, end } of spans) {
      expect(start).toBeGreaterThanOrEqual(last);
      expect(end).toBeGreaterThan(start);
      expect(accounts.slice(start, end)).toBe(accounts.slice(start, end).trim());
      last = end;
    }
  });
});

describe('lines that end in a colon, and dashes inside a sentence', () => {
  const pieces = (text: string, unit: 'sentence' | 'clause' = 'sentence') => split(text, unit).map(({ start, end }) => text.slice(start, end));
  it.each([
    // A sentence that a colon ends is coded, not taken for a heading.
    ['A resident fell.\nI felt really anxious:\nI rang the nurse.', ['A resident fell.', 'I felt really anxious:\nI rang the nurse.']],
    ['The manager said:\nkeep going.', ['The manager said:\nkeep going.']],
    // A short line that reads as a heading names a section and is not coded.
    ['Key learning points:\nI listen more.', ['I listen more.']],
    // Spaced dashes are punctuation; dashes run into words are list items.
    ['I felt tired - I had worked all night - I needed rest.', ['I felt tired - I had worked all night - I needed rest.']],
    ['My goals: -Delegating more -Holding 1:1s', ['My goals:', 'Delegating more', 'Holding 1:1s']],
  ])('%j', (text, expected) => {
    expect(pieces(text)).toEqual(expected);
  });
});
