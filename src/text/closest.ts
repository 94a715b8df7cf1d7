import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';

/**
 * The candidate closest to `word` (case-insensitive edit distance), or
 * undefined when none is within a third of the word's length: used for
 * "did you mean" hints on misspelt keys and column names.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const target = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(target.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = DamerauLevenshteinDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` when a close candidate exists, else an empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closest(word, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}
