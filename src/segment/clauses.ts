import { tokensOfStretch, words, type Word } from '../text/tokens.js';
import { splitSentences } from './sentences.js';
import { trimSpan, type Span } from './span.js';

/** Words that join clauses: coordinators and subordinators. */
const CONNECTIVES = new Set([
  'and', 'but', 'or', 'so', 'yet', 'nor',
  'because', 'although', 'though', 'while', 'whilst', 'whereas', 'when', 'whenever', 'since', 'as', 'if', 'unless',
  'until', 'after', 'before', 'once', 'which', 'who', 'where',
]);

/** Pronouns that can only be subjects: whatever follows them is their verb phrase. */
const NOMINATIVE = new Set(['i', 'we', 'they', 'he', 'she']);

/** Subjects that need a finite verb after them to start a clause. */
const OTHER_SUBJECTS = new Set(['you', 'it', 'there', 'this', 'that', 'these', 'those', 'everyone', 'nobody', 'someone']);

/** Determiners that open a noun-phrase subject. */
const DETERMINERS = new Set(['the', 'my', 'our', 'their', 'his', 'her', 'its', 'your', 'some', 'many', 'most', 'all', 'each', 'every', 'other', 'a', 'an']);

/** Auxiliaries and modals: the finite verbs that mark a new clause most reliably. */
const AUXILIARIES = new Set([
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "don't", "doesn't", "didn't",
  "won't", "wouldn't", "can't", "couldn't", "shouldn't",
]);

/** A subject pronoun with a contracted auxiliary: I'm, they're, we've, it's. */
const CONTRACTED_SUBJECT = /^(?:i|we|you|they|he|she|it|there|that)'(?:m|re|ve|s|d|ll)$/;

function isFiniteVerb(token: Word | undefined): boolean {
  return token !== undefined && (AUXILIARIES.has(token.lower) || /(?:ed|[^s]s)$/.test(token.lower));
}

/** True when only spaces separate token `at` from the one before it. */
function spaced(text: string, tokens: readonly Word[], at: number): boolean {
  return /^\s+$/.test(text.slice(tokens[at - 1].end, tokens[at].start));
}

/** True when a new subject followed by a finite verb starts at token `at`. */
function startsClause(text: string, tokens: readonly Word[], at: number): boolean {
  const first = tokens[at];
  if (!first) return false;
  if (CONTRACTED_SUBJECT.test(first.lower)) return true;
  if (NOMINATIVE.has(first.lower)) return at + 1 < tokens.length;
  if (OTHER_SUBJECTS.has(first.lower)) return isFiniteVerb(tokens[at + 1]);
  if (DETERMINERS.has(first.lower)) {
    // A noun phrase of one or two words, then a finite verb, with nothing but spaces between.
    for (let next = at + 1; next <= at + 3 && next < tokens.length && spaced(text, tokens, next); next++) {
      const word = tokens[next].lower;
      if (NOMINATIVE.has(word) || OTHER_SUBJECTS.has(word) || CONNECTIVES.has(word)) return false;
      if (next > at + 1 && (AUXILIARIES.has(word) || word.endsWith('ed'))) return true;
    }
    return false;
  }
  return !CONNECTIVES.has(first.lower) && AUXILIARIES.has(tokens[at + 1]?.lower ?? '');
}

/** Punctuation after which a new clause begins: semicolons, dashes, and ? or ! inside a sentence. */
const PUNCTUATION_BREAK = /;|[?!](?=\s)|\s-(?=\s)|[\u2013\u2014]|(?<=[\p{L}\p{N}])-(?=\s)/gu;

/** Coordinators: they join clauses, but also the parts of a subject ("My deputy and I"). */
const COORDINATORS = new Set(['and', 'or', 'nor', 'but', 'yet']);

/** Words that must not end a clause: the coordinators and "so". */
const DANGLING = new Set([...COORDINATORS, 'so']);

/**
 * True when the tokens `[from, to)` hold a verb: an auxiliary, an -ed
 * form, or a word after a subject pronoun. A coordinator after a short
 * noun phrase alone ("My deputy and I agreed") joins two subjects, not
 * two clauses.
 */
function hasVerb(tokens: readonly Word[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const word = tokens[i].lower;
    if (AUXILIARIES.has(word) || CONTRACTED_SUBJECT.test(word) || (word.length > 3 && word.endsWith('ed'))) return true;
    if (i > from && (NOMINATIVE.has(tokens[i - 1].lower) || OTHER_SUBJECTS.has(tokens[i - 1].lower))) return true;
  }
  return false;
}

/** Where a sentence is cut into clauses; `all` is the words of the whole text. */
function breakOffsets(text: string, sentence: Span, all: readonly Word[]): number[] {
  const piece = text.slice(sentence.start, sentence.end);
  const punctuation: number[] = [];
  for (const match of piece.matchAll(PUNCTUATION_BREAK)) punctuation.push(sentence.start + (match.index ?? 0) + match[0].length);
  const offsets = [...punctuation];
  const tokens = tokensOfStretch(all, text, sentence.start, sentence.end, words);
  // The first token of the current clause, moved on at every break (tokens and breaks are in text order).
  let clauseStart = 0;
  let nextPunctuation = 0;
  tokens.forEach((token, at) => {
    while (nextPunctuation < punctuation.length && punctuation[nextPunctuation] <= token.start) {
      nextPunctuation++;
      clauseStart = at;
    }
    if (at === 0) return;
    if (CONNECTIVES.has(token.lower) && startsClause(text, tokens, at + 1) && (!COORDINATORS.has(token.lower) || at - clauseStart > 3 || hasVerb(tokens, clauseStart, at))) {
      offsets.push(token.start);
      clauseStart = at;
    } else if (NOMINATIVE.has(token.lower) && /,\s*$/.test(text.slice(tokens[at - 1].end, token.start)) && startsClause(text, tokens, at)) {
      offsets.push(token.start);
      clauseStart = at;
    }
  });
  return offsets.sort((a, b) => a - b);
}

/**
 * Moves a coordinator that ends a clause ("I check the rota and") to the
 * start of the next one, so no clause ends in a dangling "and" and none is
 * a lone "But"; a lone coordinator at the very end joins the clause before.
 * `all` is the words of the whole text.
 */
function attachCoordinators(text: string, spans: Span[], all: readonly Word[]): Span[] {
  const kept: Span[] = [];
  spans.forEach((span, i) => {
    const tokens = tokensOfStretch(all, text, span.start, span.end, words);
    const last = tokens.at(-1);
    const next = spans[i + 1];
    if (next && last && DANGLING.has(last.lower) && /^[\s,]*$/.test(text.slice(last.end, span.end))) {
      next.start = last.start;
      const rest = trimSpan(text, span.start, last.start);
      if (rest && /[\p{L}\p{N}]/u.test(text.slice(rest.start, rest.end))) kept.push(rest);
      return;
    }
    const previous = kept.at(-1);
    if (!next && previous && tokens.length === 1 && DANGLING.has(tokens[0].lower)) previous.end = span.end;
    else kept.push(span);
  });
  return kept;
}

/**
 * Splits a text into clauses: each sentence is cut at semicolons, dashes
 * and inner question marks, before a coordinator or subordinator followed
 * by a new subject and verb ("and I have", "because the staff were"; but
 * not "My deputy and I agreed", where "and" joins two subjects), and
 * at a comma followed by a subject pronoun ("..., I have been trying").
 * Relative and causal clauses without their own subject stay with their
 * main clause. A piece with no words is joined to the clause before it,
 * and a coordinator is never left alone or at the end of a clause (see
 * {@link attachCoordinators}).
 */
export function splitClauses(text: string): Span[] {
  const all = words(text);
  const spans: Span[] = [];
  for (const sentence of splitSentences(text)) {
    let start = sentence.start;
    for (const offset of [...breakOffsets(text, sentence, all), sentence.end]) {
      const span = trimSpan(text, start, offset);
      start = offset;
      if (!span) continue;
      const previous = spans.at(-1);
      if (previous && previous.end > sentence.start && !/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) previous.end = span.end;
      else spans.push(span);
    }
  }
  return attachCoordinators(text, spans, all);
}
