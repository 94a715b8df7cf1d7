import type { Transform } from '../document.js';
import { splitClauses } from './clauses.js';
import { splitLines } from './lines.js';
import { splitSentences } from './sentences.js';
import type { Span } from './span.js';

/** The units an account can be cut into. */
export const UNITS = ['clause', 'sentence', 'line'] as const;

/** A segmentation unit: `clause` (default), `sentence` or `line` (physical lines, as the study's figures). */
export type Unit = (typeof UNITS)[number];

const SPLITTERS: Record<Unit, (text: string) => Span[]> = {
  clause: splitClauses,
  sentence: splitSentences,
  line: splitLines,
};

/** Cuts a text into units; each span slices back to its segment. */
export function split(text: string, unit: Unit = 'clause'): Span[] {
  return SPLITTERS[unit](text);
}

/** Stage: cuts each account into segments of the given unit, keeping offsets. */
export function segment(options: { unit?: Unit } = {}): Transform {
  const splitter = SPLITTERS[options.unit ?? 'clause'];
  return (doc) => {
    doc.segments = splitter(doc.text).map(({ start, end }, i) => ({
      index: i + 1,
      start,
      end,
      text: doc.text.slice(start, end),
      themes: [],
    }));
  };
}
