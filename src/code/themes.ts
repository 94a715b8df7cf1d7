import { compileCodebook } from '../codebook/match.js';
import type { Codebook } from '../codebook/types.js';
import type { Transform } from '../document.js';
import { tokensWithin } from '../text/tokens.js';
import { wordTokens } from '../words/tag.js';

/** Stage: applies every code of a theme codebook to every segment, with its evidence; each account is tagged (lemmas, parts of speech) once. */
export function codeThemes(options: { codebook: Codebook }): Transform {
  const match = compileCodebook(options.codebook);
  return (doc) => {
    const tokens = wordTokens(doc.text);
    for (const segment of doc.segments) {
      segment.themes = match(tokensWithin(tokens, segment.start, segment.end), segment.text, segment.start);
    }
  };
}
