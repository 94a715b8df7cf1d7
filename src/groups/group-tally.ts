import type { ParticipantCounts } from '../tally.js';

/** One code's counts in a group: segments with it, and participants with it at least once. */
export interface CodeCounts {
  segments: number;
  participants: number;
}

/** The counts of one group of participants (those who share a value of a column). */
export interface GroupCounts {
  participants: number;
  segments: number;
  themes: Map<string, CodeCounts>;
  tags: Map<string, CodeCounts>;
}

/** An empty group. */
export function emptyGroup(): GroupCounts {
  return { participants: 0, segments: 0, themes: new Map(), tags: new Map() };
}

/** Adds `from`'s counts to `into` (pooling small groups). */
export function addGroup(into: GroupCounts, from: GroupCounts): void {
  into.participants += from.participants;
  into.segments += from.segments;
  for (const kind of ['themes', 'tags'] as const) {
    for (const [code, counts] of from[kind]) {
      const cell = into[kind].get(code) ?? { segments: 0, participants: 0 };
      cell.segments += counts.segments;
      cell.participants += counts.participants;
      into[kind].set(code, cell);
    }
  }
}

/** The value that names a participant's group in a column; the empty cell forms a group of its own. */
export type GroupName = (metadata: Record<string, string>, column: string) => string;

/**
 * Counts, for each `--by` column, each group's participants and segments
 * and each code's segments and participants in it, one participant at a
 * time: memory grows with the number of groups, not of participants.
 */
export class GroupTally {
  private readonly columns = new Map<string, Map<string, GroupCounts>>();

  constructor(columns: readonly string[], private readonly nameOf: GroupName) {
    for (const column of columns) this.columns.set(column, new Map());
  }

  /** Adds one participant's counts to its group in every column. */
  add(participant: ParticipantCounts): void {
    for (const [column, groups] of this.columns) {
      const name = this.nameOf(participant.metadata, column);
      const group = groups.get(name) ?? emptyGroup();
      groups.set(name, group);
      addGroup(group, {
        participants: 1,
        segments: participant.segments,
        themes: new Map([...participant.themes].map(([code, segments]) => [code, { segments, participants: segments > 0 ? 1 : 0 }])),
        tags: new Map([...participant.tags].map(([code, segments]) => [code, { segments, participants: segments > 0 ? 1 : 0 }])),
      });
    }
  }

  /** The groups of one column, by name. */
  groups(column: string): ReadonlyMap<string, GroupCounts> {
    return this.columns.get(column) ?? new Map();
  }
}
