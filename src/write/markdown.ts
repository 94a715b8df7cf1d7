/** The characters {@link markdownCell} changes. */
const NEEDS_ESCAPING = /[&<>\\|\r\n]/;

/**
 * One Markdown table cell: `<`, `>` and an `&` that would start an entity
 * written as entities (an account's text or ID is never read as HTML),
 * backslashes and pipes escaped, line breaks joined into one line.
 */
function markdownCell(cell: string | number): string {
  const text = String(cell);
  // Most cells need no escaping; testing first saves six passes over each.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(/&(?=[#\p{L}])/gu, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A Markdown (GFM) table; `align` gives `---` or `--:` per column (default left). */
export function markdownTable(header: ReadonlyArray<string | number>, rows: ReadonlyArray<ReadonlyArray<string | number>>, align: readonly string[] = []): string {
  const line = (row: ReadonlyArray<string | number>) => `| ${row.map(markdownCell).join(' | ')} |\n`;
  return line(header) + line(header.map((_, i) => align[i] ?? '---')) + rows.map(line).join('');
}
