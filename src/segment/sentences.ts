import { trimSpan, type Span } from './span.js';

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:dr|mr|mrs|ms|prof|st|e\.g|i\.e|cf|vs|approx)\.$/i;

/** "No." ends a sentence ("she said no.") unless a number follows ("No. 5"). */
const NUMBER_ABBREVIATION = /(?:^|[\s(])no\.$/i;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Longest stretch handed to `Intl.Segmenter` at once: its cost grows
 * faster than the length of the string (a 400 kB text takes 45 times as
 * long as a 100 kB one), so long texts are cut into blocks first.
 */
const BLOCK = 8_000;

/** Where a block may end: after a sentence's final punctuation and the spaces that follow, before a capital. */
const SENTENCE_END = /[.!?]['"\u2019\u201d)\]]*\s+(?=[\p{Lu}\p{N}])/gu;

/**
 * Offsets at which a long text is cut into blocks: each block ends at the
 * last likely sentence end within {@link BLOCK} characters, or at the
 * first one after that when a sentence is longer; text with no sentence
 * end at all stays one block (it is one sentence).
 */
function blockEnds(text: string): number[] {
  const ends: number[] = [];
  const finder = new RegExp(SENTENCE_END.source, SENTENCE_END.flags);
  let start = 0;
  while (text.length - start > BLOCK) {
    let cut = -1;
    finder.lastIndex = start;
    for (let match = finder.exec(text); match; match = finder.exec(text)) {
      const end = match.index + match[0].length;
      if (cut >= 0 && end - start > BLOCK) break;
      cut = end;
    }
    if (cut < 0 || cut >= text.length) break;
    ends.push(cut);
    start = cut;
  }
  ends.push(text.length);
  return ends;
}

/** The sentence pieces `Intl.Segmenter` finds, block by block, as offsets into the whole text. */
function* pieces(unwrapped: string): Generator<{ index: number; length: number }> {
  let start = 0;
  for (const end of blockEnds(unwrapped)) {
    for (const { index, segment } of segmenter.segment(unwrapped.slice(start, end))) yield { index: start + index, length: segment.length };
    start = end;
  }
}

/**
 * Splits a text into sentences with the Unicode (UAX #29) sentence rules
 * built into Node's `Intl.Segmenter`, which keeps offsets. A single line
 * break is read as a space (hard-wrapped text); a blank line always ends
 * a sentence. A full stop after a common abbreviation (Dr., e.g.) does
 * not end one. Long texts are segmented in blocks, so the time taken
 * grows in proportion to the length.
 */
export function splitSentences(text: string): Span[] {
  // Same length as `text`, so offsets carry over unchanged.
  const unwrapped = text.replace(/(?<![\r\n])(\r\n|\n|\r)(?![\r\n])/g, (lineBreak) => ' '.repeat(lineBreak.length));
  const spans: Span[] = [];
  let pending: Span | undefined;
  for (const { index, length } of pieces(unwrapped)) {
    const span = trimSpan(text, index, index + length);
    if (!span) continue;
    const merged: Span = pending ? { start: pending.start, end: span.end } : span;
    const sentence = text.slice(merged.start, merged.end);
    if (ABBREVIATION.test(sentence) || (NUMBER_ABBREVIATION.test(sentence) && /^\s*\d/.test(text.slice(merged.end, merged.end + 4)))) pending = merged;
    else {
      spans.push(merged);
      pending = undefined;
    }
  }
  if (pending) spans.push(pending);
  return spans;
}
