import type { Span } from '../../segment/span.js';
import { verbGroups } from '../features.js';
import { tagAccount, tokensBySpan, type TaggedToken } from '../grammar.js';
import { accountFeatures, named, ownFeatures, type FeatureName } from './clause-features.js';
import type { LabelledAccount } from './corpus.js';
import type { SegmentScore } from '../score.js';
import { shippedCues } from './shipped-cues.js';

/** The shipped cue file's verdict on a segment as features: the tag it gives (`cues:CA`) and each tag's total, banded (`cues:CA=3+`). */
function cueVerdict(score: SegmentScore): FeatureName[] {
  return [named('cues', score.tag), ...score.scores.map(({ tag, total }) => named('cues', `${tag}=${total >= 3 ? '3+' : total >= 1 ? '1-2' : '0'}`))];
}

/**
 * The model's features of each segment (given as spans) of an account,
 * from its tagged tokens: each segment's own ({@link ownFeatures}), the
 * shipped cue file's verdict on it, and its place and neighbours
 * ({@link accountFeatures}). The cue scores are returned too, for their notes.
 */
export function spanFeatures(text: string, tagged: readonly TaggedToken[], spans: readonly Span[]): { features: FeatureName[][]; cues: SegmentScore[] } {
  const bySpan = tokensBySpan(tagged, spans);
  const groups = bySpan.map((tokens) => verbGroups(tokens));
  const cues = shippedCues()(text, spans, tagged, bySpan, groups);
  const own = bySpan.map((tokens, i) => [...ownFeatures(tokens, text.slice(spans[i].start, spans[i].end), groups[i]), ...cueVerdict(cues[i])]);
  return { features: accountFeatures(own), cues };
}

/** An account's clauses joined with a space into one text, with each clause's span in it. */
export function joinClauses(account: LabelledAccount): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = '';
  for (const clause of account.clauses) {
    if (text) text += ' ';
    spans.push({ start: text.length, end: text.length + clause.text.length });
    text += clause.text;
  }
  return { text, spans };
}

/**
 * The model's features of each clause of a coded account. The clauses are
 * joined into one text ({@link joinClauses}) and tagged once, so each
 * clause is read in the context of its account, as when an account is analysed.
 */
export function labelledFeatures(account: LabelledAccount): FeatureName[][] {
  const { text, spans } = joinClauses(account);
  return spanFeatures(text, tagAccount(text), spans).features;
}
