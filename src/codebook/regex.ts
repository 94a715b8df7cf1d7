import { checkSync } from 'recheck';

/** A regular expression rule compiled for matching, or the reason it was refused. */
export type CheckedRegex = { regex: RegExp; problem?: undefined } | { regex?: undefined; problem: string };

/**
 * Compiles a `regex` rule (JavaScript syntax, Unicode mode, global, and
 * case-insensitive unless `caseSensitive`). It is refused when it does not
 * compile, when it matches empty text, or when recheck finds an input that
 * makes it backtrack for exponential or polynomial time (such as `(a+)+$`),
 * so that no codebook can make a run hang.
 */
export function checkRegex(source: string, caseSensitive: boolean): CheckedRegex {
  const flags = caseSensitive ? 'gu' : 'giu';
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    return { problem: `expected a regular expression, got "${source}" (${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '').toLowerCase()})` };
  }
  if (regex.test('')) return { problem: `expected a regular expression that needs at least one character, got "${source}", which matches empty text` };
  regex.lastIndex = 0;
  const verdict = checkSync(source, flags.replace('g', ''));
  if (verdict.status === 'vulnerable') {
    const attack = verdict.attack.pattern.length > 40 ? `${verdict.attack.pattern.slice(0, 37)}...` : verdict.attack.pattern;
    const hint = verdict.complexity.type === 'exponential' ? 'avoid a repeated group that can match the same text in two ways, such as (a+)+ or (a|a)*' : 'anchor a repeat with \\b or ^ so it cannot start at every character, as a+$ or \\s*x\\s*$ can';
    return { problem: `expected a regular expression that runs in linear time, got "${source}", which can take ${verdict.complexity.type} time (for instance on ${attack}); ${hint}` };
  }
  if (verdict.status === 'unknown') return { problem: `expected a regular expression that can be checked for catastrophic backtracking, got "${source}" (${verdict.error.kind}); simplify it, or use keywords, phrases or patterns` };
  return { regex };
}
