import { toCsv } from './csv.js';
import { markdownTable } from './markdown.js';

/** One row of a coding grid: a segment, its theme codes and its structural tag. */
export interface GridRow {
  text: string;
  themes: string[];
  structure: string;
  /** A note beside the tag, e.g. `message`. */
  note: string;
  /** The words behind the themes, as in `segments.csv`: `CO: help staff; T: change`. */
  themeEvidence?: string;
  /** The cues behind the structure tag, as in `segments.csv`. */
  structureEvidence?: string;
  /** The section heading the segment stands under; empty or absent for none. */
  section?: string;
}

/** The tag cell as the study printed it: `EV (Message)`. */
export function structureCell(row: Pick<GridRow, 'structure' | 'note'>): string {
  const note = row.note ? ` (${row.note[0].toUpperCase()}${row.note.slice(1)})` : '';
  return row.structure ? `${row.structure}${note}` : note.trim();
}

/** The three cells of a grid row as the study printed them: themes joined by `/`, a note in brackets. */
function cells(row: GridRow): [string, string, string] {
  return [row.text, row.themes.join('/'), structureCell(row)];
}

/** The header row of a grid, as in the study's figures. */
export function gridHeader(participant: string): [string, string, string] {
  return [`Participant ${participant}`, 'Theme', 'Application of Labov'];
}

/** A coding grid as a Markdown table, like the study's Figures 2 and 3. */
export function gridMarkdown(participant: string, rows: readonly GridRow[]): string {
  return markdownTable(gridHeader(participant), rows.map(cells));
}

/** The header row of `grids.csv`, the grids of every participant in one table. */
export const COMBINED_GRID_HEADER = ['participant', 'segment', 'theme', 'application_of_labov'];

/** A participant's rows of `grids.csv`: the participant's ID before each grid row's cells. */
export function combinedGridCsv(participant: string, rows: readonly GridRow[]): string {
  return toCsv(rows.map((row) => [participant, ...cells(row)]));
}

/** A coding grid as CSV, with the same header row as the Markdown grid. */
export function gridCsv(participant: string, rows: readonly GridRow[]): string {
  return toCsv([gridHeader(participant), ...rows.map(cells)]);
}
