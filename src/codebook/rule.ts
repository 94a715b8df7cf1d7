import type { LexicalRules } from './terms.js';
import { RULE_KINDS, type CodeDef, type Rule, type RuleKind } from './types.js';

/** A rule as written in a codebook: the term, or a mapping with the term and its options. */
export type RawRule = string | { term: string; negatable?: boolean; case?: 'sensitive' | 'insensitive'; weight?: number; shared?: boolean };

/** A rule with its options filled in: negatable, case-insensitive, weight 1, not shared, unless the entry says otherwise. */
export function toRule(kind: RuleKind, entry: RawRule): Rule {
  const options = typeof entry === 'string' ? { term: entry } : entry;
  return { kind, term: options.term, negatable: options.negatable ?? true, caseSensitive: options.case === 'sensitive', weight: options.weight ?? 1, shared: options.shared ?? false };
}

/**
 * A code made of plain term lists, as a structure cue has them. Negation
 * is left to the cue file's own `negation` feature, so its words count
 * even after a negator.
 */
export function lexicalCode(code: string, name: string, rules: LexicalRules): CodeDef {
  return {
    code,
    name,
    description: '',
    aliases: [],
    rules: RULE_KINDS.flatMap((kind) => (kind === 'regex' ? [] : (rules[kind] ?? [])).map((term) => toRule(kind, { term, negatable: false }))),
    exclude: [...(rules.exclude ?? [])],
    minMatches: 1,
  };
}

/** A rule as lists show it: a keyword or pattern as written, a phrase in quotes, a regex between slashes. */
export function describeRule(rule: Rule): string {
  if (rule.kind === 'phrases') return `“${rule.term}”`;
  return rule.kind === 'regex' ? `/${rule.term}/` : rule.term;
}
