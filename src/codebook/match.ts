import type { CodeHit } from '../document.js';
import { compileGlob, type WordPattern } from '../text/glob.js';
import { normalise, type Token } from '../text/tokens.js';
import { negationScope } from '../words/negation.js';
import { termWords } from '../words/term.js';
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
  /** The negator of the match's clause, when the match counts although negated (`negated: keep`, or a code). */
  negatedBy?: string;
  /** The code whose rule matched, when a negated match counts for another code (`negated: LB`). */
  from?: string;
}

/** A match that did not count, and why: a negator in its clause, an `except` phrase around it, or an `exclude` term in the segment. */
export interface VetoedMatch extends RuleMatch {
  reason: 'negation' | 'except' | 'exclude';
  /** The negator, the except phrase or the exclude term's words, as written. */
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

/**
 * Traces a codebook's rules over the tokens of one segment (with lemmas
 * and parts of speech when tagged, see `words/tag.ts`): one trace per code
 * that matched anything. Token offsets are `offset` ahead of `text`'s.
 */
export type Tracer = (tokens: readonly Token[], text: string, offset: number) => CodeTrace[];

/** Applies a codebook's rules to the tokens of one segment. */
export type Matcher = (tokens: readonly Token[], text: string, offset: number) => CodeHit[];

/** True when the letters a token shares with a rule's word are written in the same case. */
function sameCase(token: Token, word: string): boolean {
  let shared = 0;
  while (shared < word.length && shared < token.lower.length && token.lower[shared] === word[shared].toLowerCase()) shared++;
  return token.text.slice(0, shared) === word.slice(0, shared);
}

/** The match modes a rule's words can be compared under. */
type Mode = Rule['match'];

/** The form a word (of a rule or of the text) is looked up under first in a mode: its stem, its spelling, or its lemma. */
function firstForm(mode: Mode, word: Token): string {
  if (mode === 'stem') return word.stem;
  if (mode === 'word') return word.lower;
  return word.lemma ?? word.lower;
}

/** The other form a word is looked up under in `lemma` mode: its spelling, when its lemma differs. */
function secondForm(mode: Mode, word: Token): string | undefined {
  return mode === 'lemma' && word.lemma !== undefined && word.lemma !== word.lower ? word.lower : undefined;
}

/** The forms a word is looked up under in a mode: its stem, its spelling, or its lemma and spelling. */
function formsIn(mode: Mode, word: Token): string[] {
  const second = secondForm(mode, word);
  return second === undefined ? [firstForm(mode, word)] : [firstForm(mode, word), second];
}

/** True when a token of the text is the rule's word under the rule's `match` mode. */
function sameWord(token: Token, word: Token, rule: Pick<Rule, 'match'>): boolean {
  if (rule.match === 'stem') return token.stem === word.stem;
  if (rule.match === 'word') return token.lower === word.lower;
  const lemma = token.lemma ?? token.lower;
  const wanted = word.lemma ?? word.lower;
  return lemma === wanted || token.lower === word.lower || lemma === word.lower || token.lower === wanted;
}

/** True when a one-word rule's part-of-speech condition holds for the token. */
function posHolds(token: Token, rule: Rule): boolean {
  return rule.pos.length === 0 || (token.pos !== undefined && rule.pos.includes(token.pos));
}

/** A compiled rule: its code's index and the rule. */
interface Compiled {
  code: number;
  rule: Rule;
  /** The words of the rule's `except` phrases. */
  except: Token[][];
}

interface WordRule extends Compiled {
  words: Token[];
}

/** The token-sequence rules that begin with one word: one-word rules, and longer ones by the form of their second word. */
interface Bucket {
  single: WordRule[];
  byNext: Map<string, WordRule[]>;
}

/** Token-sequence rules (keywords and phrases) by the forms of their first two words, one index per match mode; globs and regexes listed. */
interface Index {
  /** Keywords and phrases by mode (in the order the modes first occur), then by the forms of their first word ({@link formsIn}). */
  sequences: Array<{ mode: Mode; buckets: Map<string, Bucket> }>;
  /** Patterns with no wildcard and no case rule: whole words, looked up by their lower-case form. */
  byWord: Map<string, Compiled[]>;
  globs: Array<Compiled & { pattern: WordPattern }>;
  regexes: Array<Compiled & { regex: RegExp }>;
  /** Each code's exclude terms, as token sequences. */
  excludes: Token[][][];
}

function buildIndex(codes: readonly CodeDef[]): Index {
  const index: Index = { sequences: [], byWord: new Map(), globs: [], regexes: [], excludes: [] };
  codes.forEach((def, code) => {
    for (const rule of def.rules) {
      const compiled = { code, rule, except: rule.except.map(termWords) };
      if (rule.kind === 'keywords' || rule.kind === 'phrases') {
        addSequence(index, { ...compiled, words: termWords(rule.term) });
      } else if (rule.kind === 'patterns' && !rule.caseSensitive && !/[*?]/.test(rule.term)) {
        push(index.byWord, normalise(rule.term), compiled);
      } else if (rule.kind === 'patterns') {
        index.globs.push({ ...compiled, pattern: compileGlob(rule.term, rule.caseSensitive) });
      } else {
        const { regex } = checkRegex(rule.term, rule.caseSensitive);
        if (regex) index.regexes.push({ ...compiled, regex });
      }
    }
    index.excludes.push(def.exclude.map(termWords));
  });
  return index;
}

/** Files a keyword or phrase under its mode, the forms of its first word and, for a phrase, those of its second. */
function addSequence(index: Index, entry: WordRule): void {
  const mode = entry.rule.match;
  let buckets = index.sequences.find((sequences) => sequences.mode === mode)?.buckets;
  if (!buckets) index.sequences.push({ mode, buckets: (buckets = new Map()) });
  const [first, second] = entry.words;
  for (const form of formsIn(mode, first)) {
    let bucket = buckets.get(form);
    if (!bucket) buckets.set(form, (bucket = { single: [], byNext: new Map() }));
    if (second === undefined) bucket.single.push(entry);
    else for (const next of formsIn(mode, second)) push(bucket.byNext, next, entry);
  }
}

/** Nothing found: most words begin no rule, and each would otherwise get a list of its own. */
const NONE: readonly never[] = [];

/** The entries of `into` (made when the first entry comes) and those of `entries` not already in it. */
function addNew(into: WordRule[] | undefined, entries: readonly WordRule[] | undefined): WordRule[] | undefined {
  if (!entries) return into;
  for (const entry of entries) {
    if (!into) into = [entry];
    else if (!into.includes(entry)) into.push(entry);
  }
  return into;
}

/** Adds the rules of a bucket that may begin here to `found`: its one-word rules, and its phrases whose second word is `next`. */
function fromBucket(found: WordRule[] | undefined, bucket: Bucket | undefined, mode: Mode, next: Token | undefined): WordRule[] | undefined {
  if (!bucket) return found;
  let into = addNew(found, bucket.single);
  if (next && bucket.byNext.size > 0) {
    into = addNew(into, bucket.byNext.get(firstForm(mode, next)));
    const second = secondForm(mode, next);
    if (second !== undefined) into = addNew(into, bucket.byNext.get(second));
  }
  return into;
}

/**
 * The keywords and phrases that may begin at token `at`: those filed under
 * the token's forms and, for phrases, the next token's, each once (a lemma
 * rule is filed under both forms of a word). Only the candidates' words
 * are then compared in full.
 */
function candidates(index: Index, tokens: readonly Token[], at: number): readonly WordRule[] {
  let found: WordRule[] | undefined;
  const token = tokens[at];
  const next = tokens[at + 1];
  for (const { mode, buckets } of index.sequences) {
    found = fromBucket(found, buckets.get(firstForm(mode, token)), mode, next);
    const second = secondForm(mode, token);
    if (second !== undefined) found = fromBucket(found, buckets.get(second), mode, next);
  }
  return found ?? NONE;
}

/** Words already tried against the globs, with the globs that matched: words repeat, and every glob is tried on every new word. */
const GLOB_CACHE_LIMIT = 50_000;

/** A function giving the globs that match a token as written (curly apostrophes straightened), remembering the answer per word. */
function globMatcher(globs: Index['globs']): (token: Token) => Index['globs'] {
  const known = new Map<string, Index['globs']>();
  return (token) => {
    if (globs.length === 0) return globs;
    const word = token.text.includes('\u2019') ? token.text.replace(/\u2019/g, "'") : token.text;
    let matched = known.get(word);
    if (matched === undefined) {
      matched = globs.filter((entry) => entry.pattern.test(word));
      if (known.size >= GLOB_CACHE_LIMIT) known.clear();
      known.set(word, matched);
    }
    return matched;
  };
}

/** True when `words` occur at token `at`, word by word under the rule's mode (and, for a case-sensitive rule, case by case). */
function wordsAt(tokens: readonly Token[], at: number, words: readonly Token[], rule: Pick<Rule, 'match' | 'caseSensitive'>): boolean {
  if (at + words.length > tokens.length) return false;
  for (let i = 0; i < words.length; i++) {
    const token = tokens[at + i];
    if (!sameWord(token, words[i], rule) || (rule.caseSensitive && !sameCase(token, words[i].text))) return false;
  }
  return true;
}

/** Phrases (except, exclude) are matched on lemmas, ignoring case. */
const PHRASE: Pick<Rule, 'match' | 'caseSensitive'> = { match: 'lemma', caseSensitive: false };

/** A match found, before negation, `except` and `exclude` are judged. */
interface Found extends RuleMatch {
  except: Token[][];
}

/**
 * Compiles a codebook into a {@link Tracer}. Keywords match a word of the
 * text with the same lemma (or stem, or spelling, as the rule's `match`
 * says) and, if the rule gives `pos`, that part of speech; phrases match
 * words in a row; patterns are one-word globs; regexes run over the
 * segment's text. A match inside one of its rule's `except` phrases does
 * not count, nor does one inside a longer match of the same code. A
 * match in a clause with a negator ("not", "nothing",
 * "didn't"...) is vetoed, kept, or counted for another code, as the rule's
 * `negated` says. Every match counting for a code is vetoed when one of
 * its `exclude` terms occurs in the segment. Of the rest, a match inside a
 * longer match of the same code is left out (a phrase wins over a keyword
 * inside it), and the same stretch of text counts once, with the highest
 * weight of the rules that matched it. A code applies when the weights of
 * its matches add up to its `minMatches`.
 */
export function traceCodebook(codebook: Pick<Codebook, 'codes'>, options: { showKept?: boolean } = { showKept: true }): Tracer {
  const index = buildIndex(codebook.codes);
  const codeIndex = new Map(codebook.codes.map((def, i) => [def.code, i]));
  const globsOf = globMatcher(index.globs);
  return (tokens, text, offset) => {
    const found: Array<Found[] | undefined> = [];
    const at = ({ code, rule, except }: Compiled, start: number, end: number) => (found[code] ??= []).push({ rule, except, words: text.slice(start, end), start, end });
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      for (const entry of candidates(index, tokens, i)) {
        if (wordsAt(tokens, i, entry.words, entry.rule) && (entry.words.length > 1 || posHolds(token, entry.rule))) at(entry, token.start - offset, tokens[i + entry.words.length - 1].end - offset);
      }
      for (const entry of index.byWord.get(token.lower) ?? NONE) if (posHolds(token, entry.rule)) at(entry, token.start - offset, token.end - offset);
      for (const entry of globsOf(token)) if (posHolds(token, entry.rule)) at(entry, token.start - offset, token.end - offset);
    }
    for (const entry of index.regexes) {
      for (const match of text.matchAll(entry.regex)) at(entry, match.index, match.index + match[0].length);
    }
    if (found.length === 0) return [];
    const counted: RuleMatch[][] = [];
    const vetoed: VetoedMatch[][] = [];
    const negatorOf = negationScope(tokens, text, offset);
    found.forEach((matches, code) => {
      if (!matches) return;
      counted[code] ??= [];
      vetoed[code] ??= [];
      // A match inside a longer one of the same code is left out before negation is judged: "never used to" is not a negated "used to".
      for (const { except, ...match } of outermost(matches)) {
        const around = exceptAround(except, match, tokens, text, offset);
        // A negator never changes a `keep` match: it is looked for only to be shown (explain).
        const negator = around === undefined && (match.rule.negated !== 'keep' || options.showKept) ? negatorOf(match.start, match.end) : undefined;
        if (around !== undefined) vetoed[code].push({ ...match, reason: 'except', by: around });
        else if (negator === undefined) counted[code].push(match);
        else if (match.rule.negated === 'veto') vetoed[code].push({ ...match, reason: 'negation', by: negator });
        else if (match.rule.negated === 'keep') counted[code].push({ ...match, negatedBy: negator });
        else {
          const other = codeIndex.get(match.rule.negated) ?? code;
          (counted[other] ??= []).push({ ...match, negatedBy: negator, from: codebook.codes[code].code });
          vetoed[other] ??= [];
        }
      }
    });
    const traces: CodeTrace[] = [];
    counted.forEach((matches, code) => {
      if (matches.length + vetoed[code].length > 0) traces.push(judge(codebook.codes[code], matches, vetoed[code], excluded(index.excludes[code], tokens, text, offset)));
    });
    return traces;
  };
}

/** The text of the first `except` phrase occurrence that covers the match, if any. */
function exceptAround(except: readonly Token[][], match: RuleMatch, tokens: readonly Token[], text: string, offset: number): string | undefined {
  for (const words of except) {
    for (let i = 0; i < tokens.length; i++) {
      const start = tokens[i].start - offset;
      if (start > match.start) break;
      const last = tokens[i + words.length - 1];
      if (last && last.end - offset >= match.end && wordsAt(tokens, i, words, PHRASE)) return text.slice(start, last.end - offset);
    }
  }
  return undefined;
}

/** The words of the first exclude term that occurs among the tokens, as written. */
function excluded(terms: readonly Token[][], tokens: readonly Token[], text: string, offset: number): string | undefined {
  for (const words of terms) {
    const at = tokens.findIndex((_, i) => wordsAt(tokens, i, words, PHRASE));
    if (at >= 0) return text.slice(tokens[at].start - offset, tokens[at + words.length - 1].end - offset);
  }
  return undefined;
}

/**
 * The matches that no longer match covers (a phrase wins over a keyword
 * inside it), in their order: a sort and one sweep, so a long segment with
 * many matches costs n log n, not n squared.
 */
export function outermost<T extends { start: number; end: number }>(matches: readonly T[]): T[] {
  if (matches.length < 2) return [...matches];
  const order = matches.map((_, i) => i).sort((a, b) => matches[a].start - matches[b].start || matches[b].end - matches[a].end);
  const covered = new Set<number>();
  let reach = -1; // the furthest end of the matches that start before the current start
  let groupStart = -1;
  let groupEnd = -1; // the end of the longest match with the current start (sorted first)
  for (const i of order) {
    const { start, end } = matches[i];
    if (start !== groupStart) {
      reach = Math.max(reach, groupEnd);
      groupStart = start;
      groupEnd = end;
    }
    if (reach >= end || groupEnd > end) covered.add(i);
  }
  return matches.filter((_, i) => !covered.has(i));
}

function judge(code: CodeDef, matches: readonly RuleMatch[], vetoed: VetoedMatch[], exclude: string | undefined): CodeTrace {
  const counted = exclude === undefined ? matches : [];
  if (exclude !== undefined) vetoed.push(...matches.map((match) => ({ ...match, reason: 'exclude' as const, by: exclude })));
  const longest = outermost(counted);
  const fired: RuleMatch[] = [];
  for (const match of [...longest].sort((a, b) => a.start - b.start || b.end - a.end || b.rule.weight - a.rule.weight)) {
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
  const trace = traceCodebook(codebook, { showKept: false });
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
