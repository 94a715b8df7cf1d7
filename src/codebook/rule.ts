import type { LexicalRules } from './terms.js';
import { RULE_KINDS, type CodeDef, type MatchMode, type Rule, type RuleKind } from './types.js';

/** A rule as written in a codebook: the term, or a mapping with the term and its options. */
export type RawRule =
  | string
  | { term: string; negatable?: boolean; negated?: string; match?: MatchMode; pos?: string | string[]; except?: string[]; case?: 'sensitive' | 'insensitive'; weight?: number; shared?: boolean };

/**
 * A rule with its options filled in: matched on lemmas, any part of speech,
 * no exceptions, case-insensitive, weight 1, not shared, and vetoed by a
 * negator in its clause (or as the code's `negated` says), unless the
 * entry says otherwise. `negatable: false` is the older way to write
 * `negated: keep`.
 */
export function toRule(kind: RuleKind, entry: RawRule, negated = 'veto'): Rule {
  const options = typeof entry === 'string' ? { term: entry } : entry;
  return {
    kind,
    term: options.term,
    negated: options.negated ?? (options.negatable === false ? 'keep' : negated),
    match: options.match ?? 'lemma',
    pos: typeof options.pos === 'string' ? [options.pos] : (options.pos ?? []),
    except: options.except ?? [],
    caseSensitive: options.case === 'sensitive',
    weight: options.weight ?? 1,
    shared: options.shared ?? false,
  };
}

/**
 * A code made of plain term lists, as a structure cue has them, matched
 * on Porter stems as the cue files were written. Negation is left to the
 * cue file's own `negation` feature, so its words count even after a
 * negator.
 */
export function lexicalCode(code: string, name: string, rules: LexicalRules): CodeDef {
  return {
    code,
    name,
    description: '',
    aliases: [],
    rules: RULE_KINDS.flatMap((kind) => (kind === 'regex' ? [] : (rules[kind] ?? [])).map((term) => toRule(kind, { term, negated: 'keep', match: 'stem', except: [...(rules.except ?? [])] }))),
    exclude: [],
    minMatches: 1,
    codable: true,
  };
}

/** A rule as lists show it: a keyword or pattern as written, a phrase in quotes, a regex between slashes. */
export function describeRule(rule: Rule): string {
  if (rule.kind === 'phrases') return `“${rule.term}”`;
  return rule.kind === 'regex' ? `/${rule.term}/` : rule.term;
}
