import { toCsv } from './csv.js';

/** One row of a coding grid: a segment, its theme codes and its structural tag. */
export interface GridRow {
  text: string;
  themes: string[];
  structure: string;
  /** A note beside the tag, e.g. `message`. */
  note: string;
}

/** The three cells of a grid row as the study printed them: themes joined by `/`, a note in brackets. */
function cells(row: GridRow): [string, string, string] {
  const note = row.note ? ` (${row.note[0].toUpperCase()}${row.note.slice(1)})` : '';
  return [row.text, row.themes.join('/'), row.structure ? `${row.structure}${note}` : note.trim()];
}

function header(participant: string): [string, string, string] {
  return [`Participant ${participant}`, 'Theme', 'Application of Labov'];
}

/** A coding grid as a Markdown table, like the study's Figures 2 and 3. */
export function gridMarkdown(participant: string, rows: readonly GridRow[]): string {
  const line = (row: readonly string[]) => `| ${row.map((cell) => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ')).join(' | ')} |\n`;
  return line(header(participant)) + line(['---', '---', '---']) + rows.map((row) => line(cells(row))).join('');
}

/** A coding grid as CSV, with the same header row as the Markdown grid. */
export function gridCsv(participant: string, rows: readonly GridRow[]): string {
  return toCsv([header(participant), ...rows.map(cells)]);
}
