import { compileCodebook } from '../codebook/match.js';
import { lexicalCode } from '../codebook/rule.js';
import type { Span } from '../segment/span.js';
import { accountTokens, tokenize, tokensOfStretch } from '../text/tokens.js';
import type { ActiveTags } from './active-tags.js';
import type { Cue, NoteDef } from './cue-file.js';
import { addContextFeatures, segmentFeatures, verbGroups, type Feature, type VerbGroup } from './features.js';
import { tagAccount, tokensBySpan, type TaggedToken } from './grammar.js';

/** A cue that held for a segment, with the words that matched it (none for a purely grammatical cue). */
export interface FiredCue {
  cue: string;
  weight: number;
  words: string[];
}

/** How one segment was scored: its features, every tag's total and cues, and the outcome. */
export interface SegmentScore {
  features: Feature[];
  /** Every tag in use, in the order chosen (the cue file's, or `--structure-tags`), with the cues that held. */
  scores: Array<{ tag: string; total: number; cues: FiredCue[] }>;
  /** The winning tag: highest total; on a tie the first in the file's `tie_order`; with no cue the file's default. */
  tag: string;
  /** The cues that decided it, as `cue: words +weight`. */
  evidence: string[];
  /** The note written beside the tag, or an empty string. */
  note: string;
  /** Every note whose cues held, whatever the tag (a model that decides the tag itself picks from these). */
  notesHeld: NoteDef[];
}

/**
 * Scores the segments (given as spans) of one account; `tagged` is the
 * account's tagged tokens, `bySpan` those tokens cut by span and `groups`
 * each span's verb groups, when already made.
 */
export type Scorer = (
  text: string,
  spans: readonly Span[],
  tagged?: readonly TaggedToken[],
  bySpan?: ReadonlyArray<readonly TaggedToken[]>,
  groups?: ReadonlyArray<readonly VerbGroup[]>,
) => SegmentScore[];

/**
 * Compiles the tags in use of a cue file into a {@link Scorer}. A cue
 * adds its weight to its tag when every feature it names holds and, if it
 * lists words, at least one of them occurs in the segment.
 */
export function compileCues({ file, codes: active, notes }: ActiveTags): Scorer {
  const all: Cue[] = [...active.flatMap((code) => code.cues), ...notes.flatMap((note) => note.cues)];
  const position = new Map(all.map((cue, i) => [cue, i]));
  // Where each tag's cues start among `all`.
  const first = active.map((_, c) => active.slice(0, c).reduce((sum, code) => sum + code.cues.length, 0));
  const hasWords = all.map((cue) => (cue.keywords?.length ?? 0) + (cue.phrases?.length ?? 0) + (cue.patterns?.length ?? 0) > 0);
  const lexical = compileCodebook({ codes: all.map((cue, i) => lexicalCode(String(i), cue.cue, cue)) });
  const rank = (tag: string) => file.tieOrder.indexOf(tag);
  const fallback = active.some(({ code }) => code === file.defaultCode) ? file.defaultCode : active[0].code;

  return (text, spans, tagged = tagAccount(text), bySpan = tokensBySpan(tagged, spans), groups = bySpan.map((tokens) => verbGroups(tokens))) => {
    const features = bySpan.map((tokens, s) => segmentFeatures(tokens, groups[s]));
    addContextFeatures(features);
    const tokens = accountTokens(text);
    return spans.map((span, s) => {
      const piece = text.slice(span.start, span.end);
      const hits = lexical(tokensOfStretch(tokens, text, span.start, span.end, tokenize), piece, span.start);
      const words = new Map<number, string[]>();
      for (const hit of hits) words.set(Number(hit.code), hit.evidence);
      // Every cue's verdict on the segment, in file order: the tags' cues, then the notes'.
      const fired = all.map((cue, i): FiredCue | undefined => {
        if (cue.features && !cue.features.every((feature) => features[s].has(feature))) return undefined;
        const matched = words.get(i);
        if (hasWords[i] && matched === undefined) return undefined;
        return { cue: cue.cue, weight: cue.weight, words: matched ?? [] };
      });
      const scores = active.map((code, c) => {
        const cues = countOnce(fired.slice(first[c], first[c] + code.cues.length).filter((cue): cue is FiredCue => cue !== undefined));
        return { tag: code.code, total: cues.reduce((sum, cue) => sum + cue.weight, 0), cues };
      });
      const best = scores.reduce((winner, score) => (score.total > winner.total || (score.total === winner.total && rank(score.tag) < rank(winner.tag)) ? score : winner));
      const tag = best.total > 0 ? best.tag : fallback;
      const notesHeld = notes.filter((def) => def.cues.some((cue) => fired[position.get(cue)!] !== undefined));
      const note = notesHeld.find((def) => def.tag === tag)?.note ?? '';
      return {
        features: [...features[s]],
        scores,
        tag,
        evidence: best.total > 0 ? best.cues.map(describeCue) : [],
        note,
        notesHeld,
      };
    });
  };
}

/** True when `word` is `within` or one of its words ("so" within "so that"), ignoring case. */
function inside(word: string, within: string): boolean {
  return ` ${within.toLowerCase()} `.includes(` ${word.toLowerCase()} `);
}

/**
 * The cues of one tag with each matched word counted once: a word that a
 * longer phrase of another cue covers ("so" within "so that"), or that a
 * weightier cue already matched ("confidence" as stance and as an
 * evaluative word), is dropped, and a cue left with no word does not
 * count. Grammatical cues (no words) always count. Cue order is kept.
 */
function countOnce(cues: readonly FiredCue[]): FiredCue[] {
  // One cue with words cannot claim its own words from itself.
  if (cues.filter((cue) => cue.words.length > 0).length < 2) return [...cues];
  const longest = (cue: FiredCue) => Math.max(...cue.words.map((word) => word.length));
  const claimed: string[] = [];
  const kept = new Map<FiredCue, FiredCue>();
  const lexical = cues.filter((cue) => cue.words.length > 0);
  for (const cue of [...lexical].sort((a, b) => longest(b) - longest(a) || b.weight - a.weight)) {
    const words = cue.words.filter((word) => !claimed.some((other) => inside(word, other)));
    claimed.push(...words);
    if (words.length > 0) kept.set(cue, { ...cue, words });
  }
  return cues.flatMap((cue) => (cue.words.length === 0 ? [cue] : kept.has(cue) ? [kept.get(cue)!] : []));
}

/** `cue: words +weight`, as the evidence column shows a cue. */
export function describeCue(cue: FiredCue): string {
  return `${cue.cue}${cue.words.length > 0 ? `: ${cue.words.join(', ')}` : ''} +${cue.weight}`;
}
