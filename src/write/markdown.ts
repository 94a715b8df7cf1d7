/**
 * One Markdown table cell: `<`, `>` and an `&` that would start an entity
 * written as entities (an account's text or ID is never read as HTML),
 * backslashes and pipes escaped, line breaks joined into one line.
 */
function markdownCell(cell: string | number): string {
  return String(cell)
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
