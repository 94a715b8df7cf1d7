import { warn, type Place, type ReflectMessage } from '../messages.js';

/**
 * A warning for each metadata column whose value differs between the
 * records of one participant (the first record's value is the one kept),
 * naming the participant, the column and the record that differs first.
 */
export function metadataConflicts(participant: string, records: ReadonlyArray<{ metadata: Record<string, string>; place: Place }>): ReflectMessage[] {
  const [first, ...rest] = records;
  if (!first) return [];
  const messages: ReflectMessage[] = [];
  for (const [column, value] of Object.entries(first.metadata)) {
    const other = rest.find((record) => (record.metadata[column] ?? '').trim() !== value.trim());
    if (!other) continue;
    messages.push(warn(`participant "${participant}" has more than one value in column "${column}" ("${value}", then "${other.metadata[column] ?? ''}"); the first is kept for the tables and the group comparisons`, 'metadata-varies', other.place));
  }
  return messages;
}
