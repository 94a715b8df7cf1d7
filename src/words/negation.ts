import { splitClauses } from '../segment/clauses.js';
import type { Span } from '../segment/span.js';
import type { Token } from '../text/tokens.js';

/** Words that negate the clause they stand in; any word ending in `n't` does too. */
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', 'cannot', 'hardly', 'barely', 'scarcely', 'little']);

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

/**
 * True for a contrasting "not" after a comma, semicolon or dash ("support
 * his choices, not make them for him"): it negates what follows it, not
 * what went before.
 */
function isContrast(text: string, start: number, lower: string): boolean {
  return lower === 'not' && /[,;\u2013\u2014]\s*$|\s-\s*$/u.test(text.slice(Math.max(0, start - 4), start));
}

/** Finds, for a stretch of a segment, the negator of the clause it stands in. */
export type NegationScope = (start: number, end: number) => string | undefined;

/**
 * The negation scopes of one segment (tokens with offsets `offset` ahead
 * of `text`): a negator negates every word of its clause, before or after
 * it ("I learnt nothing", "Nothing much has changed"), and nothing beyond
 * it. Clauses are cut as the clause unit cuts them. A negator inside the
 * stretch asked about does not count ("nothing new" is a phrase). A
 * contrasting ", not" negates only the words after it: in "about their
 * life, not our services" "life" is not negated.
 */
export function negationScope(tokens: readonly Token[], text: string, offset: number): NegationScope {
  const negators = tokens.flatMap((token, i) => (isNegator(tokens, i) ? [{ text: token.text, start: token.start - offset, end: token.end - offset, contrast: isContrast(text, token.start - offset, token.lower) }] : []));
  if (negators.length === 0) return () => undefined;
  let clauses: Span[] | undefined;
  return (start, end) => {
    clauses ??= splitClauses(text);
    const clause = clauses.find((span) => span.start <= start && start < span.end) ?? { start: 0, end: text.length };
    return negators.find((negator) => negator.start >= clause.start && negator.end <= clause.end && (negator.contrast ? negator.end <= start : negator.end <= start || negator.start >= end))?.text;
  };
}
