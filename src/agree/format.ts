import type { AgreeResult } from '../agree.js';
import { toCsv } from '../write/csv.js';
import type { DimensionAgreement, Figures } from './measures.js';
import { plural } from '../text/count.js';
import { columns } from '../text/columns.js';

/** The output formats of `agree`. */
export const AGREE_FORMATS = ['table', 'csv', 'json'] as const;
/** An output format of `agree`. */
export type AgreeFormat = (typeof AGREE_FORMATS)[number];

const percent = (value: number | null) => (value === null ? 'n/a' : `${(100 * value).toFixed(1)}%`);
const fixed = (value: number | null, digits: number) => (value === null ? 'n/a' : value.toFixed(digits));
function figureCells(row: Figures): string[] {
  return [String(row.units), percent(row.agreement), fixed(row.kappa, 3), fixed(row.alpha, 3), row.reading];
}

function uncodedNote(dimension: DimensionAgreement, excluded: boolean): string {
  const what = dimension.dimension === 'themes' ? 'theme' : 'tag';
  if (dimension.uncoded === 0) return `(every unit has a ${what} in at least one coding)`;
  if (excluded) return `(${plural(dimension.excluded, 'unit')} with no ${what} in either coding left out)`;
  return `(${plural(dimension.uncoded, 'unit')} with no ${what} in either coding counted as agreement; --exclude-uncoded leaves ${dimension.uncoded === 1 ? 'it' : 'them'} out)`;
}

function dimensionTable(dimension: DimensionAgreement, excluded: boolean): string[] {
  const themes = dimension.dimension === 'themes';
  const header = [themes ? 'theme' : 'tag', 'name', 'A', 'B', 'units', 'agree', 'kappa', 'alpha', 'reading'];
  const overallName = themes ? 'all themes, pooled' : 'all tags, one per unit';
  const rows = [
    header,
    ...dimension.codes.map((row) => [row.code, row.name, String(row.codedA), String(row.codedB), ...figureCells(row)]),
    ['all', overallName, '', '', ...figureCells(dimension.overall)],
  ];
  const lines = [
    `${themes ? 'Themes' : 'Structure'}: ${plural(dimension.overall.units, 'unit')} ${uncodedNote(dimension, excluded)}`,
    ...columns(rows, [false, false, true, true, true, true, true, true, false]).map((line) => `  ${line}`),
  ];
  if (dimension.identical !== undefined) {
    lines.push(`  Identical theme sets: ${dimension.identical} of ${dimension.overall.units} units (${percent(dimension.overall.units === 0 ? null : dimension.identical / dimension.overall.units)}).`);
  }
  if (dimension.confusion) {
    const { labels, counts } = dimension.confusion;
    lines.push('  Confusion matrix (rows: A, columns: B):');
    lines.push(...columns([['', ...labels], ...labels.map((label, i) => [label, ...counts[i].map(String)])], [false, ...labels.map(() => true)]).map((line) => `    ${line}`));
  }
  lines.push(`  Overall kappa ${fixed(dimension.overall.kappa, 3)}: ${dimension.overall.reading === 'n/a' ? 'undefined (one category only)' : `${dimension.overall.reading} agreement`} on the Landis and Koch scale.`);
  return lines;
}

/** The figures as a plain-text report for a terminal. */
function agreementTable(result: AgreeResult): string {
  const by = [
    result.pairedBy.offsets.length > 0 ? `on offsets: ${result.pairedBy.offsets.join(', ')}` : '',
    result.pairedBy.segment.length > 0 ? `on segment numbers: ${result.pairedBy.segment.join(', ')}` : '',
  ].filter(Boolean).join('; ');
  const lines = [
    `Agreement between A = ${result.a} and B = ${result.b}`,
    `${plural(result.units, 'unit')} paired (${by}); ${plural(result.onlyA, 'row')} only in A, ${result.onlyB} only in B.`,
  ];
  for (const dimension of [result.themes, result.structure]) if (dimension) lines.push('', ...dimensionTable(dimension, result.excludeUncoded));
  lines.push(
    '',
    'A, B: units each coding gave the code; agree: percent agreement; kappa: Cohen\'s kappa;',
    'alpha: Krippendorff\'s alpha (nominal); reading: the kappa on the Landis and Koch (1977) scale.',
  );
  return `${lines.join('\n')}\n`;
}

/** The figures as CSV: one row per code and one `all` row per dimension. */
function agreementCsv(result: AgreeResult): string {
  const rows: Array<Array<string | number>> = [['dimension', 'code', 'name', 'coded_a', 'coded_b', 'units', 'percent_agreement', 'kappa', 'alpha', 'reading']];
  const cells = (row: Figures) => [row.units, row.agreement === null ? '' : (100 * row.agreement).toFixed(1), row.kappa === null ? '' : row.kappa.toFixed(4), row.alpha === null ? '' : row.alpha.toFixed(4), row.reading];
  for (const dimension of [result.themes, result.structure]) {
    if (!dimension) continue;
    for (const row of dimension.codes) rows.push([dimension.dimension, row.code, row.name, row.codedA, row.codedB, ...cells(row)]);
    rows.push([dimension.dimension, 'all', '', '', '', ...cells(dimension.overall)]);
  }
  return toCsv(rows);
}

/** The whole result (warnings aside) as JSON, figures unrounded. */
function agreementJson(result: AgreeResult): string {
  const { messages: _, ...figures } = result;
  return `${JSON.stringify(figures, null, 2)}\n`;
}

/** The result in the format asked for. */
export function formatAgreement(result: AgreeResult, format: AgreeFormat): string {
  return { table: agreementTable, csv: agreementCsv, json: agreementJson }[format](result);
}
