import { countedGroups, MODALS, NEGATORS, verbGroups, type VerbGroup } from '../features.js';
import type { TaggedToken } from '../grammar.js';

/**
 * Interpretable features of one clause for the clause-type model, each a
 * name such as `tense:simple-past` or `opener:then`. A clause's own
 * features are also given to its neighbours as `prev:` and `next:`
 * features (see {@link accountFeatures}), since orientation clusters at
 * the start of an account and actions run in sequences.
 */
export type FeatureName = string;

const SECOND_PERSON = new Set(['you']);
const FIRST_PERSON = new Set(['i', 'we']);
/** Temporal adverbs and connectives, by lemma: their presence is a feature. */
const TEMPORAL = new Set([
  'then', 'next', 'after', 'afterwards', 'later', 'finally', 'eventually', 'suddenly', 'immediately', 'soon', 'once',
  'now', 'today', 'currently', 'nowadays', 'still', 'always', 'usually', 'often', 'sometimes', 'never', 'ago', 'when',
  'while', 'until', 'before', 'since', 'already', 'yet', 'again', 'every', 'each',
]);
/** Words that open a clause and link it to the one before. */
const OPENERS = new Set(['and', 'but', 'so', 'because', 'then', 'when', 'if', 'or', 'now', 'like', 'well', 'after', 'before', 'as', 'since', 'although', 'though', 'while', 'that', 'which', 'who', 'where', 'what', 'how', 'why', 'yeah', 'oh', 'um', 'uh', 'you', 'i', 'we', 'it', 'there', 'this', 'my', 'the', 'finally', 'eventually']);
/** Evaluative devices of Labov (1972): intensifiers, comparators, mental and feeling verbs. */
const INTENSIFIERS = new Set(['really', 'very', 'so', 'too', 'quite', 'totally', 'absolutely', 'pretty', 'super', 'extremely', 'incredibly', 'truly', 'definitely', 'just', 'actually', 'literally', 'completely']);
const COMPARATORS = new Set(['more', 'less', 'better', 'worse', 'than', 'most', 'least', 'rather', 'instead']);
const MENTAL = new Set(['think', 'feel', 'believe', 'realise', 'realize', 'know', 'learn', 'love', 'like', 'hate', 'want', 'hope', 'wish', 'enjoy', 'understand', 'find', 'seem', 'mean', 'guess', 'wonder', 'care', 'matter', 'need']);
/** Verbs that report speech or thought ("she said", "I told them"). */
const REPORTING = new Set(['say', 'tell', 'ask', 'reply', 'answer', 'explain', 'suggest', 'shout', 'call']);
/** Nouns of time after which "next" or "last" names a time, not a sequence ("next week"). */
const TIME_NOUNS = new Set(['week', 'month', 'year', 'time', 'day', 'session', 'shift', 'morning', 'evening', 'night', 'term', 'meeting', 'appointment', 'summer', 'spring', 'autumn', 'winter']);

const words = (tokens: readonly TaggedToken[]) => tokens.filter((token) => token.pos !== 'PUNCT' && token.pos !== 'SYM' && token.pos !== 'SPACE');

/** How long a clause is, in words, as a band. */
function lengthBand(count: number): string {
  if (count <= 3) return 'length:1-3';
  if (count <= 7) return 'length:4-7';
  if (count <= 15) return 'length:8-15';
  return 'length:16+';
}

/** The person of a verb group's subject: 1 (I, we), 2 (you) or 3. */
function person(group: VerbGroup): string {
  const subject = group.subject;
  if (subject?.pos === 'PRON' && FIRST_PERSON.has(subject.lower)) return 'subject:first-person';
  if (subject?.pos === 'PRON' && SECOND_PERSON.has(subject.lower)) return 'subject:second-person';
  return 'subject:third-person';
}

/** Feature names already made, by prefix and value: the same few thousand recur in every account, and a name made once is looked up faster. */
const names = new Map<string, Map<string, FeatureName>>();
const NAME_CACHE_LIMIT = 100_000;

/** The feature `prefix:value` (`word:feel`, `prev:tense:modal`). */
export function named(prefix: string, value: string): FeatureName {
  let byValue = names.get(prefix);
  if (byValue === undefined) names.set(prefix, (byValue = new Map()));
  let name = byValue.get(value);
  if (name === undefined) {
    name = `${prefix}:${value}`;
    if (byValue.size >= NAME_CACHE_LIMIT) byValue.clear();
    byValue.set(value, name);
  }
  return name;
}

/** The features of one clause on its own, from its tagged tokens (in text order) and, when already found, its verb groups. */
export function ownFeatures(tokens: readonly TaggedToken[], text: string, groups: readonly VerbGroup[] = verbGroups(tokens)): FeatureName[] {
  const features = new Set<FeatureName>();
  const list = words(tokens);
  const counted = countedGroups(groups);
  if (counted.length === 0) features.add('tense:none');
  for (const group of counted) {
    features.add(named('tense', group.tense));
    features.add(person(group));
    features.add(named('verb', group.head.lemma));
    if (MENTAL.has(group.head.lemma)) features.add('verb:mental');
    if (REPORTING.has(group.head.lemma)) features.add('verb:reporting');
  }
  if (groups.length > 0 && !groups.some((group) => group.main)) features.add('shape:subordinate-only');
  if (groups.length > counted.length) features.add('shape:has-subordinate');
  const first = list[0];
  if (first) {
    if (OPENERS.has(first.lower)) features.add(named('opener', first.lower));
    if (first.pos === 'VERB' && first.lower.endsWith('ing')) features.add('shape:ing-opener');
    if (first.pos === 'VERB' && first.lower === first.lemma && counted.length === 0) features.add('shape:imperative');
  }
  features.add(lengthBand(list.length));
  if (text.includes('?')) features.add('shape:question');
  if (/["“”]/u.test(text) || /(^|\s)'[^']+'/u.test(text)) features.add('shape:quoted');
  list.forEach((token, i) => {
    const after = list[i + 1];
    features.add(named('word', token.lemma));
    if (NEGATORS.has(token.lower)) features.add('negation');
    if (MODALS.has(token.lower)) features.add('modal');
    if (INTENSIFIERS.has(token.lower)) features.add('eval:intensifier');
    if (COMPARATORS.has(token.lower) || (token.pos === 'ADJ' && /(er|est)$/u.test(token.lower) && token.lemma !== token.lower)) features.add('eval:comparator');
    if (token.pos === 'ADJ') features.add('eval:adjective');
    if (MENTAL.has(token.lemma) && token.pos === 'VERB') features.add('eval:mental-verb');
    if (token.lower === 'there' && after?.lemma === 'be') features.add('existential');
    const timeName = (token.lower === 'next' || token.lower === 'last') && after !== undefined && TIME_NOUNS.has(after.lemma);
    if (timeName) features.add(`time:${token.lower}-${after.lemma === 'time' ? 'time' : 'period'}`);
    else if (TEMPORAL.has(token.lower)) features.add(named('temporal', token.lower));
  });
  return [...features];
}

/** The relative position of clause `i` of `count` as a fifth of the account. */
function fifth(i: number, count: number): string {
  return named('position', `fifth-${Math.min(5, Math.floor((5 * i) / count) + 1)}`);
}

/** Features a neighbour passes on: its tense, shape, opener, subject, negation and modality. */
const PASSED_ON = /^(tense|shape|opener|subject|negation|modal)/u;

/**
 * Every clause's features in the context of its account: its own, its
 * place (first, last, which fifth of the account, or `position:only`)
 * and its neighbours' tense, shape, opener, subject, negation and
 * modality as `prev:` and `next:` features.
 */
export function accountFeatures(own: ReadonlyArray<readonly FeatureName[]>): FeatureName[][] {
  const count = own.length;
  const passed = own.map((features) => features.filter((name) => PASSED_ON.test(name)));
  return own.map((features, i) => {
    // A one-clause account has no beginning or end to lean on.
    if (count === 1) return [...features, 'position:only'];
    const all = [...features, fifth(i, count)];
    if (i === 0) all.push('position:first');
    if (i === count - 1) all.push('position:last');
    if (i > 0) for (const name of passed[i - 1]) all.push(named('prev', name));
    if (i < count - 1) for (const name of passed[i + 1]) all.push(named('next', name));
    return all;
  });
}
