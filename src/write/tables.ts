import type { Codebook } from '../codebook/types.js';
import type { Tally } from '../tally.js';
import { BOM, toCsv } from './csv.js';

/** One row of `themes.csv` or `structure.csv`. */
export interface FrequencyRow {
  code: string;
  name: string;
  segments: number;
  percentSegments: string;
  participants: number;
  percentParticipants: string;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1);
}

/** Codes of a codebook, then any other code the tally saw, in first-seen order. */
export function codesOf(codebook: Codebook, seen: Iterable<string>): Array<{ code: string; name: string }> {
  const listed = codebook.codes.map(({ code, name }) => ({ code, name }));
  const known = new Set(listed.map(({ code }) => code));
  for (const code of seen) if (!known.has(code)) listed.push({ code, name: '' });
  return listed;
}

/** Frequency rows for every code, most segments first (ties keep codebook order). */
export function frequencies(codebook: Codebook, segments: Map<string, number>, participants: Map<string, number>, tally: Tally): FrequencyRow[] {
  return codesOf(codebook, segments.keys())
    .map(({ code, name }) => ({
      code,
      name,
      segments: segments.get(code) ?? 0,
      percentSegments: percent(segments.get(code) ?? 0, tally.segments),
      participants: participants.get(code) ?? 0,
      percentParticipants: percent(participants.get(code) ?? 0, tally.participants.length),
    }))
    .sort((a, b) => b.segments - a.segments);
}

const FREQUENCY_HEADER = ['code', 'name', 'segments', 'percent_segments', 'participants', 'percent_participants'];

function frequencyCsv(rows: readonly FrequencyRow[]): string {
  return toCsv([FREQUENCY_HEADER, ...rows.map((row) => [row.code, row.name, row.segments, row.percentSegments, row.participants, row.percentParticipants])]);
}

/** The theme x structure tag table: a header row (`code`, `name`, the tags), then one row of counts per theme. */
export function crossTable(tally: Tally, codebook: Codebook, rules: Codebook): Array<Array<string | number>> {
  const tags = codesOf(rules, tally.tagSegments.keys());
  return [
    ['code', 'name', ...tags.map(({ code }) => code)],
    ...codesOf(codebook, tally.themeSegments.keys()).map(({ code, name }) => [code, name, ...tags.map((tag) => tally.cross.get(code)?.get(tag.code) ?? 0)]),
  ];
}

/** The tables an analysis writes, by file name, as CSV text (UTF-8 with BOM for Excel). */
export function tableFiles(tally: Tally, codebook: Codebook, rules: Codebook, metadataColumns: readonly string[]): Record<string, string> {
  const themes = codesOf(codebook, tally.themeSegments.keys());
  const participants = [
    ['participant', 'segments', ...themes.map(({ code }) => code), 'grid', ...metadataColumns],
    ...tally.participants.map((row) => [
      row.participant,
      row.segments,
      ...themes.map(({ code }) => row.themes.get(code) ?? 0),
      `grids/${row.grid}.md`,
      ...metadataColumns.map((name) => row.metadata[name] ?? ''),
    ]),
  ];
  return {
    'themes.csv': BOM + frequencyCsv(frequencies(codebook, tally.themeSegments, tally.themeParticipants, tally)),
    'structure.csv': BOM + frequencyCsv(frequencies(rules, tally.tagSegments, tally.tagParticipants, tally)),
    'participants.csv': BOM + toCsv(participants),
    'theme-structure.csv': BOM + toCsv(crossTable(tally, codebook, rules)),
  };
}
