import type { ReflectMessage } from './messages.js';

/** One written account, as loaded from an input. */
export interface Account {
  /** Anonymised participant ID. */
  participant: string;
  /** The account's text, exactly as read (a leading BOM removed). */
  text: string;
  /** Where the account came from: its input file and the line its record starts on. */
  source: { file: string; line: number };
  /** Extra columns of a CSV row or keys of a JSONL object, in input order. */
  metadata: Record<string, string>;
}

/** A theme code applied to a segment, with the words that triggered it. */
export interface CodeHit {
  code: string;
  evidence: string[];
}

/** A Labov & Waletzky structural tag applied to a segment, with its cues. */
export interface StructureTag {
  tag: string;
  evidence: string[];
  /** A researcher's note beside the tag, e.g. `message`. */
  note?: string;
}

/** A unit of an account (clause, sentence, line, paragraph or section) with its offsets. */
export interface Segment {
  /** 1-based position of the segment within its account. */
  index: number;
  /**
   * Offset of the first character in the account's text, as a JavaScript
   * string index (UTF-16 code units). Files (`segments.csv`, `codings.csv`,
   * REFI-QDA projects) give offsets in Unicode code points, as Python and R
   * count; `offsetUnits(text)` converts between the two.
   */
  start: number;
  /** Offset just past the last character: `text.slice(start, end)` gives the segment back. */
  end: number;
  text: string;
  /** The heading the segment stands under ("Feelings", "Action plan"); empty or absent for none. */
  section?: string;
  themes: CodeHit[];
  structure?: StructureTag;
}

/** The document that flows through the pipeline stages: an account and what the stages added. */
export interface AccountDoc extends Account {
  segments: Segment[];
  messages: ReflectMessage[];
}

/** A pipeline stage: takes a document and enriches it in place. */
export type Transform = (doc: AccountDoc) => void;

/** Starts a document from a loaded account. */
export function toDoc(account: Account): AccountDoc {
  return { ...account, segments: [], messages: [] };
}
