import { markdownTable } from '../write/markdown.js';
import { toCsv } from '../write/csv.js';
import { RULE_KINDS, type Codebook } from './types.js';

/** The formats `codebook show` writes. */
export const SHOW_FORMATS = ['md', 'csv'] as const;

/** A format of `codebook show`: a Markdown table or CSV. */
export type ShowFormat = (typeof SHOW_FORMATS)[number];

const HEADER = ['code', 'name', 'parent', 'aliases', ...RULE_KINDS, 'exclude', 'min_matches', 'description'];

/**
 * A codebook as a table, one row per code (each parent before its
 * children): code, name, parent, merged names, how many rules of each
 * kind, how many exclude terms, `min_matches` and the description.
 */
export function showCodebook(codebook: Codebook, format: ShowFormat = 'md'): string {
  const rows = codebook.codes.map((code) => [
    code.code,
    code.name,
    code.parent ?? '',
    code.aliases.join('; '),
    ...RULE_KINDS.map((kind) => code.rules.filter((rule) => rule.kind === kind).length),
    code.exclude.length,
    code.minMatches,
    code.description,
  ]);
  if (format === 'csv') return toCsv([HEADER, ...rows]);
  return `${codebook.name}${codebook.version ? `, version ${codebook.version}` : ''}: ${codebook.codes.length} codes\n\n${markdownTable(HEADER, rows, HEADER.map((_, i) => (i >= 4 && i <= 9 ? '--:' : '---')))}`;
}
