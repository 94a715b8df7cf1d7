import type { Token } from '../text/tokens.js';
import { wordTokens } from '../words/tag.js';

/** A word of a phrase: its lemma, and the token of the account it comes from (a contraction gives two words of one token). */
export interface PhraseWord {
  lemma: string;
  /** Index of the token in the account's tokens. */
  token: number;
  /** True when a phrase may not run on from the word before (a sentence ends between them). */
  breakBefore: boolean;
}

/** Verb forms before "n't" and the lemma each stands for. */
const NEGATED: Readonly<Record<string, string>> = {
  ca: 'can', wo: 'will', sha: 'shall', do: 'do', does: 'do', did: 'do', is: 'be', are: 'be', was: 'be', were: 'be', am: 'be', ai: 'be',
  has: 'have', have: 'have', had: 'have', could: 'could', would: 'would', should: 'should', must: 'must', need: 'need',
};

/** Contraction endings and the word each stands for ("I'm" is "I be"). */
const ENDINGS: ReadonlyArray<[RegExp, string]> = [[/n't$/, 'not'], [/'m$/, 'be'], [/'re$/, 'be'], [/'ve$/, 'have'], [/'ll$/, 'will'], [/'d$/, 'would']];

/** The lemmas of one token: its own, or for a contraction the lemmas of its two words. */
function lemmas(token: Token): string[] {
  for (const [ending, word] of ENDINGS) {
    if (!ending.test(token.lower)) continue;
    const base = token.lower.replace(ending, '');
    return [ending.source.startsWith('n') ? (NEGATED[base] ?? base) : base, word];
  }
  return [(token.lemma ?? token.lower).toLowerCase()];
}

/** Punctuation that ends a sentence or a clause of a list: phrases do not run across it. */
const BREAK = /[.!?;:\u2026]/;

/**
 * The words of an account as phrases are counted: lemmas in context (so
 * "I am trying" and "I was trying" share "i be try"), contractions split,
 * case and punctuation ignored, with a break wherever a sentence ends.
 */
export function phraseWords(text: string): { tokens: Token[]; words: PhraseWord[] } {
  const tokens = wordTokens(text);
  const words: PhraseWord[] = [];
  tokens.forEach((token, index) => {
    const breakBefore = index === 0 || BREAK.test(text.slice(tokens[index - 1].end, token.start));
    lemmas(token).forEach((lemma, part) => words.push({ lemma, token: index, breakBefore: breakBefore && part === 0 }));
  });
  return { tokens, words };
}
