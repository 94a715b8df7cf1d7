import { createRequire } from 'node:module';

/** recheck, loaded on first use: it is large, and a coding thread given every verdict ({@link rememberRegexVerdicts}) never needs it. */
let recheck: typeof import('recheck') | undefined;

/** A regular expression rule compiled for matching, or the reason it was refused. */
export type CheckedRegex = { regex: RegExp; problem?: undefined } | { regex?: undefined; problem: string };

/** Verdicts already reached, by flags and source: the backtracking check is the slow part of loading a codebook. */
const verdicts = new Map<string, string | null>();

/** The backtracking verdicts reached so far (`null` for a safe pattern), to hand to another thread. */
export function regexVerdicts(): Array<[string, string | null]> {
  return [...verdicts];
}

/** Takes verdicts reached by another thread ({@link regexVerdicts}), so the same patterns are not checked again. */
export function rememberRegexVerdicts(known: ReadonlyArray<[string, string | null]>): void {
  for (const [key, problem] of known) verdicts.set(key, problem);
}

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
  const key = `${flags}/${source}`;
  let problem = verdicts.get(key);
  if (problem === undefined) verdicts.set(key, (problem = backtrackingProblem(source, flags)));
  return problem === null ? { regex } : { problem };
}

/** What recheck finds wrong with a pattern's worst-case time, or `null` when it runs in linear time. */
function backtrackingProblem(source: string, flags: string): string | null {
  recheck ??= createRequire(import.meta.url)('recheck') as typeof import('recheck');
  const verdict = recheck.checkSync(source, flags.replace('g', ''));
  if (verdict.status === 'vulnerable') {
    const attack = verdict.attack.pattern.length > 40 ? `${verdict.attack.pattern.slice(0, 37)}...` : verdict.attack.pattern;
    const hint = verdict.complexity.type === 'exponential' ? 'avoid a repeated group that can match the same text in two ways, such as (a+)+ or (a|a)*' : 'anchor a repeat with \\b or ^ so it cannot start at every character, as a+$ or \\s*x\\s*$ can';
    return `expected a regular expression that runs in linear time, got "${source}", which can take ${verdict.complexity.type} time (for instance on ${attack}); ${hint}`;
  }
  if (verdict.status === 'unknown') return `expected a regular expression that can be checked for catastrophic backtracking, got "${source}" (${verdict.error.kind}); simplify it, or use keywords, phrases or patterns`;
  return null;
}
