/** The kinds of rule a code may have, in the order the codebook lists them. */
export const RULE_KINDS = ['keywords', 'phrases', 'patterns', 'regex'] as const;

/** A kind of rule: `keywords` (one word), `phrases` (words in a row), `patterns` (one-word globs), `regex` (checked regular expressions). */
export type RuleKind = (typeof RULE_KINDS)[number];

/** The ways keywords and phrases compare a word of the text with a word of a rule. */
export const MATCH_MODES = ['lemma', 'stem', 'word'] as const;

/** `lemma`: the dictionary form ("felt" is "feel"); `stem`: the Porter stem ("manager" is "management"); `word`: the word as written. */
export type MatchMode = (typeof MATCH_MODES)[number];

/** One rule of a code: a term of one kind and how it matches. */
export interface Rule {
  kind: RuleKind;
  /** The term as written in the codebook. */
  term: string;
  /**
   * What a negator in the match's clause does: `veto` (the default) drops
   * the match, `keep` counts it anyway, and a code counts it for that code
   * instead (a negated change, "nothing has changed", for negative learning).
   */
  negated: string;
  /** How keywords and phrases compare words: `lemma` (the default), `stem` (Porter) or `word` (as written). */
  match: MatchMode;
  /** Parts of speech a keyword or pattern must have (universal tags: NOUN, VERB, ADJ...); empty for any. */
  pos: string[];
  /** Phrases the match must not be part of: `health` except in "health centre". */
  except: string[];
  /** Match letter case as written; default false. */
  caseSensitive: boolean;
  /** What one match adds towards the code's `minMatches`; default 1. */
  weight: number;
  /** The term may also appear in another code; default false. */
  shared: boolean;
}

/** One code of a codebook, with the rules that apply it. */
export interface CodeDef {
  code: string;
  name: string;
  description: string;
  /** Names of themes merged into this code. */
  aliases: string[];
  /** The code this one sits under, or undefined for a top-level code. */
  parent?: string;
  rules: Rule[];
  /** Words or phrases that veto the code in a segment where they occur. */
  exclude: string[];
  /** Total rule weight a segment needs for the code to apply; default 1. */
  minMatches: number;
  /** False for a folder that only groups the codes under it: no rules, never applied. */
  codable: boolean;
  /** The code's GUID in REFI-QDA exchange, kept as written in an imported codebook. */
  guid?: string;
  /** The code's colour in REFI-QDA exchange, `#RRGGBB` (upper case), kept from an imported codebook. */
  colour?: string;
}

/** A validated codebook; `codes` lists every code, each parent before its children. */
export interface Codebook {
  /** The file it was read from, as given. */
  file: string;
  name: string;
  version: string;
  description: string;
  codes: CodeDef[];
}
