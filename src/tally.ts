/** The codes of one segment, as tables count them. */
export interface CodedUnit {
  themes: readonly string[];
  structure: string;
  /** A note beside the tag, e.g. `message`; empty for none. */
  note: string;
  /** The section heading the segment stands under; empty or absent for none. */
  section?: string;
}

/** The key a note is counted under: `EV:message`. */
export function noteKey(tag: string, note: string): string {
  return `${tag}:${note}`;
}

/** Counts for one participant. */
export interface ParticipantCounts {
  participant: string;
  segments: number;
  themes: Map<string, number>;
  /** Segments with each structure tag. */
  tags: Map<string, number>;
  metadata: Record<string, string>;
  /** Grid file name, without folder or extension. */
  grid: string;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Counts every pair of `codes` (each code with itself too) in a theme x theme table. */
function bumpPairs(table: Map<string, Map<string, number>>, codes: Iterable<string>): void {
  const list = [...codes];
  for (const a of list) {
    const row = table.get(a) ?? new Map<string, number>();
    for (const b of list) bump(row, b);
    table.set(a, row);
  }
}

/** How many participants a tally keeps in full for the report's heatmap and grids: the first ones, in input order. */
export const SAMPLE_SIZE = 200;

/**
 * Accumulates the counts every table is built from, one participant at a
 * time. Memory grows with codes only: participants are counted, and only
 * the first {@link SAMPLE_SIZE} are kept in full.
 */
export class Tally {
  segments = 0;
  /** Participants added so far. */
  participants = 0;
  /** The first {@link SAMPLE_SIZE} participants' counts, in the order added. */
  readonly sample: ParticipantCounts[] = [];
  /** Segments coded with each theme. */
  readonly themeSegments = new Map<string, number>();
  /** Participants with at least one segment coded with each theme. */
  readonly themeParticipants = new Map<string, number>();
  readonly tagSegments = new Map<string, number>();
  readonly tagParticipants = new Map<string, number>();
  /** Segments with each note, keyed by {@link noteKey}. */
  readonly noteSegments = new Map<string, number>();
  readonly noteParticipants = new Map<string, number>();
  /** Theme x structure tag counts. */
  readonly cross = new Map<string, Map<string, number>>();
  /** Theme x theme: segments coded with both (a theme with itself: segments coded with it). */
  readonly cooccurrence = new Map<string, Map<string, number>>();
  /** Theme x theme: participants with both (a theme with itself: participants with it). */
  readonly cooccurrenceParticipants = new Map<string, Map<string, number>>();
  /** Segments per section heading, in first-seen order (none when no segment has a section). */
  readonly sectionSegments = new Map<string, number>();
  /** Section x theme counts: segments of each section coded with each theme. */
  readonly sectionThemes = new Map<string, Map<string, number>>();

  /** Adds one participant's coded segments; returns the participant's counts. */
  add(participant: Omit<ParticipantCounts, 'segments' | 'themes' | 'tags'>, units: readonly CodedUnit[]): ParticipantCounts {
    const themes = new Map<string, number>();
    const tags = new Map<string, number>();
    const notes = new Set<string>();
    for (const unit of units) {
      bumpPairs(this.cooccurrence, new Set(unit.themes));
      if (unit.section) bump(this.sectionSegments, unit.section);
      for (const theme of new Set(unit.themes)) {
        if (unit.section) {
          const row = this.sectionThemes.get(unit.section) ?? new Map<string, number>();
          bump(row, theme);
          this.sectionThemes.set(unit.section, row);
        }
        bump(themes, theme);
        bump(this.themeSegments, theme);
        if (unit.structure) {
          const row = this.cross.get(theme) ?? new Map<string, number>();
          bump(row, unit.structure);
          this.cross.set(theme, row);
        }
      }
      if (unit.structure) {
        bump(this.tagSegments, unit.structure);
        bump(tags, unit.structure);
        if (unit.note) {
          bump(this.noteSegments, noteKey(unit.structure, unit.note));
          notes.add(noteKey(unit.structure, unit.note));
        }
      }
    }
    for (const theme of themes.keys()) bump(this.themeParticipants, theme);
    bumpPairs(this.cooccurrenceParticipants, themes.keys());
    for (const tag of tags.keys()) bump(this.tagParticipants, tag);
    for (const note of notes) bump(this.noteParticipants, note);
    this.segments += units.length;
    this.participants++;
    const counts = { ...participant, segments: units.length, themes, tags };
    if (this.sample.length < SAMPLE_SIZE) this.sample.push(counts);
    return counts;
  }
}
