import { tagAccount, type TaggedToken } from '../structure/grammar.js';
import { accountTokens, type Token } from '../text/tokens.js';

/** British past forms the tagger leaves as they are ("learnt" stays "learnt"). */
const IRREGULAR: Readonly<Record<string, string>> = {
  learnt: 'learn', burnt: 'burn', spelt: 'spell', dreamt: 'dream', spoilt: 'spoil', leapt: 'leap', spilt: 'spill', smelt: 'smell', knelt: 'kneel',
};

/** Words after which the tagger takes a predicative adjective for a noun ("more patient"). */
const DEGREE = new Set(['more', 'less', 'very', 'too', 'so', 'quite', 'really', 'much', 'far', 'bit', 'rather', 'fairly', 'become', 'became', 'feel', 'felt', 'am', 'is', 'are', 'was', 'were', 'be', 'been', "i'm"]);

/** The tagged token that starts where `token` does, and whether it is the whole word. */
function partAt(tagged: readonly TaggedToken[], from: number, token: Token): { part?: TaggedToken; whole: boolean; next: number } {
  let at = from;
  while (at < tagged.length && tagged[at].end <= token.start) at++;
  const part = tagged[at];
  if (!part || part.start !== token.start) return { whole: false, next: at };
  return { part, whole: part.end === token.end, next: at };
}

/** The lemma and part of speech of one word, from the tagger's reading of its first part. */
function lemmaOf(token: Token, part: TaggedToken | undefined, whole: boolean): { lemma: string; pos: string } {
  if (!part) return { lemma: IRREGULAR[token.lower] ?? token.lower, pos: '' };
  // "resident's" is the tagger's "resident" + "'s"; "didn't" and "they're" keep their own form.
  const possessive = !whole && /^'s$/.test(token.lower.slice(part.end - part.start));
  const lemma = whole || possessive ? part.lemma : token.lower;
  return { lemma: IRREGULAR[lemma] ?? lemma, pos: part.pos };
}

/**
 * Reads a noun after a degree word or a linking verb as the adjective it
 * usually is there ("I am more patient", "I felt calm"), unless a noun
 * follows it or it is plural.
 */
function fixAdjectives(tokens: Token[]): void {
  tokens.forEach((token, i) => {
    if (token.pos === 'NOUN' && i > 0 && DEGREE.has(tokens[i - 1].lower) && token.lemma === token.lower && tokens[i + 1]?.pos !== 'NOUN') token.pos = 'ADJ';
  });
}

/**
 * The word tokens of a text (as {@link accountTokens} cuts them, with offsets
 * into the text), each with its lemma and part of speech in context, from
 * the tagging the structure stage shares ({@link tagAccount}). Words of a
 * "sentence" the tagger skips (longer than 2,000 characters) keep their
 * own form as lemma and no part of speech.
 */
export function tagWords(text: string): Token[] {
  const tagged = tagAccount(text);
  let at = 0;
  const tokens = accountTokens(text).map((token) => {
    const { part, whole, next } = partAt(tagged, at, token);
    at = next;
    const { lemma, pos } = lemmaOf(token, part, whole);
    // Built field by field: spreading two objects makes a slow dictionary object, and every word of a run passes here.
    return { text: token.text, lower: token.lower, stem: token.stem, lemma, pos, start: token.start, end: token.end };
  });
  fixAdjectives(tokens);
  return tokens;
}

/** The texts read most recently, with their tokens: the stages and `explain` ask for the same account more than once. */
const recent = new Map<string, Token[]>();
const RECENT_LIMIT = 8;

/** {@link tagWords} for an account: each text is read once, and the last few are kept. */
export function wordTokens(text: string): Token[] {
  const cached = recent.get(text);
  if (cached) return cached;
  const tokens = tagWords(text);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(text, tokens);
  return tokens;
}
