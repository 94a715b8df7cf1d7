import { fail, type ReflectMessage } from '../messages.js';
import { tokenize } from '../text/tokens.js';
import { checkRegex } from './regex.js';
import { RULE_KINDS, type RuleKind } from './types.js';
import type { YamlLocator } from './yaml-file.js';
import type { RawRule } from './rule.js';

/** A one-word glob: letters, digits and apostrophes, with `*` and `?` wildcards. */
export const PATTERN = /^[\p{L}\p{N}'\u2019*?]+$/u;

/** The lexical rules of a structure cue: plain lists of terms. */
export interface LexicalRules {
  keywords?: readonly string[];
  phrases?: readonly string[];
  patterns?: readonly string[];
  /** Words or phrases that veto the cue where they occur ("next week" is no sequence marker). */
  exclude?: readonly string[];
}

/** The term lists of a code or cue that {@link checkRules} checks. */
export type RuleLists = Partial<Record<RuleKind | 'exclude', readonly RawRule[]>>;

/** The term of a rule entry. */
export function termOf(entry: RawRule): string {
  return typeof entry === 'string' ? entry : entry.term;
}

/**
 * The well-formed entries of a rule list (terms, or mappings with a text
 * `term`), each with its place in the list; the schema reports the rest,
 * so the other checks can still run on a codebook with shape mistakes.
 */
export function ruleEntries(list: unknown): Array<{ entry: RawRule; item: number }> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown, item) =>
    typeof entry === 'string' || (typeof entry === 'object' && entry !== null && typeof (entry as { term?: unknown }).term === 'string') ? [{ entry: entry as RawRule, item }] : [],
  );
}

/** What is wrong with a term of a kind, or undefined when it is well formed. */
function termProblem(kind: RuleKind | 'exclude', entry: RawRule): string | undefined {
  const term = termOf(entry);
  switch (kind) {
    case 'keywords': {
      const words = tokenize(term).length;
      return words === 1 ? undefined : `expected one word, got ${words === 0 ? 'no word' : `${words} words in "${term}"`}; put several words under phrases`;
    }
    case 'phrases':
    case 'exclude':
      return tokenize(term).length === 0 ? `expected words, got "${term}"` : undefined;
    case 'patterns':
      return PATTERN.test(term) ? undefined : `expected one word of letters with * or ? wildcards, got "${term}"`;
    case 'regex':
      return checkRegex(term, typeof entry !== 'string' && entry.case === 'sensitive').problem;
  }
}

/**
 * Checks what the schema cannot about one set of rules found at `path`
 * (and labelled `label` in messages): keywords are one word, phrases and
 * exclude terms have words, patterns are one-word globs, and regexes
 * compile and cannot backtrack catastrophically.
 */
export function checkRules(rules: RuleLists, label: string, path: readonly (string | number)[], where: YamlLocator): ReflectMessage[] {
  const messages: ReflectMessage[] = [];
  for (const kind of [...RULE_KINDS, 'exclude'] as const) {
    ruleEntries(rules[kind]).forEach(({ entry, item }) => {
      const problem = termProblem(kind, entry);
      if (problem) messages.push(fail(`${label} > ${kind} > item ${item + 1}: ${problem}`, kind === 'regex' ? 'codebook-bad-regex' : 'codebook-bad-term', where.place([...path, kind, item])));
    });
  }
  return messages;
}

/**
 * Checks that codes are unique (ignoring case; each found at its `path`,
 * by default `codes > index`) and that `default_code`,
 * when given, names one of them.
 */
export function checkCodes(codes: ReadonlyArray<{ code: string; path?: readonly (string | number)[] }>, defaultCode: string | undefined, where: YamlLocator): ReflectMessage[] {
  const messages: ReflectMessage[] = [];
  const seen = new Map<string, readonly (string | number)[]>();
  codes.forEach(({ code, path: at }, index) => {
    const path = at ?? ['codes', index];
    const first = seen.get(code.toLowerCase());
    if (first === undefined) seen.set(code.toLowerCase(), path);
    else {
      const firstPlace = where.place([...first, 'code']);
      messages.push(fail(`code "${code}" is defined twice (first at line ${firstPlace.line}); expected each code once`, 'codebook-duplicate-code', where.place([...path, 'code'])));
    }
  });
  if (defaultCode !== undefined && !seen.has(defaultCode.toLowerCase())) {
    messages.push(fail(`default_code: expected one of the codes (${codes.map((c) => c.code).join(', ')}), got "${defaultCode}"`, 'codebook-unknown-default', where.place(['default_code'])));
  }
  return messages;
}
