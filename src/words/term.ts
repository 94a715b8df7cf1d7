import type { Token } from '../text/tokens.js';
import { tagWords } from './tag.js';

/** Terms already read: a codebook is compiled for every run, and `explain` for every text. */
const terms = new Map<string, Token[]>();

/** The words of a rule's term, each with the lemma the tagger gives it on its own ("learnt" → "learn"). */
export function termWords(term: string): Token[] {
  let words = terms.get(term);
  if (words === undefined) {
    words = tagWords(term);
    terms.set(term, words);
  }
  return words;
}
