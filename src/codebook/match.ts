import type { CodeHit } from '../document.js';
import { compileGlob, type WordPattern } from '../text/glob.js';
import { normalise, tokenize, type Token } from '../text/tokens.js';
import { checkRegex } from './regex.js';
import type { CodeDef, Codebook, Rule } from './types.js';

/** A stretch of a segment that one rule matched. */
export interface RuleMatch {
  rule: Rule;
  /** The matched text as written. */
  words: string;
  /** Character offsets into the segment's text, `[start, end)`. */
  start: number;
  end: number;
}

/** A match that did not count, and why: a negator before it, or an `exclude` term in the segment. */
export interface VetoedMatch extends RuleMatch {
  reason: 'negation' | 'exclude';
  /** The negator or the exclude term's words, as written. */
  by: string;
}

/** How one code fared in one segment: the matches that counted, those vetoed, and the outcome. */
export interface CodeTrace {
  code: CodeDef;
  /** Matches that counted, in text order; a match inside a longer one of the same code is left out. */
  fired: RuleMatch[];
  vetoed: VetoedMatch[];
  /** Sum of the weights of the matches that counted. */
  score: number;
  /** True when `score` reaches the code's `minMatches`. */
  applied: boolean;
}

/** Traces a codebook's rules over the tokens of one segment: one trace per code that matched anything. */
export type Tracer = (tokens: readonly Token[], text: string, offset: number) => CodeTrace[];

/** Applies a codebook's rules to the tokens of one segment. */
export type Matcher = (tokens: readonly Token[], text: string, offset: number) => CodeHit[];

/** Words that negate a match up to {@link NEGATION_WINDOW} words after them; `n't` endings and "no longer" too. */
const NEGATORS = new Set(['not', 'never', 'without', 'cannot']);

/** How many words before a match are searched for a negator. */
export const NEGATION_WINDOW = 3;

/** The negator among the few words before token `at`, as written, if any. */
function negatorBefore(tokens: readonly Token[], at: number): string | undefined {
  for (let i = at - 1; i >= Math.max(0, at - NEGATION_WINDOW); i--) {
    const { lower } = tokens[i];
    if (NEGATORS.has(lower) || lower.endsWith("n't")) return tokens[i].text;
    if (lower === 'longer' && tokens[i - 1]?.lower === 'no') return `${tokens[i - 1].text} ${tokens[i].text}`;
  }
  return undefined;
}

/** True when the letters a token shares with a rule's word are written in the same case. */
function sameCase(token: Token, word: string): boolean {
  let shared = 0;
  while (shared < word.length && shared < token.lower.length && token.lower[shared] === word[shared].toLowerCase()) shared++;
  return token.text.slice(0, shared) === word.slice(0, shared);
}

/** A compiled rule: finds its matches among a segment's tokens as token ranges or character ranges. */
interface Compiled {
  code: number;
  rule: Rule;
}

interface WordRule extends Compiled {
  words: Token[];
}

/** Token-sequence rules (keywords and phrases) indexed by their first stem; globs and regexes listed. */
interface Index {
  byStem: Map<string, WordRule[]>;
  /** Patterns with no wildcard and no case rule: whole words, looked up by their lower-case form. */
  byWord: Map<string, Compiled[]>;
  globs: Array<Compiled & { pattern: WordPattern }>;
  regexes: Array<Compiled & { regex: RegExp }>;
  /** Each code's exclude terms, as token sequences. */
  excludes: Token[][][];
}

function buildIndex(codes: readonly CodeDef[]): Index {
  const index: Index = { byStem: new Map(), byWord: new Map(), globs: [], regexes: [], excludes: [] };
  codes.forEach((def, code) => {
    for (const rule of def.rules) {
      if (rule.kind === 'keywords' || rule.kind === 'phrases') {
        const words = tokenize(rule.term);
        push(index.byStem, words[0].stem, { code, rule, words });
      } else if (rule.kind === 'patterns' && !rule.caseSensitive && !/[*?]/.test(rule.term)) {
        push(index.byWord, normalise(rule.term), { code, rule });
      } else if (rule.kind === 'patterns') {
        index.globs.push({ code, rule, pattern: compileGlob(rule.term, rule.caseSensitive) });
      } else {
        const { regex } = checkRegex(rule.term, rule.caseSensitive);
        if (regex) index.regexes.push({ code, rule, regex });
      }
    }
    index.excludes.push(def.exclude.map((term) => tokenize(term)));
  });
  return index;
}

/** True when `words` occur at token `at`, stem by stem (and, for a case-sensitive rule, case by case). */
function wordsAt(tokens: readonly Token[], at: number, words: readonly Token[], caseSensitive: boolean): boolean {
  return words.every((word, i) => {
    const token = tokens[at + i];
    return token !== undefined && token.stem === word.stem && (!caseSensitive || sameCase(token, word.text));
  });
}

/**
 * Compiles a codebook into a {@link Tracer}. Keywords match a token whose
 * Porter stem equals the keyword's stem; phrases match consecutive tokens
 * stem by stem; patterns are one-word globs; regexes run over the
 * segment's text. A match is vetoed when a negator stands up to three
 * words before it (unless the rule is `negatable: false`), and every match
 * of a code is vetoed when one of its `exclude` terms occurs in the
 * segment. Of the rest, a match inside a longer match of the same code is
 * left out (a phrase wins over a keyword inside it), and the same stretch
 * of text counts once, with the highest weight of the rules that matched
 * it. A code applies when the weights of its matches add up to its
 * `minMatches`.
 */
export function traceCodebook(codebook: Pick<Codebook, 'codes'>): Tracer {
  const index = buildIndex(codebook.codes);
  return (tokens, text, offset) => {
    const found = codebook.codes.map((): RuleMatch[] => []);
    const at = (rule: Rule, start: number, end: number): RuleMatch => ({ rule, words: text.slice(start, end), start, end });
    tokens.forEach((token, i) => {
      for (const { code, rule, words } of index.byStem.get(token.stem) ?? []) {
        if (wordsAt(tokens, i, words, rule.caseSensitive)) found[code].push(at(rule, token.start - offset, tokens[i + words.length - 1].end - offset));
      }
      for (const { code, rule } of index.byWord.get(token.lower) ?? []) found[code].push(at(rule, token.start - offset, token.end - offset));
      const word = token.text.replace(/\u2019/g, "'");
      for (const { code, rule, pattern } of index.globs) if (pattern.test(word)) found[code].push(at(rule, token.start - offset, token.end - offset));
    });
    for (const { code, rule, regex } of index.regexes) {
      for (const match of text.matchAll(regex)) found[code].push(at(rule, match.index, match.index + match[0].length));
    }
    const traces: CodeTrace[] = [];
    found.forEach((matches, code) => {
      if (matches.length > 0) traces.push(judge(codebook.codes[code], matches, excluded(index.excludes[code], tokens, text, offset), tokens, offset));
    });
    return traces;
  };
}

/** The words of the first exclude term that occurs among the tokens, as written. */
function excluded(terms: readonly Token[][], tokens: readonly Token[], text: string, offset: number): string | undefined {
  for (const words of terms) {
    const at = tokens.findIndex((_, i) => wordsAt(tokens, i, words, false));
    if (at >= 0) return text.slice(tokens[at].start - offset, tokens[at + words.length - 1].end - offset);
  }
  return undefined;
}

function judge(code: CodeDef, matches: RuleMatch[], exclude: string | undefined, tokens: readonly Token[], offset: number): CodeTrace {
  const vetoed: VetoedMatch[] = [];
  const counted: RuleMatch[] = [];
  for (const match of matches) {
    const first = tokens.findIndex((token) => token.end - offset > match.start);
    const negator = match.rule.negatable ? negatorBefore(tokens, first < 0 ? tokens.length : first) : undefined;
    if (exclude !== undefined) vetoed.push({ ...match, reason: 'exclude', by: exclude });
    else if (negator !== undefined) vetoed.push({ ...match, reason: 'negation', by: negator });
    else counted.push(match);
  }
  const longest = counted.filter((match) => !counted.some((other) => other.end - other.start > match.end - match.start && other.start <= match.start && other.end >= match.end));
  const fired: RuleMatch[] = [];
  for (const match of longest.sort((a, b) => a.start - b.start || b.end - a.end || b.rule.weight - a.rule.weight)) {
    const last = fired.at(-1);
    if (!last || last.start !== match.start || last.end !== match.end) fired.push(match);
  }
  const score = fired.reduce((sum, match) => sum + match.rule.weight, 0);
  return { code, fired, vetoed: vetoed.sort((a, b) => a.start - b.start), score, applied: score >= code.minMatches };
}

/**
 * Compiles a codebook into a {@link Matcher}: the codes that apply to a
 * segment (see {@link traceCodebook}), each with its evidence, the matched
 * text as written, listed once however often it occurs.
 */
export function compileCodebook(codebook: Pick<Codebook, 'codes'>): Matcher {
  const trace = traceCodebook(codebook);
  return (tokens, text, offset) =>
    trace(tokens, text, offset)
      .filter((result) => result.applied)
      .map(({ code, fired }) => {
        const evidence: string[] = [];
        const seen = new Set<string>();
        for (const { words } of fired) {
          if (!seen.has(words.toLowerCase())) {
            seen.add(words.toLowerCase());
            evidence.push(words);
          }
        }
        return { code: code.code, evidence };
      });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
