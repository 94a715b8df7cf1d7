import type { Codebook } from '../codebook/types.js';
import type { GroupComparison } from '../groups/compare.js';
import type { ActiveTags } from '../structure/active-tags.js';
import type { ParticipantCounts, Tally } from '../tally.js';
import { codesOf, frequencies, type FrequencyRow } from '../write/tables.js';
import { themeColours, type ThemeColour } from './palette.js';

/** Facts about a run that the report's summary shows. */
export interface RunInfo {
  /** Input files and folders, as given. */
  inputs: readonly string[];
  /** Segmentation unit, e.g. `clause`. */
  unit: string;
  /** When the run happened; leave it out for outputs that are the same byte for byte on every run. */
  date?: Date;
  /** Accounts skipped as empty. */
  skipped?: number;
}

/** What a report is built from: the same counts and codebooks as the tables. */
export interface ReportSource {
  tally: Tally;
  codebook: Codebook;
  rules: ActiveTags;
  run: RunInfo;
  /** The groups compared with `--by`, one per column; none by default. */
  comparisons?: readonly GroupComparison[];
}

/** A note on structure tags (such as Message), with its counts. */
export interface NoteCount {
  /** As shown: `Message`. */
  label: string;
  total: number;
  byTag: Map<string, number>;
}

function withName(code: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(code);
  return name ? `${code} ${name}` : code;
}

/** The report's view of a tally: rows in display order, labels and colours. */
export class ReportData {
  /** Theme frequency rows, most segments first. */
  readonly themes: FrequencyRow[];
  /** Structure tag frequency rows, most segments first. */
  readonly structure: FrequencyRow[];
  /** Structure tags in use, in the order chosen (the cue file's, or `--structure-tags`). */
  readonly tags: Array<{ code: string; name: string }>;
  /** Theme codes in codebook order (then any other code seen). */
  readonly codes: string[];
  readonly tally: Tally;
  readonly codebook: Codebook;
  readonly rules: ActiveTags;
  /** The groups compared with `--by`. */
  readonly comparisons: readonly GroupComparison[];
  readonly run: RunInfo;
  private readonly colours: Map<string, ThemeColour>;
  private readonly themeNames: Map<string, string>;
  private readonly tagNames: Map<string, string>;

  constructor({ tally, codebook, rules, run, comparisons = [] }: ReportSource) {
    this.comparisons = comparisons;
    this.tally = tally;
    this.codebook = codebook;
    this.rules = rules;
    this.run = run;
    this.themes = frequencies(codebook, tally.themeSegments, tally.themeParticipants, tally);
    this.structure = frequencies(rules, tally.tagSegments, tally.tagParticipants, tally);
    this.tags = codesOf(rules, tally.tagSegments.keys());
    const themes = codesOf(codebook, tally.themeSegments.keys());
    this.codes = themes.map(({ code }) => code);
    this.colours = themeColours(this.codes);
    this.themeNames = new Map(themes.map(({ code, name }) => [code, name]));
    this.tagNames = new Map(this.tags.map(({ code, name }) => [code, name]));
  }

  /** A theme's colour; a code outside the codebook gets grey. */
  colour(code: string): ThemeColour {
    return this.colours.get(code) ?? { fill: '#999999', text: '#000000' };
  }

  /** `CO Coaching`: a theme code and its name, as axis labels show it. */
  label(code: string): string {
    return withName(code, this.themeNames);
  }

  /** `EV Evaluating Action`: a structure tag and its name. */
  tagLabel(code: string): string {
    return withName(code, this.tagNames);
  }

  /** The notes seen beside structure tags, most frequent first. */
  notes(): NoteCount[] {
    const notes = new Map<string, NoteCount>();
    for (const [key, count] of this.tally.noteSegments) {
      const split = key.lastIndexOf(':');
      const [tag, note] = [key.slice(0, split), key.slice(split + 1)];
      const entry = notes.get(note) ?? { label: note[0].toUpperCase() + note.slice(1), total: 0, byTag: new Map<string, number>() };
      entry.total += count;
      entry.byTag.set(tag, (entry.byTag.get(tag) ?? 0) + count);
      notes.set(note, entry);
    }
    return [...notes.values()].sort((a, b) => b.total - a.total);
  }

  /**
   * The tally's sample (its first participants) grouped by their most
   * frequent theme (groups in theme frequency order), the strongest first
   * within a group; participants with no theme come last. Ties keep input order.
   */
  participantOrder(): ParticipantCounts[] {
    const rank = new Map(this.themes.map((row, i) => [row.code, i]));
    const key = (p: ParticipantCounts) => {
      let top = '';
      for (const row of this.themes) if ((p.themes.get(row.code) ?? 0) > (p.themes.get(top) ?? 0)) top = row.code;
      return { group: top ? rank.get(top)! : this.themes.length, strength: p.themes.get(top) ?? 0 };
    };
    const keyed = this.tally.sample.map((p, index) => ({ p, index, ...key(p) }));
    keyed.sort((a, b) => a.group - b.group || b.strength - a.strength || a.index - b.index);
    return keyed.map(({ p }) => p);
  }
}
