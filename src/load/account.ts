import type { Account } from '../document.js';
import { fail, warn, type ReflectMessage } from '../messages.js';

/**
 * An empty record of metadata values. It has no prototype, so a column
 * named `__proto__` or `constructor` is a column like any other.
 */
export function metadataRecord(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/**
 * Builds an account from an ID and text read at `file:line`, or returns a
 * warning when the text is empty (the account is skipped). An empty ID is fatal.
 */
export function makeAccount(participant: string, text: string, metadata: Record<string, string>, file: string, line: number): Account | ReflectMessage {
  const id = participant.trim();
  if (id === '') throw fail('expected a participant ID, got an empty cell', 'input-empty-id', { file, line });
  if (text.trim() === '') return warn(`participant "${id}" has an empty account; skipped`, 'input-empty-text', { file, line });
  return { participant: id, text: text.replace(/^\uFEFF/, ''), source: { file, line }, metadata };
}
