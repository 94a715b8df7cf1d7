/** Lays rows out in columns two spaces apart; columns marked in `right` are right-aligned. */
export function columns(rows: ReadonlyArray<readonly string[]>, right: readonly boolean[]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (right[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd());
}
