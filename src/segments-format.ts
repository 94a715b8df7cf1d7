import type { Segment } from './document.js';
import type { GridRow } from './write/grid.js';

/**
 * The columns of `segments.csv`, the round-trip format a researcher
 * reviews and corrects. Input metadata columns follow them.
 */
export const SEGMENT_COLUMNS = [
  'participant', 'segment', 'start', 'end', 'text', 'themes', 'structure',
  'theme_evidence', 'structure_evidence', 'structure_note', 'section',
] as const;

const RESERVED: ReadonlySet<string> = new Set(SEGMENT_COLUMNS);

/** Name of a metadata column in `segments.csv`: prefixed with `input_` when it would clash with ours. */
export function metadataHeader(name: string): string {
  return RESERVED.has(name.toLowerCase()) ? `input_${name}` : name;
}

/** The input column behind a metadata header of `segments.csv`: undoes {@link metadataHeader}. */
export function metadataName(header: string): string {
  const name = header.replace(/^input_/i, '');
  return name !== header && RESERVED.has(name.toLowerCase()) ? name : header;
}

/** Several codes in one cell are joined by `;`. */
const CODE_SEPARATOR = ';';

/** Splits a codes cell as people write it: `CO;T`, `CO / T`, `co, t`. */
export function splitCodes(cell: string): string[] {
  return cell.split(/[;,/]/).map((code) => code.trim()).filter((code) => code !== '');
}

/**
 * A coded segment as a grid row: its codes, tag and note, and the evidence
 * cells (`CO: help staff; T: change` for themes; cues separated by `; `,
 * a cue's own words by `, `, for the tag).
 */
export function gridRow(segment: Segment): GridRow {
  return {
    text: segment.text,
    themes: segment.themes.map((hit) => hit.code),
    structure: segment.structure?.tag ?? '',
    note: segment.structure?.note ?? '',
    themeEvidence: segment.themes.map((hit) => `${hit.code}: ${hit.evidence.join(', ')}`).join('; '),
    structureEvidence: segment.structure?.evidence.join('; ') ?? '',
    section: segment.section ?? '',
  };
}

/** A grid row with its place in the account: segment number and code-point offsets (NaN when a hand-edited row lost them). */
export interface LocatedRow extends GridRow {
  segment: number;
  start: number;
  end: number;
}

/** The evidence of each theme in a `theme_evidence` cell (`CO: help staff; T: change`), by code. */
export function themeEvidenceByCode(cell: string): Map<string, string> {
  const byCode = new Map<string, string>();
  for (const part of cell.split(/;\s+(?=[^\s:;]+:\s)/)) {
    const colon = part.indexOf(': ');
    if (colon > 0) byCode.set(part.slice(0, colon).trim(), part.slice(colon + 2).trim());
  }
  return byCode;
}

/** The cells of a row of `segments.csv`: where the segment is, its grid row (codes, evidence, section), then the metadata values. */
export function rowCells(place: { participant: string; segment: number; start: number; end: number }, row: GridRow, metadata: readonly string[]): string[] {
  return [
    place.participant,
    String(place.segment),
    String(place.start),
    String(place.end),
    row.text,
    row.themes.join(CODE_SEPARATOR),
    row.structure,
    row.themeEvidence ?? '',
    row.structureEvidence ?? '',
    row.note,
    row.section ?? '',
    ...metadata,
  ];
}
