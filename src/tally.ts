/** The codes of one segment, as tables count them. */
export interface CodedUnit {
  themes: readonly string[];
  structure: string;
  /** A note beside the tag, e.g. `message`. */
  note?: string;
}

/** Counts for one participant. */
export interface ParticipantCounts {
  participant: string;
  segments: number;
  themes: Map<string, number>;
  metadata: Record<string, string>;
  /** Grid file name, without folder or extension. */
  grid: string;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Accumulates the counts every table is built from, one participant at a
 * time, so memory grows with participants and codes, never with segments.
 */
export class Tally {
  segments = 0;
  readonly participants: ParticipantCounts[] = [];
  /** Segments coded with each theme. */
  readonly themeSegments = new Map<string, number>();
  /** Participants with at least one segment coded with each theme. */
  readonly themeParticipants = new Map<string, number>();
  readonly tagSegments = new Map<string, number>();
  readonly tagParticipants = new Map<string, number>();
  /** Theme x structure tag counts. */
  readonly cross = new Map<string, Map<string, number>>();
  /** Segments with a note (lower case, e.g. `message`) by structure tag (`''` for none). */
  readonly tagNotes = new Map<string, Map<string, number>>();

  /** Adds one participant's coded segments. */
  add(participant: Omit<ParticipantCounts, 'segments' | 'themes'>, units: readonly CodedUnit[]): void {
    const themes = new Map<string, number>();
    const tags = new Set<string>();
    for (const unit of units) {
      for (const theme of new Set(unit.themes)) {
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
        tags.add(unit.structure);
      }
      const note = unit.note?.trim().toLowerCase();
      if (note) {
        const notes = this.tagNotes.get(unit.structure) ?? new Map<string, number>();
        bump(notes, note);
        this.tagNotes.set(unit.structure, notes);
      }
    }
    for (const theme of themes.keys()) bump(this.themeParticipants, theme);
    for (const tag of tags) bump(this.tagParticipants, tag);
    this.segments += units.length;
    this.participants.push({ ...participant, segments: units.length, themes });
  }
}
