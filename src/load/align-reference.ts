import type { Account } from '../document.js';
import { fail } from '../messages.js';
import type { Span } from '../segment/span.js';
import { loadAccounts, planInputs } from './inputs.js';

/** A unit of a reference coding: whose account, its text, and its line in the reference file. */
export interface ReferenceText {
  participant: string;
  text: string;
  line: number;
}

/**
 * Finds a reference coding's units in their accounts (read from
 * `inputs`): each participant's units, in order, in the account's text,
 * yielded with their spans, so a stage sees the segments a person coded
 * in the context of the whole account. A unit not found there, or a
 * participant with no account, stops with a message naming `file` and line.
 */
export async function* alignReference<T extends ReferenceText>(reference: readonly T[], inputs: readonly string[], file: string): AsyncGenerator<{ account: Account; units: T[]; spans: Span[] }> {
  const byParticipant = new Map<string, T[]>();
  for (const unit of reference) byParticipant.set(unit.participant, [...(byParticipant.get(unit.participant) ?? []), unit]);
  for await (const account of loadAccounts(await planInputs(inputs))) {
    if (!('participant' in account)) continue;
    const units = byParticipant.get(account.participant);
    if (!units) continue;
    byParticipant.delete(account.participant);
    let cursor = 0;
    const spans = units.map((unit) => {
      const start = account.text.indexOf(unit.text, cursor);
      if (start < 0) throw fail(`expected this segment's text in the account of "${unit.participant}" after offset ${cursor}, got no match`, 'reference-text-not-found', { file, line: unit.line });
      cursor = start + unit.text.length;
      return { start, end: cursor };
    });
    yield { account, units, spans };
  }
  const missing = [...byParticipant.keys()];
  if (missing.length > 0) throw fail(`expected an account for every participant of the reference coding, got none for ${missing.join(', ')}`, 'reference-account-missing', { file });
}
