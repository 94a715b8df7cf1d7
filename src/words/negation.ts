import { splitClauses } from '../segment/clauses.js';
import type { Span } from '../segment/span.js';
import type { Token } from '../text/tokens.js';

/** Words that negate the clause they stand in; any word ending in `n't` does too. */
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', 'cannot', 'hardly', 'barely', 'scarcely', 'little']);

/**
 * Negators that stand for a thing or an amount ("nothing", "no", "none"):
 * they negate the verb before them as well as what follows ("I learnt
 * nothing", "Nothing has changed"). Every other negator ("not", "never",
 * "without", "n't") negates only what follows it in its clause: in "I've
 * learnt to separate what I can control from what I can't" the learning
 * is not negated.
 */
const BOTH_WAYS = new Set(['no', 'nothing', 'nobody', 'none', 'neither', 'nowhere', 'little']);

/** Words after "no" that make an idiom, not a negation: "no longer" marks a change. */
const NOT_AFTER_NO = new Set(['longer', 'doubt', 'matter']);

/** Words before "no" that make it a word quoted, not a negation: "say no to the owners". */
const NOT_BEFORE_NO = new Set(['say', 'says', 'said', 'saying']);

/** Words after "not" that make an idiom, not a negation: "not only", "not just" mean "also". */
const NOT_AFTER_NOT = new Set(['only', 'just']);

/** Words before "little" that make it a size or an amount ("a little", "my little"), not a negation. */
const NOT_BEFORE_LITTLE = new Set(['a', 'the', 'my', 'our', 'their', 'his', 'her', 'this', 'that', 'very']);

/** True when token `at` negates its clause: "not", "nothing", "didn't"; not "no longer", "say no", "not only", "not just" or "a little". */
export function isNegator(tokens: readonly Token[], at: number): boolean {
  const { lower } = tokens[at];
  if (lower.endsWith("n't")) return true;
  if (!NEGATORS.has(lower)) return false;
  if (lower === 'no') return !NOT_AFTER_NO.has(tokens[at + 1]?.lower ?? '') && !NOT_BEFORE_NO.has(tokens[at - 1]?.lower ?? '');
  if (lower === 'not') return !NOT_AFTER_NOT.has(tokens[at + 1]?.lower ?? '');
  if (lower === 'little') return !NOT_BEFORE_LITTLE.has(tokens[at - 1]?.lower ?? '');
  return true;
}

/** Finds, for a stretch of a segment, the negator of the clause it stands in. */
export type NegationScope = (start: number, end: number) => string | undefined;

/**
 * The negation scopes of one segment (tokens with offsets `offset` ahead
 * of `text`): a negator negates the words after it in its clause ("I
 * didn't learn", "Nothing much has changed") and, when it stands for a
 * thing or an amount ({@link BOTH_WAYS}), the words before it too ("I
 * learnt nothing"); nothing beyond its clause. Clauses are cut as the
 * clause unit cuts them. A negator inside the stretch asked about does not
 * count ("nothing new" is a phrase). So a contrasting ", not" negates
 * only what follows it: in "about their life, not our services" "life" is
 * not negated.
 */
export function negationScope(tokens: readonly Token[], text: string, offset: number): NegationScope {
  const negators: Array<{ text: string; start: number; end: number; backward: boolean }> = [];
  tokens.forEach((token, i) => {
    if (isNegator(tokens, i)) negators.push({ text: token.text, start: token.start - offset, end: token.end - offset, backward: BOTH_WAYS.has(token.lower) });
  });
  if (negators.length === 0) return () => undefined;
  let clauses: Span[] | undefined;
  return (start, end) => {
    clauses ??= splitClauses(text);
    const clause = clauses.find((span) => span.start <= start && start < span.end) ?? { start: 0, end: text.length };
    return negators.find((negator) => negator.start >= clause.start && negator.end <= clause.end && (negator.end <= start || (negator.backward && negator.start >= end)))?.text;
  };
}
