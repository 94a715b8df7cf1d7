import type { Span } from '../segment/span.js';
import type { ActiveTags } from './active-tags.js';
import { tagAccount } from './grammar.js';
import { compileModel } from './model/predict.js';
import { compileCues } from './score.js';

/** A segment's structure tag, the evidence for it and its note ('' for none). */
export interface ScoredTag {
  tag: string;
  evidence: string[];
  note: string;
}

/** Tags the segments (given as spans) of one account. */
export type StructureScorer = (text: string, spans: readonly Span[]) => ScoredTag[];

/**
 * Compiles the tagger of a run: the model when `tags` has one (its
 * evidence names the deciding features with their weights), else the cue
 * file's cues (its evidence names the cues). The account is tagged for
 * part of speech once.
 */
export function structureScorer(tags: ActiveTags): StructureScorer {
  if (tags.model) {
    const score = compileModel(tags.model, 'written', tags.codes.map(({ code }) => code));
    return (text, spans) => score(text, spans, tagAccount(text));
  }
  const score = compileCues(tags);
  return (text, spans) => score(text, spans);
}
