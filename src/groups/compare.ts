import { fail, warn, type ReflectMessage } from '../messages.js';
import type { Tally } from '../tally.js';
import { addGroup, emptyGroup, type GroupCounts, type GroupTally } from './group-tally.js';
import { didYouMean } from '../text/closest.js';
import { naturalOrder } from '../text/natural-order.js';
import { codesOf, type CodeList } from '../write/tables.js';
import { independence, type IndependenceTest } from './independence.js';

/** The group that groups with too few participants are pooled into. */
export const OTHER_GROUP = 'Other (small groups)';

/** The group of participants whose cell in the column is empty. */
export const BLANK_GROUP = '(blank)';

/** How to compare groups: the metadata columns to group by, and the fewest participants a group may show. */
export interface GroupOptions {
  /** Metadata columns, as given to `--by`; none by default. */
  by?: readonly string[];
  /** Groups with fewer participants are pooled into {@link OTHER_GROUP}; default 5. */
  minGroupSize?: number;
}

/** A group of participants that share a value of a column, with its totals. */
export interface Group {
  name: string;
  participants: number;
  segments: number;
}

/** One code compared across groups: per group, the segments with it and the participants with it; and the test of independence. */
export interface CodeComparison {
  code: string;
  name: string;
  /** One per group, in the order of {@link GroupComparison.groups}. */
  cells: Array<{ segments: number; participants: number }>;
  /** Participants with and without the code across the groups; undefined when no test is possible. */
  test?: IndependenceTest;
}

/** The themes and structure tags of a coding compared across the groups of one column. */
export interface GroupComparison {
  column: string;
  groups: Group[];
  themes: CodeComparison[];
  structure: CodeComparison[];
  /** Warnings, such as groups pooled or left out for being small. */
  messages: ReflectMessage[];
}

/**
 * The metadata columns `by` names, as the inputs spell them (matched
 * exactly, then ignoring case); an unknown name is a fatal message listing
 * the columns there are.
 */
export function groupColumns(by: readonly string[] = [], metadataColumns: readonly string[]): string[] {
  return by.map((wanted) => {
    const found = metadataColumns.find((name) => name === wanted) ?? metadataColumns.find((name) => name.toLowerCase() === wanted.trim().toLowerCase());
    if (found) return found;
    const listed = metadataColumns.length > 0 ? `the columns are ${metadataColumns.map((name) => `"${name}"`).join(', ')}` : 'the inputs have no columns besides the ID and the text';
    throw fail(`expected --by to name a column of the inputs, got "${wanted}"${didYouMean(wanted, metadataColumns)}; ${listed}`, 'option-invalid');
  });
}

/** Checks `--min-group-size`: a whole number of 1 or more; default 5. */
export function minGroupSize(options: GroupOptions): number {
  const size = options.minGroupSize ?? 5;
  if (!Number.isInteger(size) || size < 1) throw fail(`expected --min-group-size to be a whole number of 1 or more, got "${String(options.minGroupSize)}"`, 'option-invalid');
  return size;
}

/** A participant's group in a column: the trimmed cell, or {@link BLANK_GROUP} for an empty one. */
export function groupName(metadata: Record<string, string>, column: string): string {
  return (metadata[column] ?? '').trim() || BLANK_GROUP;
}

/** The groups of a column in natural order, groups under `minSize` pooled into {@link OTHER_GROUP} (last), which is left out when still under it. */
function poolGroups(byValue: ReadonlyMap<string, GroupCounts>, column: string, minSize: number, messages: ReflectMessage[]): Map<string, GroupCounts> {
  const groups = new Map<string, GroupCounts>();
  const small: string[] = [];
  const pooled = emptyGroup();
  for (const value of [...byValue.keys()].sort(naturalOrder)) {
    const counts = byValue.get(value)!;
    if (counts.participants >= minSize) groups.set(value, counts);
    else {
      small.push(value);
      addGroup(pooled, counts);
    }
  }
  if (small.length === 0) return groups;
  const names = small.map((value) => `"${value}"`).join(', ');
  if (pooled.participants >= minSize) {
    groups.set(OTHER_GROUP, pooled);
    messages.push(warn(`--by ${column}: ${small.length === 1 ? 'group' : 'groups'} ${names} ${small.length === 1 ? 'has' : 'have'} fewer than ${minSize} participants (--min-group-size); pooled into "${OTHER_GROUP}"`, 'groups-pooled'));
  } else {
    messages.push(warn(`--by ${column}: ${small.length === 1 ? 'group' : 'groups'} ${names} ${small.length === 1 ? 'has' : 'have'} fewer than ${minSize} participants (--min-group-size), ${pooled.participants} in all, too few to show even pooled; left out of the group tables`, 'groups-left-out'));
  }
  return groups;
}

function compareCodes(codes: ReadonlyArray<{ code: string; name: string }>, groups: readonly GroupCounts[], kind: 'themes' | 'tags'): CodeComparison[] {
  return codes.map(({ code, name }) => {
    const cells = groups.map((group) => ({ segments: group[kind].get(code)?.segments ?? 0, participants: group[kind].get(code)?.participants ?? 0 }));
    const test = independence([cells.map((cell) => cell.participants), cells.map((cell, i) => groups[i].participants - cell.participants)]);
    return { code, name, cells, test };
  });
}

/** Compares the themes and structure tags of a coding across the groups of one metadata column, from the groups' counts and the tally's codes. */
export function compareGroups(groupTally: GroupTally, tally: Tally, column: string, codebook: CodeList, rules: CodeList, minSize: number): GroupComparison {
  const messages: ReflectMessage[] = [];
  const grouped = poolGroups(groupTally.groups(column), column, minSize, messages);
  const counts = [...grouped.values()];
  return {
    column,
    groups: [...grouped].map(([name, group]) => ({ name, participants: group.participants, segments: group.segments })),
    themes: compareCodes(codesOf(codebook, tally.themeSegments.keys()), counts, 'themes'),
    structure: compareCodes(codesOf(rules, tally.tagSegments.keys()), counts, 'tags'),
    messages,
  };
}
