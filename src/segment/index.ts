import type { Transform } from '../document.js';
import { splitBlocks, type Block } from './blocks.js';
import { splitClauses } from './clauses.js';
import { splitLines } from './lines.js';
import { splitSentences } from './sentences.js';
import type { Span } from './span.js';

/** The units an account can be cut into. */
export const UNITS = ['clause', 'sentence', 'line', 'paragraph', 'section'] as const;

/**
 * A segmentation unit: `clause` (default), `sentence`, `line` (physical
 * lines, as the study's figures), `paragraph` (text between blank lines; a
 * list is one) or `section` (everything under one heading).
 */
export type Unit = (typeof UNITS)[number];

/** A segment's span, with the section heading it stands under (empty for none). */
export interface SectionSpan extends Span {
  section: string;
}

/** How a block is cut into segments, for the units smaller than a block. */
const WITHIN: Record<'clause' | 'sentence' | 'line', (text: string) => Span[]> = {
  clause: splitClauses,
  sentence: splitSentences,
  line: splitLines,
};

/** Blocks run together while `same` holds between neighbours: paragraphs, or sections. */
function joined(blocks: readonly Block[], same: (a: Block, b: Block) => boolean): SectionSpan[] {
  const spans: SectionSpan[] = [];
  blocks.forEach((block, i) => {
    if (i > 0 && same(blocks[i - 1], block)) spans[spans.length - 1].end = block.end;
    else spans.push({ start: block.start, end: block.end, section: block.section });
  });
  return spans;
}

/**
 * Cuts a text into units; each span slices back to its segment. Headings
 * are never part of a segment: each segment carries the section it stands
 * under. No segment crosses a paragraph or a list item (see `splitBlocks`).
 */
export function split(text: string, unit: Unit = 'clause'): SectionSpan[] {
  const blocks = splitBlocks(text);
  if (unit === 'paragraph') return joined(blocks, (a, b) => a.paragraph === b.paragraph && a.section === b.section);
  if (unit === 'section') return joined(blocks, (a, b) => a.section === b.section);
  const within = WITHIN[unit];
  return blocks.flatMap((block) => within(text.slice(block.start, block.end)).map((span) => ({ start: block.start + span.start, end: block.start + span.end, section: block.section })));
}

/** Stage: cuts each account into segments of the given unit, keeping offsets and sections. */
export function segment(options: { unit?: Unit } = {}): Transform {
  const unit = options.unit ?? 'clause';
  return (doc) => {
    doc.segments = split(doc.text, unit).map(({ start, end, section }, i) => ({
      index: i + 1,
      start,
      end,
      text: doc.text.slice(start, end),
      section,
      themes: [],
    }));
  };
}
