import { csvRecords } from '../../load/csv.js';
import { fail } from '../../messages.js';
import type { TrainingSet } from './train.js';

/** One clause of a coded account: its text and the tag a person gave it ('' when untagged). */
export interface LabelledClause {
  text: string;
  tag: string;
  /** Where the clause's row is: file and line. */
  file: string;
  line: number;
}

/** One account of a coded file: its clauses in order. */
export interface LabelledAccount {
  id: string;
  clauses: LabelledClause[];
}

/** The RTN corpus's labels (Saldias & Roy 2020) as reflect-code's tags; Not Story has none. */
const RTN_TAGS: Record<string, string> = { orientation: 'OR', action: 'CA', evaluation: 'EV' };

/** The columns of the two coded-file layouts: reflect-code's segments and the RTN corpus. */
const LAYOUTS = [
  { id: 'participant', text: 'text', tag: 'structure', order: 'segment' },
  { id: 'story_id', text: 'clause_text', tag: 'mode_label', order: 'clause_idx', votes: 'top_count' },
] as const;

/**
 * Reads a coded file into accounts of tagged clauses: a `segments.csv`
 * (or any CSV with `participant`, `text` and `structure` columns, in
 * account order; a `segment` column, if any, orders the clauses), or the
 * RTN corpus's CSV (`story_id`, `clause_idx`, `clause_text`, `mode_label`,
 * `top_count`), whose labels map Orientation to OR, Action to CA and
 * Evaluation to EV. An RTN clause with no majority label (`top_count`
 * under 2) or labelled Not Story keeps its place in its story but no tag.
 * Tags are upper-cased; an empty tag means untagged. Formula guards are
 * removed as in any segments.csv reflect-code reads back. RTN clauses are
 * spoken narrative, the others written.
 */
export async function readCodedFile(file: string): Promise<TrainingSet> {
  const accounts = new Map<string, Array<LabelledClause & { order: number }>>();
  let columns: { id: number; text: number; tag: number; order: number; votes: number; rtn: boolean } | undefined;
  for await (const { cells, line } of csvRecords(file, { unescapeFormulas: true })) {
    if (!columns) {
      const names = cells.map((cell) => cell.trim().toLowerCase());
      const layout = LAYOUTS.find((candidate) => names.includes(candidate.id) && names.includes(candidate.text) && names.includes(candidate.tag));
      if (!layout) throw fail(`expected a coded file with participant, text and structure columns (a segments.csv), or the RTN corpus columns story_id, clause_text and mode_label, got the columns ${names.join(', ')}`, 'coded-file-columns', { file, line });
      columns = { id: names.indexOf(layout.id), text: names.indexOf(layout.text), tag: names.indexOf(layout.tag), order: names.indexOf(layout.order), votes: 'votes' in layout ? names.indexOf(layout.votes) : -1, rtn: 'votes' in layout };
      continue;
    }
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const id = cell(columns.id);
    let tag = cell(columns.tag);
    if (columns.rtn) tag = Number(cell(columns.votes)) >= 2 ? (RTN_TAGS[tag.toLowerCase()] ?? '') : '';
    const written = columns.order >= 0 ? cell(columns.order) : '';
    if (written !== '' && !/^\d+$/u.test(written)) throw fail(`expected the segment's number as a whole number, got "${written}"`, 'coded-file-order', { file, line });
    const order = written === '' ? Number.NaN : Number(written);
    const clauses = accounts.get(id) ?? [];
    accounts.set(id, clauses);
    clauses.push({ text: cell(columns.text), tag: tag.toUpperCase(), file, line, order: Number.isNaN(order) ? clauses.length : order });
  }
  if (!columns) throw fail('expected a coded file with a header row, got an empty file', 'coded-file-empty', { file });
  return {
    file,
    domain: columns.rtn ? 'spoken' : 'written',
    accounts: [...accounts].map(([id, clauses]) => ({
      id,
      clauses: clauses.sort((a, b) => a.order - b.order).map(({ text, tag, file: from, line }) => ({ text, tag, file: from, line })),
    })),
  };
}
