import { compileCodebook } from '../codebook/match.js';
import type { Codebook } from '../codebook/types.js';
import type { Transform } from '../document.js';
import { spanTokens } from '../text/tokens.js';

/** Stage: applies every code of a theme codebook to every segment, with its evidence. */
export function codeThemes(options: { codebook: Codebook }): Transform {
  const match = compileCodebook(options.codebook);
  return (doc) => {
    for (const segment of doc.segments) {
      segment.themes = match(spanTokens(doc.text, segment), segment.text, segment.start);
    }
  };
}
