import { DEFAULT_STRUCTURE_RULES } from '../../codebook/shipped.js';
import { activeTags } from '../active-tags.js';
import { loadCueFile } from '../cue-file.js';
import { compileCues, type Scorer } from '../score.js';

/**
 * The shipped Labov & Waletzky cue file, compiled: a model reads its
 * verdicts as features, and takes its notes (such as `message`) from it.
 */
export const SHIPPED_CUES: Scorer = compileCues(activeTags(await loadCueFile(DEFAULT_STRUCTURE_RULES)));
