import { codePointLength } from '../text/code-points.js';
import type { SegmentRow } from './segments.js';

/** True when a row's offsets count UTF-16 code units: its span fits the text that way and not in code points. */
function countsUtf16(row: SegmentRow): boolean {
  const span = row.end - row.start;
  return span === row.text.length && span !== codePointLength(row.text);
}

/**
 * Brings offsets written in UTF-16 code units (by reflect-code before
 * offsets were code points) to code points, in place, so that older and
 * newer files pair up. A file counts UTF-16 units when one of its rows
 * can be read no other way (its text holds an emoji and its span is the
 * text's UTF-16 length); then each row's offsets lose the surrogate pairs
 * of the rows of its account that come before it. Pairs in text between
 * segments (a heading) cannot be seen and are not counted. Files without
 * such characters read the same either way and are left alone.
 */
export function codePointOffsets(rows: SegmentRow[]): void {
  if (!rows.some((row) => !Number.isNaN(row.start) && !Number.isNaN(row.end) && countsUtf16(row))) return;
  const byAccount = new Map<string, SegmentRow[]>();
  for (const row of rows) if (!Number.isNaN(row.start)) byAccount.set(row.participant, [...(byAccount.get(row.participant) ?? []), row]);
  for (const group of byAccount.values()) {
    let pairs = 0;
    for (const row of [...group].sort((a, b) => a.start - b.start)) {
      const own = row.text.length - codePointLength(row.text);
      row.start -= pairs;
      if (!Number.isNaN(row.end)) row.end -= pairs + own;
      pairs += own;
    }
  }
}
