import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** A word of a text with its offsets and lower-cased form. */
export interface Word {
  /** The word as written. */
  text: string;
  /** Lower-cased, with curly apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
}

/** A word of a text with its offsets, lower-cased form and Porter stem; lemma and part of speech once tagged. */
export interface Token extends Word {
  /** Porter stem of `lower`, possessive `'s` removed. */
  stem: string;
  /** Dictionary form in context ("felt" → "feel"), when the text was tagged (see `words/tag.ts`). */
  lemma?: string;
  /** Universal part of speech in context (NOUN, VERB, ADJ...), when the text was tagged. */
  pos?: string;
}

/** Words are runs of letters and digits, joined by inner apostrophes ("they're", "resident's"). */
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

/** Lower-cases a word and straightens curly apostrophes. */
export function normalise(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

/** Stems already computed: words repeat, and stemming is the costliest step of matching. */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

/** Porter stem of a normalised word; possessive `'s` is dropped first. */
export function stem(lower: string): string {
  let result = stems.get(lower);
  if (result === undefined) {
    result = porter.stem(lower.endsWith("'s") ? lower.slice(0, -2) : lower);
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(lower, result);
  }
  return result;
}

/** Splits a text into words, keeping offsets into the text. */
export function words(text: string, offset = 0): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = offset + (match.index ?? 0);
    found.push({ text: match[0], lower: normalise(match[0]), start, end: start + match[0].length });
  }
  return found;
}

/** Splits a text into word tokens (its {@link words} with their stems), keeping offsets into the text. */
export function tokenize(text: string, offset = 0): Token[] {
  return words(text, offset).map(({ text: written, lower, start, end }) => ({ text: written, lower, stem: stem(lower), start, end }));
}

/** The account tokenized last, with its tokens: the theme and structure stages of a run read the same account. */
let last: { text: string; tokens: readonly Token[] } | undefined;

/** {@link tokenize} for a whole account, kept for the last account; callers must not change the tokens. */
export function accountTokens(text: string): readonly Token[] {
  if (last?.text !== text) last = { text, tokens: tokenize(text) };
  return last.tokens;
}

/** The indices `[first, last)` of the tokens that lie within `[start, end)` (tokens in text order). */
function rangeWithin(tokens: readonly Word[], start: number, end: number): [number, number] {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].start < start) low = mid + 1;
    else high = mid;
  }
  let last = low;
  while (last < tokens.length && tokens[last].end <= end) last++;
  return [low, last];
}

/** The tokens that lie within `[start, end)` (tokens in text order). */
export function tokensWithin<T extends Word>(tokens: readonly T[], start: number, end: number): T[] {
  const [first, last] = rangeWithin(tokens, start, end);
  return tokens.slice(first, last);
}

/**
 * The tokens that `cut` ({@link words} or {@link tokenize}) finds in
 * `text.slice(start, end)` (offsets into `text`), taken from `tokens`, the
 * whole text's as `cut` found them, when no word runs across either end
 * of the stretch (a word cut there would give other tokens).
 */
export function tokensOfStretch<T extends Word>(tokens: readonly T[], text: string, start: number, end: number, cut: (text: string, offset: number) => T[]): T[] {
  const [first, last] = rangeWithin(tokens, start, end);
  const across = (first > 0 && tokens[first - 1].end > start) || (last < tokens.length && tokens[last].start < end);
  return across ? cut(text.slice(start, end), start) : tokens.slice(first, last);
}
