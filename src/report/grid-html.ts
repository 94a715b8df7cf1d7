import { gridHeader, structureCell, type GridRow } from '../write/grid.js';
import { escapeHtml } from './escape.js';

/** A theme code as a coloured chip; the page's style sheet colours it by `data-c`. */
export function codeChip(code: string, text = code, title = ''): string {
  return `<span class="code" data-c="${escapeHtml(code)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(text)}</span>`;
}

function row(cells: GridRow): string {
  const themes = cells.themes.map((code) => codeChip(code)).join('');
  const evidence = cells.themeEvidence ? ` title="${escapeHtml(cells.themeEvidence)}"` : '';
  const cues = cells.structureEvidence ? ` title="${escapeHtml(`Cues: ${cells.structureEvidence}`)}"` : '';
  return `<tr><td>${escapeHtml(cells.text)}</td><td${evidence}>${themes}</td><td${cues}>${escapeHtml(structureCell(cells))}</td></tr>\n`;
}

/**
 * One participant's coding grid as a collapsed `<details>` element: the
 * summary line counts the segments and themes, the table has the study's
 * three columns, and the evidence shows on hover.
 */
export function gridHtml(participant: string, rows: readonly GridRow[]): string {
  const counts = new Map<string, number>();
  for (const cells of rows) for (const code of new Set(cells.themes)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).map(([code, count]) => codeChip(code, `${code} ${count}`, `${count} segment${count === 1 ? '' : 's'} coded ${code}`));
  const [first, theme, labov] = gridHeader(participant).map(escapeHtml);
  return `<details class="grid" data-p="${escapeHtml(participant)}"><summary><b>${escapeHtml(participant)}</b> <span class="count">${rows.length} segment${rows.length === 1 ? '' : 's'}</span> ${top.join('')}</summary>\n`
    + `<table><thead><tr><th>${first}</th><th>${theme}</th><th>${labov}</th></tr></thead><tbody>\n${rows.map(row).join('')}</tbody></table></details>\n`;
}
