import { byParticipant, type SegmentRow } from '../read/segments.js';

/** A unit both codings coded: the same segment of the same account. */
export interface AlignedUnit {
  participant: string;
  a: SegmentRow;
  b: SegmentRow;
}

/** Two codings paired unit by unit, with the rows either one has alone. */
export interface Alignment {
  units: AlignedUnit[];
  onlyA: SegmentRow[];
  onlyB: SegmentRow[];
  /** How each participant's rows were paired. */
  by: Map<string, 'offsets' | 'segment'>;
}

const hasOffsets = (row: SegmentRow) => !Number.isNaN(row.start) && !Number.isNaN(row.end);

/**
 * Pairs the rows of two codings of the same accounts. Within a
 * participant, rows are paired on their offsets (start and end) when every
 * row of both codings has them, since offsets name the same text even when
 * segment numbers differ; otherwise on segment numbers. A row that finds
 * no partner (another participant, another cut of the text, a number used
 * twice) is left unmatched. Units come in natural participant order, then
 * coding A's segment order.
 */
export function align(a: readonly SegmentRow[], b: readonly SegmentRow[]): Alignment {
  const groupsA = byParticipant(a);
  const groupsB = byParticipant(b);
  const result: Alignment = { units: [], onlyA: [], onlyB: [], by: new Map() };
  for (const [participant, rowsA] of groupsA) {
    const rowsB = groupsB.get(participant) ?? [];
    const offsets = rowsB.length > 0 && rowsA.every(hasOffsets) && rowsB.every(hasOffsets);
    const key = (row: SegmentRow) => (offsets ? `${row.start}-${row.end}` : Number.isNaN(row.segment) ? undefined : String(row.segment));
    const partners = new Map<string, SegmentRow>();
    for (const row of rowsB) {
      const k = key(row);
      if (k === undefined || partners.has(k)) result.onlyB.push(row);
      else partners.set(k, row);
    }
    if (rowsB.length > 0) result.by.set(participant, offsets ? 'offsets' : 'segment');
    for (const row of rowsA) {
      const k = key(row);
      const partner = k === undefined ? undefined : partners.get(k);
      if (!partner) {
        result.onlyA.push(row);
        continue;
      }
      partners.delete(k!);
      result.units.push({ participant, a: row, b: partner });
    }
    result.onlyB.push(...partners.values());
  }
  for (const [participant, rowsB] of groupsB) if (!groupsA.has(participant)) result.onlyB.push(...rowsB);
  return result;
}
