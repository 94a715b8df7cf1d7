/** A surrogate pair: one code point written as two UTF-16 code units (an emoji, a rare CJK character). */
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The number of Unicode code points in a text (a surrogate pair counts once). */
export function codePointLength(text: string): number {
  let pairs = 0;
  PAIR.lastIndex = 0;
  while (PAIR.exec(text) !== null) pairs++;
  return text.length - pairs;
}

/** The UTF-16 offsets at which the surrogate pairs of a text begin, in order. */
function pairStarts(text: string): number[] {
  return [...text.matchAll(PAIR)].map((match) => match.index);
}

/** How many of the sorted `starts` are below `limit` (a binary search). */
function countBelow(starts: readonly number[], limit: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Offsets of one text in two units. JavaScript strings count UTF-16 code
 * units; files (`segments.csv`, REFI-QDA projects) count Unicode code
 * points, as Python, R and the REFI-QDA standard do. The two differ only
 * after a character outside the Basic Multilingual Plane (most emoji).
 */
export interface OffsetUnits {
  /** The code-point offset of a UTF-16 offset. */
  toCodePoints(utf16: number): number;
  /** The UTF-16 offset of a code-point offset. */
  toUtf16(codePoints: number): number;
}

const SAME: OffsetUnits = { toCodePoints: (offset) => offset, toUtf16: (offset) => offset };

/** Converts offsets into `text` between UTF-16 code units and code points; costs nothing for a text without surrogate pairs. */
export function offsetUnits(text: string): OffsetUnits {
  const starts = pairStarts(text);
  if (starts.length === 0) return SAME;
  // The code-point offset of each pair: its UTF-16 offset less the pairs before it.
  const pointStarts = starts.map((start, i) => start - i);
  return {
    toCodePoints: (utf16) => utf16 - countBelow(starts, utf16),
    toUtf16: (codePoints) => codePoints + countBelow(pointStarts, codePoints),
  };
}
