/** The kinds of rule a code may have, in the order the codebook lists them. */
export const RULE_KINDS = ['keywords', 'phrases', 'patterns', 'regex'] as const;

/** A kind of rule: `keywords` (Porter stems), `phrases` (words in a row), `patterns` (one-word globs), `regex` (checked regular expressions). */
export type RuleKind = (typeof RULE_KINDS)[number];

/** One rule of a code: a term of one kind and how it matches. */
export interface Rule {
  kind: RuleKind;
  /** The term as written in the codebook. */
  term: string;
  /** A negator (not, never, no longer, n't, without, cannot) up to three words before the match vetoes it; default true. */
  negatable: boolean;
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
