import type { AccountDoc, Segment } from './document.js';

/**
 * The columns of `segments.csv`, the round-trip format a researcher
 * reviews and corrects. Input metadata columns follow them.
 */
export const SEGMENT_COLUMNS = [
  'participant', 'segment', 'start', 'end', 'text', 'themes', 'structure',
  'theme_evidence', 'structure_evidence', 'structure_note',
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

/** The `theme_evidence` cell: the words behind each theme, `CO: help staff; T: change`. */
export function themeEvidence(segment: Segment): string {
  return segment.themes.map((hit) => `${hit.code}: ${hit.evidence.join(', ')}`).join('; ');
}

/** The `structure_evidence` cell: the cues behind the tag, separated by `; ` (a cue's own words by `, `). */
export function structureEvidence(segment: Segment): string {
  return segment.structure?.evidence.join('; ') ?? '';
}

/** The cells of one segment's row, metadata last. */
export function segmentCells(doc: AccountDoc, segment: Segment, metadataColumns: readonly string[]): string[] {
  return [
    doc.participant,
    String(segment.index),
    String(segment.start),
    String(segment.end),
    segment.text,
    segment.themes.map((hit) => hit.code).join(CODE_SEPARATOR),
    segment.structure?.tag ?? '',
    themeEvidence(segment),
    structureEvidence(segment),
    segment.structure?.note ?? '',
    ...metadataColumns.map((name) => doc.metadata[name] ?? ''),
  ];
}
