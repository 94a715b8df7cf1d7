import { compileCodebook } from '../codebook/match.js';
import type { Codebook } from '../codebook/types.js';
import type { Transform } from '../document.js';
import { tokenize } from '../text/tokens.js';

/**
 * Stage: gives every segment one structural tag from a cue file of
 * codebook shape (`codebooks/labov.yaml`). Each matched cue counts one
 * point for its tag; the tag with most points wins, a tie goes to the tag
 * listed first in the file, and a segment with no cue gets the file's
 * `default_code` (else its first code). The evidence lists the winning cues.
 */
export function tagStructure(options: { rules: Codebook }): Transform {
  const match = compileCodebook(options.rules);
  const fallback = options.rules.defaultCode ?? options.rules.codes[0].code;
  return (doc) => {
    for (const segment of doc.segments) {
      const hits = match(tokenize(segment.text, segment.start), segment.text, segment.start);
      let best = hits[0];
      for (const hit of hits) if (hit.evidence.length > best.evidence.length) best = hit;
      segment.structure = best ? { tag: best.code, evidence: best.evidence } : { tag: fallback, evidence: [] };
    }
  };
}
