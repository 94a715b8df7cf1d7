import { splitClauses } from '../segment/clauses.js';
import type { Span } from '../segment/span.js';
import type { Token } from '../text/tokens.js';

/** Words that negate the clause they stand in; any word ending in `n't` does too. */
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', 'cannot', 'hardly', 'barely', 'scarcely', 'little']);

/** Words after "no" that make an idiom, not a negation: "no longer" marks a change. */
const NOT_AFTER_NO = new Set(['longer', 'doubt', 'matter']);

/** Words before "little" that make it a size or an amount ("a little", "my little"), not a negation. */
const NOT_BEFORE_LITTLE = new Set(['a', 'the', 'my', 'our', 'their', 'his', 'her', 'this', 'that', 'very']);

/** True when token `at` negates its clause: "not", "nothing", "didn't"; not "no longer", "not only" or "a little". */
export function isNegator(tokens: readonly Token[], at: number): boolean {
  const { lower } = tokens[at];
  if (lower.endsWith("n't")) return true;
  if (!NEGATORS.has(lower)) return false;
  if (lower === 'no') return !NOT_AFTER_NO.has(tokens[at + 1]?.lower ?? '');
  if (lower === 'not') return tokens[at + 1]?.lower !== 'only';
  if (lower === 'little') return !NOT_BEFORE_LITTLE.has(tokens[at - 1]?.lower ?? '');
  return true;
}

/** Finds, for a stretch of a segment, the negator of the clause it stands in. */
export type NegationScope = (start: number, end: number) => string | undefined;

/**
 * The negation scopes of one segment (tokens with offsets `offset` ahead
 * of `text`): a negator negates every word of its clause, before or after
 * it ("I learnt nothing", "Nothing much has changed"), and nothing beyond
 * it. Clauses are cut as the clause unit cuts them. A negator inside the
 * stretch asked about does not count ("nothing new" is a phrase).
 */
export function negationScope(tokens: readonly Token[], text: string, offset: number): NegationScope {
  const negators = tokens.flatMap((token, i) => (isNegator(tokens, i) ? [{ text: token.text, start: token.start - offset, end: token.end - offset }] : []));
  if (negators.length === 0) return () => undefined;
  let clauses: Span[] | undefined;
  return (start, end) => {
    clauses ??= splitClauses(text);
    const clause = clauses.find((span) => span.start <= start && start < span.end) ?? { start: 0, end: text.length };
    return negators.find((negator) => negator.start >= clause.start && negator.end <= clause.end && (negator.end <= start || negator.start >= end))?.text;
  };
}
