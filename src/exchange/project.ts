/** One coded segment of an account, for a REFI-QDA project: offsets in code points into the account's text. */
export interface ProjectSegment {
  start: number;
  end: number;
  themes: readonly string[];
  structure: string;
  /** The structure tag's note (`message`), or empty. */
  note: string;
}

/** The codes of a segment, as its selection's codings: its themes, its structure tag, and the tag's note as `TAG:note`. */
export function segmentCodes(segment: ProjectSegment): string[] {
  const note = segment.structure !== '' && segment.note !== '' ? `${segment.structure}:${segment.note}` : '';
  return [...segment.themes, segment.structure, note].filter((code) => code !== '');
}

/** One account of a project: its participant, text, metadata and coded segments. */
export interface ProjectAccount {
  participant: string;
  text: string;
  metadata: Readonly<Record<string, string>>;
  segments: readonly ProjectSegment[];
}

/** A code of a project's codebook; `parent` is another code of the same list. */
export interface ProjectCode {
  code: string;
  name: string;
  description: string;
  parent?: string;
}

/** Everything a REFI-QDA project export holds. */
export interface ProjectContent {
  /** The project's name (the `.qdpx` file's name without extension). */
  name: string;
  /** Who coded: the project's one user. */
  coder: string;
  /** A fingerprint of the codebooks (their content's hash), part of every GUID. */
  fingerprint: string;
  themes: readonly ProjectCode[];
  /** Structure tags, and their notes as `TAG:note` codes under their tag. */
  tags: readonly ProjectCode[];
  metadataColumns: readonly string[];
  accounts: readonly ProjectAccount[];
  /** Positions in code points (the standard) or UTF-16 code units (what NVivo 12 writes and reads). */
  positions: PositionUnit;
}

/** The units of a text selection's positions. */
export const POSITION_UNITS = ['code-points', 'utf16'] as const;

/** `code-points`: Unicode code points, as the standard says; `utf16`: UTF-16 code units, as NVivo counts. */
export type PositionUnit = (typeof POSITION_UNITS)[number];
