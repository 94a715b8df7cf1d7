import type { Account } from '../document.js';
import { fail, warn, type ReflectMessage } from '../messages.js';

/**
 * An empty record of metadata values. It has no prototype, so a column
 * named `__proto__` or `constructor` is a column like any other.
 */
export function metadataRecord(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** Longest account coded, in characters (about 17,000 words, far beyond a written reflection); a longer one is skipped with a warning. */
const LONGEST_ACCOUNT = 100_000;

/** Longest run of characters without white space in an account (a long web address is about 100); a longer one is not prose. */
const LONGEST_WORD = 200;

/**
 * A run without white space longer than {@link LONGEST_WORD}; compiled
 * once, as every account is tested. It is tried only where a run starts,
 * so each run is read once (without the look-behind, every word is read
 * again from each of its letters).
 */
const OVERLONG_WORD = new RegExp(`(?<!\\S)\\S{${LONGEST_WORD + 1},}`, 'u');

/** The length of the first run without white space in `text` longer than {@link LONGEST_WORD}, if any (one linear scan). */
function overlongWord(text: string): number | undefined {
  const match = OVERLONG_WORD.exec(text);
  return match ? match[0].length : undefined;
}

/**
 * Builds an account from an ID and text read at `file:line`, or returns a
 * warning when the text is empty, longer than {@link LONGEST_ACCOUNT}
 * characters or holds a "word" longer than {@link LONGEST_WORD} (the
 * account is skipped: such text is not a written reflection, and coding it
 * would take minutes). An empty ID is fatal.
 */
export function makeAccount(participant: string, text: string, metadata: Record<string, string>, file: string, line: number): Account | ReflectMessage {
  const id = participant.trim();
  if (id === '') throw fail('expected a participant ID, got an empty cell', 'input-empty-id', { file, line });
  if (text.trim() === '') return warn(`participant "${id}" has an empty account; skipped`, 'input-empty-text', { file, line });
  if (text.length > LONGEST_ACCOUNT) {
    return warn(`participant "${id}" has an account of ${text.length.toLocaleString('en-GB')} characters; expected at most ${LONGEST_ACCOUNT.toLocaleString('en-GB')} (about 17,000 words); skipped (split a transcript into parts with IDs of their own)`, 'input-account-too-long', { file, line });
  }
  const word = overlongWord(text);
  if (word !== undefined) {
    return warn(`participant "${id}" has a run of ${word.toLocaleString('en-GB')} characters without a space; expected words of at most ${LONGEST_WORD} characters in an account; skipped (is this column the text?)`, 'input-word-too-long', { file, line });
  }
  return { participant: id, text: text.replace(/^\uFEFF/, ''), source: { file, line }, metadata };
}
