import { createRequire } from 'node:module';
import winkNLP, { type ItsFunction, type Model, type WinkMethods } from 'wink-nlp';
import { splitSentences } from '../segment/sentences.js';
import { normalise } from '../text/tokens.js';

/** A token of an account with its universal part of speech and lemma, from wink-nlp. */
export interface TaggedToken {
  /** The token as written. */
  text: string;
  /** Lower-cased, curly apostrophes straightened. */
  lower: string;
  /** Universal POS tag: VERB, AUX, PRON, NOUN, ADJ, ADV, PART, PUNCT... */
  pos: string;
  /** Dictionary form: `told` → `tell`, `was` → `be`. */
  lemma: string;
  start: number;
  end: number;
}

const require = createRequire(import.meta.url);

let nlp: WinkMethods | undefined;

/**
 * wink-nlp with its sentence boundaries (the tagger reads one sentence at
 * a time) and parts of speech, its language model loaded on first use:
 * the model takes some 60 MB, and a thread that never tags (the main
 * thread of a run coded in worker threads) never loads it.
 */
function tagger(): WinkMethods {
  return (nlp ??= winkNLP(require('wink-eng-lite-web-model') as Model, ['sbd', 'pos']));
}

/** wink-lemmatizer, loaded on first use (it takes some 50 MB). */
let lemmatizer: (typeof import('wink-lemmatizer'))['default'] | undefined;

/** A pronoun and contracted auxiliary the tagger left as one word ("I'm", "I’ve"). */
const CONTRACTION = /^(i|you|we|they|he|she|it|there|that)(['\u2019](?:m|re|s|ve|d|ll))$/i;
const CONTRACTED_LEMMA: Record<string, string> = { m: 'be', re: 'be', s: 'be', ve: 'have', d: 'would', ll: 'will' };

/** Splits a pronoun+auxiliary token into its two words, as the tagger does for "we're". */
function splitContraction(token: TaggedToken): TaggedToken[] {
  const match = CONTRACTION.exec(token.text);
  if (!match) return [token];
  const [pronoun, auxiliary] = [match[1], match[2]];
  const lower = normalise(auxiliary);
  const cut = token.start + pronoun.length;
  return [
    { text: pronoun, lower: pronoun.toLowerCase(), pos: 'PRON', lemma: pronoun.toLowerCase(), start: token.start, end: cut },
    { text: auxiliary, lower, pos: 'AUX', lemma: CONTRACTED_LEMMA[lower.slice(1)], start: cut, end: token.end },
  ];
}

/** Pronouns that stand as the subject of a finite verb. */
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she']);

/**
 * A word the tagger read as a noun or adjective straight after a subject
 * pronoun ("We rewrote the plans") is a verb when WordNet knows it as a
 * past form of a verb: the tagger misses irregular pasts with a prefix
 * (rewrote, overheard, mistook). Plurals ("you guys") are left alone.
 */
function verbAfterPronoun(token: TaggedToken, before: TaggedToken | undefined): TaggedToken {
  if ((token.pos !== 'NOUN' && token.pos !== 'ADJ') || before?.pos !== 'PRON' || !SUBJECT_PRONOUNS.has(before.lower)) return token;
  if (token.lower.endsWith('s') || token.lower.endsWith('ing')) return token;
  lemmatizer ??= require('wink-lemmatizer') as (typeof import('wink-lemmatizer'))['default'];
  const lemma = lemmatizer.verb(token.lower);
  return lemma !== token.lower ? { ...token, pos: 'VERB', lemma } : token;
}

/**
 * Tags every token of a text with its part of speech and lemma, offsets
 * `offset` ahead of the text's. wink-nlp's tokenisation is lossless (each
 * token keeps the white space before it), so the offsets are exact:
 * `text.slice(start, end)` is the token. A pronoun with a contracted
 * auxiliary that it keeps as one word ("I'm") is split in two, as it
 * splits "we're", and an irregular past the tagger took for a noun after
 * a subject pronoun is made a verb.
 */
export function tagText(text: string, offset = 0): TaggedToken[] {
  const { its, readDoc } = tagger();
  const tokens = readDoc(text).tokens();
  const values = tokens.out();
  const spaces = tokens.out(its.precedingSpaces);
  const pos = tokens.out(its.pos);
  // The typings declare lemma with the add-ons argument the model supplies.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  const tagged: TaggedToken[] = [];
  let end = offset;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const start = end + spaces[i].length;
    end = start + value.length;
    // Line breaks between sentences come as tokens of their own.
    if (value.trim() === '') continue;
    const token = verbAfterPronoun({ text: value, lower: normalise(value), pos: pos[i], lemma: lemmas[i].toLowerCase(), start, end }, tagged[tagged.length - 1]);
    if (/['\u2019]/.test(value)) tagged.push(...splitContraction(token));
    else tagged.push(token);
  }
  return tagged;
}

/** Longest sentence given to the tagger: its time grows faster than a sentence's length, and longer runs are not prose. */
export const LONGEST_SENTENCE = 2_000;

/** The account tagged last and its tokens: the stages of a run tag the same account one after another. */
let last: { text: string; tokens: readonly TaggedToken[] } | undefined;

/**
 * Tags an account ({@link tagText}), the tagger finding its sentences. An
 * account with a "sentence" (as the sentence unit cuts them) longer than
 * {@link LONGEST_SENTENCE} characters is tagged sentence by sentence
 * instead, and that sentence left untagged, so the tagger's time stays
 * linear in the account's length. The last account's tokens are kept, so
 * the theme and structure stages tag each account once; callers must not
 * change them.
 */
export function tagAccount(text: string): readonly TaggedToken[] {
  if (last?.text === text) return last.tokens;
  const sentences = text.length > LONGEST_SENTENCE ? splitSentences(text) : [];
  let tokens: TaggedToken[];
  if (sentences.every(({ start, end }) => end - start <= LONGEST_SENTENCE)) tokens = tagText(text);
  else {
    tokens = [];
    for (const { start, end } of sentences) if (end - start <= LONGEST_SENTENCE) for (const token of tagText(text.slice(start, end), start)) tokens.push(token);
  }
  last = { text, tokens };
  return tokens;
}

/** The tagged tokens that start inside each span (one pass: both are in text order). */
export function tokensBySpan(tagged: readonly TaggedToken[], spans: ReadonlyArray<{ start: number; end: number }>): TaggedToken[][] {
  let next = 0;
  return spans.map((span) => {
    while (next < tagged.length && tagged[next].start < span.start) next++;
    const from = next;
    while (next < tagged.length && tagged[next].start < span.end) next++;
    return tagged.slice(from, next);
  });
}
