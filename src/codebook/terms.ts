import { fail, type ReflectMessage } from '../messages.js';
import { didYouMean } from '../text/closest.js';
import { compileGlob } from '../text/glob.js';
import { tokenize } from '../text/tokens.js';
import { termWords } from '../words/term.js';
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
  /** Phrases a matched word must not be part of ("next" in "next week" is no sequence marker). */
  except?: readonly string[];
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

/** The universal part-of-speech tags a rule's `pos` may name. */
export const POS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'SCONJ', 'VERB', 'X'] as const;

/** A problem with one option of a rule: what to say, its rule id, and the option's key. */
interface OptionProblem {
  problem: string;
  ruleId: 'codebook-bad-option' | 'codebook-bad-except';
  key: string;
}

/** True when the words of `term` occur in the phrase, compared as keywords and phrases compare them. */
function phraseHas(phrase: string, term: string, kind: RuleKind): boolean {
  const words = termWords(phrase);
  if (kind === 'patterns') {
    const pattern = compileGlob(term);
    return words.some((word) => pattern.test(word.text));
  }
  const wanted = termWords(term).map((word) => word.lemma ?? word.lower);
  return words.some((_, at) => wanted.every((lemma, i) => words[at + i] !== undefined && [words[at + i].lemma, words[at + i].lower].includes(lemma)));
}

/** What is wrong with the options of a rule the schema let through: `pos` and `match` where they mean nothing, unknown tags, an `except` that cannot hold. */
function optionProblems(kind: RuleKind | 'exclude', entry: RawRule): OptionProblem[] {
  if (typeof entry === 'string' || kind === 'exclude') return [];
  const problems: OptionProblem[] = [];
  const oneWord = kind === 'keywords' || kind === 'patterns';
  if (entry.pos !== undefined) {
    if (!oneWord) problems.push({ problem: `expected pos only on keywords and patterns (one word), got it on ${kind}`, ruleId: 'codebook-bad-option', key: 'pos' });
    for (const tag of typeof entry.pos === 'string' ? [entry.pos] : entry.pos) {
      if (!(POS_TAGS as readonly string[]).includes(tag)) problems.push({ problem: `pos: expected one of ${POS_TAGS.join(', ')}, got "${tag}"${didYouMean(tag.toUpperCase(), POS_TAGS)}`, ruleId: 'codebook-bad-option', key: 'pos' });
    }
  }
  if (entry.match !== undefined && kind !== 'keywords' && kind !== 'phrases') problems.push({ problem: `expected match only on keywords and phrases, got it on ${kind}`, ruleId: 'codebook-bad-option', key: 'match' });
  if (entry.except !== undefined && kind === 'regex') problems.push({ problem: 'expected except only on keywords, phrases and patterns, got it on regex', ruleId: 'codebook-bad-option', key: 'except' });
  else {
    for (const phrase of entry.except ?? []) {
      if (!phraseHas(phrase, entry.term, kind)) problems.push({ problem: `except: expected a phrase that contains "${entry.term}", got "${phrase}"`, ruleId: 'codebook-bad-except', key: 'except' });
    }
  }
  return problems;
}

/**
 * Checks what the schema cannot about one set of rules found at `path`
 * (and labelled `label` in messages): keywords are one word, phrases and
 * exclude terms have words, patterns are one-word globs, regexes
 * compile and cannot backtrack catastrophically, `pos` names known tags on
 * one-word rules, and each `except` phrase contains its rule's term.
 */
export function checkRules(rules: RuleLists, label: string, path: readonly (string | number)[], where: YamlLocator): ReflectMessage[] {
  const messages: ReflectMessage[] = [];
  for (const kind of [...RULE_KINDS, 'exclude'] as const) {
    ruleEntries(rules[kind]).forEach(({ entry, item }) => {
      const problem = termProblem(kind, entry);
      if (problem) messages.push(fail(`${label} > ${kind} > item ${item + 1}: ${problem}`, kind === 'regex' ? 'codebook-bad-regex' : 'codebook-bad-term', where.place([...path, kind, item])));
      else {
        for (const option of optionProblems(kind, entry)) messages.push(fail(`${label} > ${kind} > item ${item + 1}: ${option.problem}`, option.ruleId, where.place([...path, kind, item, option.key])));
      }
    });
  }
  return messages;
}

/**
 * Checks every `negated` of a codebook (on codes and on rules): `veto`,
 * `keep` or one of its codes.
 */
export function checkNegated(codes: ReadonlyArray<{ raw: Partial<Record<RuleKind, readonly RawRule[]>> & { code: string; negated?: unknown }; path: readonly (string | number)[] }>, where: YamlLocator): ReflectMessage[] {
  const known = codes.map(({ raw }) => raw.code);
  const problem = (value: unknown) => (typeof value !== 'string' || value === 'veto' || value === 'keep' || known.includes(value) ? undefined : `expected veto, keep or one of the codes (${known.join(', ')}), got "${value}"${didYouMean(value, known)}`);
  const messages: ReflectMessage[] = [];
  for (const { raw, path } of codes) {
    const own = problem(raw.negated);
    if (own) messages.push(fail(`code "${raw.code}" > negated: ${own}`, 'codebook-unknown-code', where.place([...path, 'negated'])));
    for (const kind of RULE_KINDS) {
      ruleEntries(raw[kind]).forEach(({ entry, item }) => {
        const bad = typeof entry === 'string' ? undefined : problem(entry.negated);
        if (bad) messages.push(fail(`code "${raw.code}" > ${kind} > item ${item + 1} > negated: ${bad}`, 'codebook-unknown-code', where.place([...path, kind, item, 'negated'])));
      });
    }
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
