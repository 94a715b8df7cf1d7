import { offsetUnits } from '../text/code-points.js';

/** How explanations head a segment: its number, its offsets in code points (as `segments.csv` gives them) and its text. */
export function segmentHeading(text: string, span: { start: number; end: number }, index: number): string {
  const units = offsetUnits(text);
  return `Segment ${index + 1} [${units.toCodePoints(span.start)}-${units.toCodePoints(span.end)}]: ${text.slice(span.start, span.end)}`;
}
