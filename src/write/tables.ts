import { noteKey, type Tally } from '../tally.js';
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

/** `part` as a percentage of `whole`, one decimal: `33.3` (`0.0` of nothing). */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1);
}

/** The codes a table lists: a codebook's, or a cue file's tags in use, with the notes they carry. */
export interface CodeList {
  /** The codebook's or cue file's name, for messages. */
  name: string;
  codes: ReadonlyArray<{ code: string; name: string; aliases?: readonly string[] }>;
  notes?: ReadonlyArray<{ note: string; tag: string }>;
}

/** Codes of a codebook, then any other code seen, in first-seen order. */
export function codesOf(codebook: CodeList, seen: Iterable<string>): Array<{ code: string; name: string }> {
  const listed = codebook.codes.map(({ code, name }) => ({ code, name }));
  const known = new Set(listed.map(({ code }) => code));
  for (const code of seen) if (!known.has(code)) listed.push({ code, name: '' });
  return listed;
}

function frequencyRow(code: string, name: string, segments: Map<string, number>, participants: Map<string, number>, tally: Tally): FrequencyRow {
  return {
    code,
    name,
    segments: segments.get(code) ?? 0,
    percentSegments: percent(segments.get(code) ?? 0, tally.segments),
    participants: participants.get(code) ?? 0,
    percentParticipants: percent(participants.get(code) ?? 0, tally.participants),
  };
}

/** Frequency rows for every code, most segments first (ties keep codebook order). */
export function frequencies(codebook: CodeList, segments: Map<string, number>, participants: Map<string, number>, tally: Tally): FrequencyRow[] {
  return codesOf(codebook, segments.keys())
    .map(({ code, name }) => frequencyRow(code, name, segments, participants, tally))
    .sort((a, b) => b.segments - a.segments);
}

/**
 * Frequency rows for the structure tags, most segments first, each
 * followed by a row for every note it carries (`EV:message`), counted
 * among that tag's segments.
 */
export function structureFrequencies(tags: CodeList, tally: Tally): FrequencyRow[] {
  return frequencies(tags, tally.tagSegments, tally.tagParticipants, tally).flatMap((row) => [
    row,
    ...(tags.notes ?? [])
      .filter((note) => note.tag === row.code)
      .map((note) => frequencyRow(noteKey(note.tag, note.note), `${row.name}: ${note.note}`, tally.noteSegments, tally.noteParticipants, tally)),
  ]);
}

const FREQUENCY_HEADER = ['code', 'name', 'segments', 'percent_segments', 'participants', 'percent_participants'];

function frequencyCsv(rows: readonly FrequencyRow[]): string {
  return toCsv([FREQUENCY_HEADER, ...rows.map((row) => [row.code, row.name, row.segments, row.percentSegments, row.participants, row.percentParticipants])]);
}

/**
 * `structure.csv`: one row per structure tag (so the segments add up to
 * the segments tagged), and for each note a tag can carry (`message`) two
 * columns, `<note>_segments` and `<note>_participants`, counted among that
 * tag's segments and left empty for tags that do not carry it.
 */
function structureCsv(tags: CodeList, tally: Tally): string {
  const notes = [...new Set((tags.notes ?? []).map((note) => note.note))];
  const carries = (tag: string, note: string) => (tags.notes ?? []).some((def) => def.tag === tag && def.note === note);
  const rows = frequencies(tags, tally.tagSegments, tally.tagParticipants, tally).map((row): Array<string | number> => [
    row.code, row.name, row.segments, row.percentSegments, row.participants, row.percentParticipants,
    ...notes.flatMap((note): Array<string | number> => (carries(row.code, note) ? [tally.noteSegments.get(noteKey(row.code, note)) ?? 0, tally.noteParticipants.get(noteKey(row.code, note)) ?? 0] : ['', ''])),
  ]);
  return toCsv([[...FREQUENCY_HEADER, ...notes.flatMap((note) => [`${note}_segments`, `${note}_participants`])], ...rows]);
}

/** The theme x structure tag table: a header row (`code`, `name`, the tags), then one row of counts per theme. */
export function crossTable(tally: Tally, codebook: CodeList, rules: CodeList): Array<Array<string | number>> {
  const tags = codesOf(rules, tally.tagSegments.keys());
  return [
    ['code', 'name', ...tags.map(({ code }) => code)],
    ...codesOf(codebook, tally.themeSegments.keys()).map(({ code, name }) => [code, name, ...tags.map((tag) => tally.cross.get(code)?.get(tag.code) ?? 0)]),
  ];
}

/** The section x theme table: a header row (`section`, `segments`, the theme codes), then one row of counts per section heading. */
export function sectionTable(tally: Tally, codebook: CodeList): Array<Array<string | number>> {
  const themes = codesOf(codebook, tally.themeSegments.keys());
  return [
    ['section', 'segments', ...themes.map(({ code }) => code)],
    ...[...tally.sectionSegments].map(([section, segments]) => [section, segments, ...themes.map(({ code }) => tally.sectionThemes.get(section)?.get(code) ?? 0)]),
  ];
}

/** A theme x theme table (`code`, `name`, the theme codes): how many segments, or participants, have both; a theme with itself gives its own total. */
export function cooccurrenceTable(table: ReadonlyMap<string, ReadonlyMap<string, number>>, tally: Tally, codebook: CodeList): Array<Array<string | number>> {
  const themes = codesOf(codebook, tally.themeSegments.keys());
  return [['code', 'name', ...themes.map(({ code }) => code)], ...themes.map(({ code, name }) => [code, name, ...themes.map((other) => table.get(code)?.get(other.code) ?? 0)])];
}

/** The tables an analysis writes from counts alone (all but `participants.csv`), by file name, as CSV text (UTF-8 with BOM for Excel); `themes-by-section.csv` only when segments have sections. */
export function tableFiles(tally: Tally, codebook: CodeList, rules: CodeList): Record<string, string> {
  return {
    'themes.csv': BOM + frequencyCsv(frequencies(codebook, tally.themeSegments, tally.themeParticipants, tally)),
    'structure.csv': BOM + structureCsv(rules, tally),
    'theme-structure.csv': BOM + toCsv(crossTable(tally, codebook, rules)),
    'theme-cooccurrence.csv': BOM + toCsv(cooccurrenceTable(tally.cooccurrence, tally, codebook)),
    'theme-cooccurrence-participants.csv': BOM + toCsv(cooccurrenceTable(tally.cooccurrenceParticipants, tally, codebook)),
    ...(tally.sectionSegments.size > 0 ? { 'themes-by-section.csv': BOM + toCsv(sectionTable(tally, codebook)) } : {}),
  };
}
