/**
 * Compiles a LIWC/quanteda-style glob into an anchored, case-insensitive
 * regular expression over one word: `*` is any run of word characters
 * (including none), `?` exactly one. Everything else is literal.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += "[\\p{L}\\p{N}']*";
    else if (char === '?') source += "[\\p{L}\\p{N}']";
    else source += char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'iu');
}
