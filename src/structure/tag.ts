import type { Transform } from '../document.js';
import type { ActiveTags } from './active-tags.js';
import { compileCues } from './score.js';

/**
 * Stage: gives every segment one structural tag (and any note, such as
 * `message`) from a cue file (`codebooks/labov.yaml`), with the cues that
 * decided it as evidence, using the tags picked by `activeTags`.
 */
export function tagStructure(options: { tags: ActiveTags }): Transform {
  const score = compileCues(options.tags);
  return (doc) => {
    const scored = score(doc.text, doc.segments);
    doc.segments.forEach((segment, i) => {
      const { tag, evidence, note } = scored[i];
      segment.structure = note ? { tag, evidence, note } : { tag, evidence };
    });
  };
}
