import { compileCodebook } from '../codebook/match.js';
import type { Codebook } from '../codebook/types.js';
import type { Transform } from '../document.js';
import { tokenize } from '../text/tokens.js';

/** Stage: applies every code of a theme codebook to every segment, with its evidence. */
export function codeThemes(options: { codebook: Codebook }): Transform {
  const match = compileCodebook(options.codebook);
  return (doc) => {
    for (const segment of doc.segments) {
      segment.themes = match(tokenize(segment.text, segment.start), segment.text, segment.start);
    }
  };
}
