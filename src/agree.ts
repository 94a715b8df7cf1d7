import { extname } from 'node:path';
import { DIMENSIONS, type Dimension } from './agree/dimensions.js';
import { humanCodingOnto } from './exchange/human-coding.js';
import type { PositionUnit } from './exchange/project.js';
import { align, type Alignment } from './agree/align.js';
import { structureAgreement, themeAgreement, type DimensionAgreement } from './agree/measures.js';
import { fail, warn, type ReflectMessage } from './messages.js';
import { loadCodingBooks, readCoding, type CodebookChoice } from './read/coding.js';
import type { SegmentRow, SegmentsFile } from './read/segments.js';
import type { Codebook } from './codebook/types.js';
import type { ActiveTags } from './structure/active-tags.js';
import { codesOf } from './write/tables.js';

export { DIMENSIONS, type Dimension };

/** Options of {@link agree}. */
export interface AgreeOptions extends CodebookChoice {
  /** The two codings to compare, A and B: segments.csv files, or one of them a REFI-QDA project (.qdpx) coded in another tool. */
  a: string;
  b: string;
  /** Of a .qdpx coding, the coder whose coding is compared (name or GUID); needed when several coded. */
  user?: string;
  /** Of a .qdpx coding, the units of its selections' positions; detected when not given. */
  positions?: PositionUnit;
  /** Compare only this dimension; default both. */
  dimension?: Dimension;
  /** Leave out units neither coding coded on a dimension. */
  excludeUncoded?: boolean;
  /** Keep codes the codebook does not list, with a warning, instead of stopping. */
  allowNewCodes?: boolean;
}

/** What `agree` found: the units paired, the figures per dimension, and warnings. */
export interface AgreeResult {
  a: string;
  b: string;
  /** Units both codings have. */
  units: number;
  /** Rows only coding A, or only coding B, has. */
  onlyA: number;
  onlyB: number;
  /** Participants whose rows were paired on offsets, and on segment numbers. */
  pairedBy: { offsets: string[]; segment: string[] };
  excludeUncoded: boolean;
  themes?: DimensionAgreement;
  structure?: DimensionAgreement;
  messages: ReflectMessage[];
}

/** Most unmatched rows reported one by one, per coding. */
const MAX_UNMATCHED = 10;

function unmatched(rows: readonly SegmentRow[], file: string, other: string): ReflectMessage[] {
  const sorted = [...rows].sort((x, y) => x.line - y.line);
  const messages = sorted.slice(0, MAX_UNMATCHED).map((row) => {
    const text = row.text.length > 40 ? `${row.text.slice(0, 37)}...` : row.text;
    return warn(`${row.participant} segment ${Number.isNaN(row.segment) ? '?' : row.segment} ("${text}") has no matching unit in ${other}; left out`, 'agree-unmatched', { file, line: row.line });
  });
  if (sorted.length > MAX_UNMATCHED) messages.push(warn(`and ${sorted.length - MAX_UNMATCHED} more rows with no matching unit in ${other}; left out`, 'agree-unmatched', { file }));
  return messages;
}

function pairedBy(alignment: Alignment): AgreeResult['pairedBy'] {
  const by = [...alignment.by];
  return { offsets: by.filter(([, how]) => how === 'offsets').map(([p]) => p), segment: by.filter(([, how]) => how === 'segment').map(([p]) => p) };
}

/**
 * Reads the two codings. A `.qdpx` project (at most one of the two) is
 * read onto the units of the other coding: one coder's selections, each
 * segment getting the codes of the selections that cover half of it.
 */
async function readCodings(options: AgreeOptions, codebook: Codebook, rules: ActiveTags): Promise<{ a: SegmentsFile; b: SegmentsFile; names: { a: string; b: string } }> {
  const read = (file: string) => readCoding(file, { codebook, rules, allowNewCodes: options.allowNewCodes });
  const project = [options.a, options.b].filter((file) => extname(file).toLowerCase() === '.qdpx');
  if (project.length === 0) return { a: await read(options.a), b: await read(options.b), names: { a: options.a, b: options.b } };
  if (project.length === 2) throw fail('expected at most one of the two codings to be a .qdpx project (the other a segments.csv whose units it is read onto), got two', 'option-invalid');
  const projectFirst = project[0] === options.a;
  const other = await read(projectFirst ? options.b : options.a);
  const human = await humanCodingOnto(project[0], other.rows, { codebook, rules, user: options.user, positions: options.positions, allowNewCodes: options.allowNewCodes });
  const coding: SegmentsFile = { file: project[0], metadataColumns: [], rows: human.rows, messages: human.messages };
  const named = `${project[0]} (coder "${human.coder}")`;
  return projectFirst ? { a: coding, b: other, names: { a: named, b: options.b } } : { a: other, b: coding, names: { a: options.a, b: named } };
}

/**
 * Measures how far two codings of the same accounts agree (two
 * researchers, or the tool against a researcher). Both are read as
 * `tabulate` reads a reviewed segments.csv, paired unit by unit (see
 * {@link align}), and compared per code and overall: percent agreement,
 * Cohen's kappa, Krippendorff's nominal alpha, the Landis and Koch reading,
 * and for structure tags a confusion matrix. Rows without a partner are
 * warnings and are left out.
 */
export async function agree(options: AgreeOptions): Promise<AgreeResult> {
  if (options.dimension !== undefined && !DIMENSIONS.includes(options.dimension)) {
    throw fail(`expected --dimension to be one of ${DIMENSIONS.join(', ')}, got "${String(options.dimension)}"`, 'option-invalid');
  }
  const { codebook, rules } = await loadCodingBooks(options);
  const { a, b, names } = await readCodings(options, codebook, rules);
  const alignment = align(a.rows, b.rows);
  if (alignment.units.length === 0) {
    throw fail(`expected the two codings to share units (same participant and segment, or same offsets), got none in common with ${options.b}`, 'agree-no-units', { file: options.a });
  }
  const want = (dimension: Dimension) => options.dimension === undefined || options.dimension === dimension;
  const exclude = options.excludeUncoded ?? false;
  const units = alignment.units;
  const themes = codesOf(codebook, units.flatMap(({ a: x, b: y }) => [...x.themes, ...y.themes]));
  const tags = codesOf(rules, units.flatMap(({ a: x, b: y }) => [x.structure, y.structure]).filter(Boolean));
  return {
    a: names.a,
    b: names.b,
    units: units.length,
    onlyA: alignment.onlyA.length,
    onlyB: alignment.onlyB.length,
    pairedBy: pairedBy(alignment),
    excludeUncoded: exclude,
    themes: want('themes') ? themeAgreement(units.map(({ a: x, b: y }) => ({ a: x.themes, b: y.themes })), themes, exclude) : undefined,
    structure: want('structure') ? structureAgreement(units.map(({ a: x, b: y }) => ({ a: x.structure, b: y.structure })), tags, exclude) : undefined,
    messages: [...a.messages, ...b.messages, ...unmatched(alignment.onlyA, options.a, options.b), ...unmatched(alignment.onlyB, options.b, options.a)],
  };
}
