/** One Markdown table cell: backslashes and pipes escaped, line breaks joined into one line. */
function markdownCell(cell: string | number): string {
  return String(cell).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A Markdown (GFM) table; `align` gives `---` or `--:` per column (default left). */
export function markdownTable(header: ReadonlyArray<string | number>, rows: ReadonlyArray<ReadonlyArray<string | number>>, align: readonly string[] = []): string {
  const line = (row: ReadonlyArray<string | number>) => `| ${row.map(markdownCell).join(' | ')} |\n`;
  return line(header) + line(header.map((_, i) => align[i] ?? '---')) + rows.map(line).join('');
}
