import { trimSpan, type Span } from './span.js';

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:dr|mr|mrs|ms|prof|st|e\.g|i\.e|cf|vs|approx|no)\.$/i;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a text into sentences with the Unicode (UAX #29) sentence rules
 * built into Node's `Intl.Segmenter`, which keeps offsets and runs in
 * linear time. A single line break is read as a space (hard-wrapped
 * text); a blank line always ends a sentence. A full stop after a common
 * abbreviation (Dr., e.g.) does not end one.
 */
export function splitSentences(text: string): Span[] {
  // Same length as `text`, so offsets carry over unchanged.
  const unwrapped = text.replace(/(?<![\r\n])(\r\n|\n|\r)(?![\r\n])/g, (lineBreak) => ' '.repeat(lineBreak.length));
  const spans: Span[] = [];
  let pending: Span | undefined;
  for (const { index, segment } of segmenter.segment(unwrapped)) {
    const span = trimSpan(text, index, index + segment.length);
    if (!span) continue;
    const merged: Span = pending ? { start: pending.start, end: span.end } : span;
    if (ABBREVIATION.test(text.slice(merged.start, merged.end))) pending = merged;
    else {
      spans.push(merged);
      pending = undefined;
    }
  }
  if (pending) spans.push(pending);
  return spans;
}
