import { fail } from '../messages.js';
import { didYouMean } from '../text/closest.js';

/** Where the ID and text columns are in a header, and which columns are metadata. */
export interface ColumnMap {
  id: number;
  text: number;
  /** Indexes and names of the other columns, in header order. */
  metadata: Array<{ index: number; name: string }>;
}

/**
 * Finds the ID and text columns in a header (exact name first, then
 * ignoring case and surrounding spaces, then a column number counted from
 * 1, then the one name that begins so) and rejects unnamed or duplicate
 * columns, and an ID column that is the text column. Errors name the
 * option that sets the missing column.
 */
export function mapColumns(header: readonly string[], wanted: { id: string; text: string }, file: string, line = 1): ColumnMap {
  const names = header.map((name) => name.trim());
  const unnamed = names.indexOf('');
  if (unnamed >= 0) throw fail(`column ${unnamed + 1} of the header has no name; expected a name above every column (name it, or delete the column if it is empty)`, 'input-unnamed-column', { file, line });
  // The first column of each name, ignoring case, found in one pass (a header may have many thousand columns).
  const firstOf = new Map<string, number>();
  names.forEach((name, index) => {
    const first = firstOf.get(name.toLowerCase()) ?? index;
    firstOf.set(name.toLowerCase(), first);
    if (first !== index) throw fail(`column "${name}" appears twice (columns ${first + 1} and ${index + 1}); expected unique column names`, 'input-duplicate-column', { file, line });
  });
  const find = (column: string, flag: string): number => {
    let index = names.indexOf(column);
    if (index < 0) index = names.findIndex((name) => name.toLowerCase() === column.trim().toLowerCase());
    if (index < 0 && /^\d+$/.test(column.trim())) index = Number(column) >= 1 && Number(column) <= names.length ? Number(column) - 1 : -1;
    // A header of one column is more likely cut at the wrong delimiter than a name's beginning.
    if (index < 0 && column.trim() !== '' && names.length > 1) {
      const starts = names.filter((name) => name.toLowerCase().startsWith(column.trim().toLowerCase()));
      if (starts.length > 1) throw fail(`expected "${column}" to begin one column's name, got ${starts.length}: ${starts.map((name) => `"${name}"`).join(', ')}; name the right one with ${flag}`, 'input-ambiguous-column', { file, line });
      if (starts.length === 1) index = names.indexOf(starts[0]);
    }
    if (index < 0) {
      const listed = names.map((name) => `"${name}"`).join(', ') || 'none';
      const other = names.length === 1 ? [';', '\t', ',', '|'].find((char) => names[0].includes(char)) : undefined;
      const hint = other ? `; the columns may be separated by ${other === '\t' ? 'tabs' : `"${other}"`}: add --delimiter ${other === '\t' ? 'tab' : `"${other}"`}` : `; name the right one with ${flag}`;
      throw fail(`expected a column named "${column}"${other ? '' : didYouMean(column, names)}, got columns ${listed}${hint}`, 'input-missing-column', { file, line });
    }
    return index;
  };
  const id = find(wanted.id, '--id-column');
  const text = find(wanted.text, '--text-column');
  if (id === text) throw fail(`expected --id-column and --text-column to name two different columns, got column ${id + 1} ("${names[id]}") for both`, 'input-same-column', { file, line });
  const metadata = names.map((name, index) => ({ index, name })).filter(({ index }) => index !== id && index !== text);
  return { id, text, metadata };
}
