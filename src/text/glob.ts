/** A compiled one-word glob. */
export interface WordPattern {
  /** True when the whole word matches (ignoring case unless compiled case-sensitive). */
  test(word: string): boolean;
}

/** The characters a word (a token) is made of. */
const WORD_CHARS = /^[\p{L}\p{N}'\u2019]*$/u;

/**
 * Compiles a LIWC/quanteda-style glob over one word: `*` is any run of
 * word characters (including none), `?` exactly one. Everything else is
 * literal; case is ignored unless `caseSensitive`. Matching is the two-pointer wildcard algorithm,
 * at worst word length × glob length steps, so no glob can make a long
 * word take exponential time (as `a*a*a*a*b` would with a regular expression).
 */
export function compileGlob(glob: string, caseSensitive = false): WordPattern {
  const fold = (text: string) => (caseSensitive ? text : text.toLowerCase());
  const pattern = Array.from(fold(glob));
  return {
    test(word) {
      if (!WORD_CHARS.test(word)) return false;
      const chars = Array.from(fold(word));
      let p = 0;
      let w = 0;
      let star = -1;
      let resume = 0;
      while (w < chars.length) {
        if (p < pattern.length && pattern[p] === '*') {
          star = p++;
          resume = w;
        } else if (p < pattern.length && (pattern[p] === '?' || pattern[p] === chars[w])) {
          p++;
          w++;
        } else if (star >= 0) {
          p = star + 1;
          w = ++resume;
        } else {
          return false;
        }
      }
      while (pattern[p] === '*') p++;
      return p === pattern.length;
    },
  };
}
