import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** A word of a text with its offsets, lower-cased form and Porter stem; lemma and part of speech once tagged. */
export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased, with curly apostrophes made straight. */
  lower: string;
  /** Porter stem of `lower`, possessive `'s` removed. */
  stem: string;
  /** Dictionary form in context ("felt" → "feel"), when the text was tagged (see `words/tag.ts`). */
  lemma?: string;
  /** Universal part of speech in context (NOUN, VERB, ADJ...), when the text was tagged. */
  pos?: string;
  start: number;
  end: number;
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

/** Splits a text into word tokens, keeping offsets into the text. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const lower = normalise(match[0]);
    const start = offset + (match.index ?? 0);
    tokens.push({ text: match[0], lower, stem: stem(lower), start, end: start + match[0].length });
  }
  return tokens;
}
