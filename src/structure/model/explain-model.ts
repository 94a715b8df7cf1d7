import { split, type Unit } from '../../segment/index.js';
import { segmentHeading } from '../../segment/heading.js';
import { tagAccount } from '../grammar.js';
import type { StructureModel } from './model-file.js';
import { compileModel } from './predict.js';

/**
 * Explains how a model tags a text, segment by segment, as lines to
 * print: the segment's features that the model weighs, every tag's score,
 * the tag given with the features that decided it, and its note.
 */
export function explainModel(model: StructureModel, text: string, unit: Unit = 'clause'): string[] {
  const spans = split(text, unit);
  return compileModel(model)(text, spans, tagAccount(text)).flatMap((scored, s) => [
    segmentHeading(text, spans[s], s),
    `  features: ${scored.features.join(', ') || 'none'}`,
    `  scores: ${scored.scores.map(({ tag, total }) => `${tag} ${total.toFixed(2)}`).join(', ')}`,
    `  tag: ${scored.tag}${scored.note ? ` (${scored.note})` : ''}, decided by ${scored.evidence.join('; ') || 'the tags\' base rates'}`,
  ]);
}
