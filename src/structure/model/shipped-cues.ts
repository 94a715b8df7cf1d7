import { readFileSync } from 'node:fs';
import { DEFAULT_STRUCTURE_RULES } from '../../codebook/shipped.js';
import { activeTags } from '../active-tags.js';
import { parseCueFile } from '../cue-file.js';
import { compileCues, type Scorer } from '../score.js';

let compiled: Scorer | undefined;

/**
 * The shipped Labov & Waletzky cue file, compiled on first use: a model
 * reads its verdicts as features, and takes its notes (such as `message`)
 * from it. A broken shipped file throws its first problem.
 */
export function shippedCues(): Scorer {
  if (!compiled) {
    const { cues, messages } = parseCueFile(readFileSync(DEFAULT_STRUCTURE_RULES, 'utf8'), DEFAULT_STRUCTURE_RULES);
    if (!cues) throw messages[0];
    compiled = compileCues(activeTags(cues));
  }
  return compiled;
}
