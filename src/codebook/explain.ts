import { split, type Unit } from '../segment/index.js';
import { segmentHeading } from '../segment/heading.js';
import { activeTags } from '../structure/active-tags.js';
import { compileCues, describeCue } from '../structure/score.js';
import { tokensWithin } from '../text/tokens.js';
import { wordTokens } from '../words/tag.js';
import type { AnyCodebook } from './any.js';
import { traceCodebook, type RuleMatch, type VetoedMatch } from './match.js';
import { describeRule } from './rule.js';

/** Singular names of the rule kinds, as explanations print them. */
const KIND_WORDS: Record<string, string> = { keywords: 'keyword', phrases: 'phrase', patterns: 'pattern', regex: 'regex' };

function ruleLabel(match: RuleMatch): string {
  const { rule } = match;
  const options = [
    match.from ? `of ${match.from}` : '',
    rule.match === 'lemma' ? '' : `on ${rule.match}s`,
    rule.pos.length ? `as ${rule.pos.join(' or ')}` : '',
    rule.weight === 1 ? '' : `weight ${rule.weight}`,
    rule.caseSensitive ? 'case sensitive' : '',
  ].filter(Boolean);
  const negated = match.negatedBy === undefined ? '' : `, negated by "${match.negatedBy}" (${match.from ? `counts for ${rule.negated}` : 'kept'})`;
  return `${KIND_WORDS[rule.kind]} ${describeRule(rule)}${options.length ? ` (${options.join(', ')})` : ''} matched "${match.words}"${negated}`;
}

/** Why a match was vetoed, as explanations print it. */
function vetoLabel(match: VetoedMatch): string {
  if (match.reason === 'negation') return `negation ("${match.by}" in the same clause)`;
  return match.reason === 'except' ? `except ("${match.by}")` : `exclude ("${match.by}")`;
}

/** Explains each segment of a text under a theme codebook: each code that matched, applied or not, with every match counted and vetoed. */
function explainThemes(book: Extract<AnyCodebook, { kind: 'themes' }>['codebook'], text: string, unit: Unit): string[] {
  const trace = traceCodebook(book);
  const tokens = wordTokens(text);
  return split(text, unit).flatMap((span, s) => {
    const piece = text.slice(span.start, span.end);
    const traces = trace(tokensWithin(tokens, span.start, span.end), piece, span.start);
    const lines = [segmentHeading(text, span, s)];
    if (traces.length === 0) lines.push('  no rule matched');
    for (const result of traces) {
      const { code } = result;
      const outcome = result.applied ? 'applied' : 'not applied';
      const needed = code.minMatches === 1 && result.applied ? '' : ` (score ${result.score} of ${code.minMatches} needed)`;
      lines.push(`  ${code.code} ${code.name}: ${outcome}${needed}`);
      for (const match of result.fired) lines.push(`    + ${ruleLabel(match)}`);
      for (const match of result.vetoed) lines.push(`    - ${ruleLabel(match)}, vetoed by ${vetoLabel(match)}`);
    }
    return lines;
  });
}

/** Explains each segment of a text under a structure cue file: its features, every tag's total with the cues that held, and the tag given. */
function explainStructure(cues: Extract<AnyCodebook, { kind: 'structure' }>['cues'], text: string, unit: Unit): string[] {
  const spans = split(text, unit);
  return compileCues(activeTags(cues))(text, spans).flatMap((score, s) => [
    segmentHeading(text, spans[s], s),
    `  features: ${score.features.length ? score.features.join(', ') : 'none'}`,
    ...score.scores.map(({ tag, total, cues: fired }) => `  ${tag} ${total}${fired.length ? `: ${fired.map(describeCue).join('; ')}` : ''}`),
    `  tag: ${score.tag}${score.evidence.length === 0 ? ' (no cue held: the default tag)' : ''}${score.note ? ` (${score.note})` : ''}`,
  ]);
}

/**
 * Explains how a codebook or cue file codes a text, segment by segment,
 * as lines to print: for a theme codebook every code any rule matched,
 * with each match that counted and each one vetoed (by a negator or an
 * `exclude` term); for a structure cue file each tag's total and the cues
 * that held.
 */
export function explainText(book: AnyCodebook, text: string, unit: Unit = 'clause'): string[] {
  return book.kind === 'themes' ? explainThemes(book.codebook, text, unit) : explainStructure(book.cues, text, unit);
}
