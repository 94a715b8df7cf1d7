import type { Transform } from '../document.js';
import type { ActiveTags } from './active-tags.js';
import { structureScorer } from './scorer.js';

/**
 * Stage: gives every segment one structural tag (and any note, such as
 * `message`) from the run's tagger (a trained model, or a cue file's
 * cues), with the evidence that decided it, using the tags picked by
 * `loadStructureTagger`.
 */
export function tagStructure(options: { tags: ActiveTags }): Transform {
  const score = structureScorer(options.tags);
  return (doc) => {
    const scored = score(doc.text, doc.segments);
    doc.segments.forEach((segment, i) => {
      const { tag, evidence, note } = scored[i];
      segment.structure = note ? { tag, evidence, note } : { tag, evidence };
    });
  };
}
