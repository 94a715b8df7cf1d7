import type { TaggedToken } from './grammar.js';

/**
 * The grammatical and positional features a cue can require. Tense and
 * aspect describe the segment's finite verb groups; the positional
 * ones describe where the segment sits in its account.
 */
export const FEATURES = [
  // Tense and aspect of each finite verb group (or no-finite-verb).
  'simple-past', 'past-stative', 'past-progressive', 'past-perfect', 'habitual-past',
  'present-simple', 'present-stative', 'present-progressive', 'present-perfect', 'present-perfect-progressive',
  'modal', 'no-finite-verb',
  // Other features of the segment.
  'first-person', 'question', 'negation', 'existential',
  // Features of the segment's place in its account.
  'juncture', 'first', 'last', 'final-part', 'after-past',
] as const;

/** A feature a cue can require; see {@link FEATURES}. */
export type Feature = (typeof FEATURES)[number];

/** Modal auxiliaries, with the forms the tagger splits off ("'ll", "ca" of "can't"). */
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', "'ll", "'d", 'ca', 'wo']);
const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did']);
const FINITE_AUXILIARIES = new Set(['am', 'is', 'are', "'m", "'re", "'s", 'has', 'have', "'ve", 'do', 'does', ...PAST_AUXILIARIES, ...MODALS]);
/** Verbs that describe a state rather than an event. */
const STATIVE = new Set(['be', 'have', 'know', 'believe', 'think', 'feel', 'hope', 'wish', 'doubt', 'trust', 'expect', 'seem', 'appear', 'belong', 'own', 'contain', 'mean', 'need', 'want', 'like', 'love', 'hate', 'prefer', 'understand', 'remain', 'exist', 'matter', 'depend', 'include', 'involve', 'consist', 'deserve', 'resemble']);
/** Words that negate a clause. */
export const NEGATORS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'hardly']);
const FIRST_PERSON = new Set(['i', 'we']);
/** Words that may stand between a subject and its verb group, or inside it. */
const INNER_ADVERBS = new Set(['also', 'now', 'still', 'just', 'really', 'actually', 'always', 'never', 'often', 'usually', 'already', 'even', 'only', 'not', "n't", 'then', 'finally', 'eventually', 'sometimes', 'rarely', 'generally', 'all', 'both']);

/** Parts of speech that can end a subject just before its verb. */
const SUBJECT_POS = new Set(['PRON', 'NOUN', 'PROPN', 'NUM']);

const isVerb = (token: TaggedToken | undefined) => token?.pos === 'VERB' || token?.pos === 'AUX';

/** A past-tense or past-participle form: it differs from its lemma and is neither an -ing nor an -s form. */
function pastForm(token: TaggedToken): boolean {
  const { lower, lemma } = token;
  // A regular past the lemmatiser does not know keeps its -ed ("redrafted").
  if (lower === lemma) return lower.length > 4 && lower.endsWith('ed') && !lower.endsWith('eed');
  if (lower.endsWith('ing')) return false;
  return !(lower === `${lemma}s` || lower === `${lemma}es` || (lemma.endsWith('y') && lower === `${lemma.slice(0, -1)}ies`));
}

/** Where the next finite verb group starts at or after `from`, or -1. */
function finiteStart(tokens: readonly TaggedToken[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    // An auxiliary that ends the segment with not even a full stop after it is a
    // clause cut off mid-way (a line of a page), not a verb group; "I did." is one.
    if (token.pos === 'AUX' && FINITE_AUXILIARIES.has(token.lower)) {
      if (i < tokens.length - 1) return i;
      continue;
    }
    if (token.pos !== 'VERB') continue;
    const before = tokens[i - 1];
    // A finite main verb follows its subject (a pronoun, a noun or a number,
    // perhaps with an adverb between): not an infinitive, a gerund, an opening
    // or appended participle ("written with them"), or a verb inside a group.
    if (before?.lower === 'to' || isVerb(before) || token.lower.endsWith('ing')) continue;
    const subject = before?.pos === 'ADV' ? tokens[i - 2] : before;
    // A past form after a noun is a modifier when a noun follows ("person
    // centred care") or the noun is itself a complement ("care is person centred").
    const modifier = before?.pos === 'NOUN' && (tokens[i + 1]?.pos === 'NOUN' || isVerb(tokens[i - 2])) && pastForm(token);
    if (subject && SUBJECT_POS.has(subject.pos) && !modifier) return i;
  }
  return -1;
}

/** The tokens of the verb group that starts at `start`: auxiliaries, negators and inner adverbs up to the main verb. */
function verbGroup(tokens: readonly TaggedToken[], start: number): TaggedToken[] {
  const group: TaggedToken[] = [];
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.pos === 'AUX' || (token.pos === 'PART' && NEGATORS.has(token.lower)) || (token.pos === 'ADV' && INNER_ADVERBS.has(token.lower))) group.push(token);
    else if (token.pos === 'VERB') {
      group.push(token);
      break;
    } else break;
  }
  return group;
}

/**
 * The verbs of a group, each with the lemma it has here: a contracted
 * `'s` before `been` or a past participle is "has" ("it's changed",
 * "it's been hard"), not "is".
 */
function verbsOf(group: readonly TaggedToken[]): TaggedToken[] {
  const verbs = group.filter(isVerb);
  return verbs.map((token, i) => {
    const next = verbs[i + 1];
    const has = token.lower === "'s" && next !== undefined && (next.lower === 'been' || (next.pos === 'VERB' && pastForm(next)));
    return has ? { ...token, lemma: 'have' } : token;
  });
}

/** The tense and aspect of one finite verb group; `next` is the token after it. */
function classify(group: readonly TaggedToken[], next: TaggedToken | undefined): Feature {
  const first = group[0];
  const verbs = verbsOf(group);
  const head = verbs.at(-1)!;
  if (first.lemma === 'use' && first.pos === 'VERB' && next?.lower === 'to') return 'habitual-past';
  if (MODALS.has(first.lower)) return 'modal';
  const negated = group.some((token) => NEGATORS.has(token.lower));
  const past = PAST_AUXILIARIES.has(first.lower) || (first.pos === 'VERB' && pastForm(first));
  const perfect = verbs.some((token, i) => token.lemma === 'have' && i < verbs.length - 1);
  // be + -ing, or the progressive passive be + being + participle ("are being consulted").
  const progressive = verbs.some((token, i) => token.lemma === 'be' && i < verbs.length - 1) && (head.lower.endsWith('ing') || verbs.some((token) => token.lower === 'being'));
  // A negated verb group tells what did not happen: a state, not an event.
  if (negated) return past ? 'past-stative' : 'present-stative';
  // be + past participle: a passive; in the present it describes a state ("I am exhausted").
  const passive = verbs.some((token) => token.lemma === 'be') && head.pos === 'VERB' && pastForm(head);
  const stative = head.pos === 'AUX' || STATIVE.has(head.lemma) || (passive && !past);
  if (past) {
    if (perfect) return 'past-perfect';
    if (progressive) return 'past-progressive';
    return stative && verbs.length === 1 ? 'past-stative' : 'simple-past';
  }
  if (perfect) return progressive ? 'present-perfect-progressive' : 'present-perfect';
  if (progressive) return 'present-progressive';
  return stative ? 'present-stative' : 'present-simple';
}

/** Question words: they open a subordinate clause, or a question when an auxiliary follows ("What would you want?"). */
const WH_WORDS = new Set(['what', 'how', 'why', 'where', 'when', 'who', 'which']);

/** True when `lead` (the words before the verb group at `start`) opens a subordinate clause. */
function opensSubordinate(tokens: readonly TaggedToken[], lead: readonly TaggedToken[], start: number): boolean {
  const question = WH_WORDS.has(tokens[start - 1]?.lower ?? '') && tokens[start].pos === 'AUX';
  return lead.some((token) => (token.pos === 'SCONJ' || SUBORDINATORS.has(token.lower)) && !(question && token === tokens[start - 1]));
}

/** Words that open a subordinate clause ("that we lost him", "because it was quicker"). */
const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'what', 'how', 'why', 'where', 'when', 'whenever', 'if', 'because', 'since', 'although', 'though', 'while', 'whilst', 'until', 'unless', 'once', 'as', 'after', 'before']);

/** One finite verb group of a segment, as the tagger reads it. */
export interface VerbGroup {
  tense: Feature;
  /** False when a subordinator opens it ("that we lost him"). */
  main: boolean;
  /** The nearest pronoun or noun within the three words before the group, if any. */
  subject?: TaggedToken;
  /** The group's last verb: its main verb ("told" in "had told"). */
  head: TaggedToken;
}

/** Every finite verb group of a segment, in order. */
export function verbGroups(tokens: readonly TaggedToken[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let previousEnd = 0;
  for (let start = finiteStart(tokens, 0); start >= 0; ) {
    const group = verbGroup(tokens, start);
    let after = start + group.length;
    // In a question the subject stands inside the verb group ("would you want"): its main verb is not a group of its own.
    if (group.every((token) => token.pos !== 'VERB') && SUBJECT_POS.has(tokens[after]?.pos ?? '') && tokens[after + 1]?.pos === 'VERB') after += 2;
    const subject = tokens.slice(Math.max(0, start - 3), start).findLast((token) => SUBJECT_POS.has(token.pos));
    groups.push({ tense: classify(group, tokens[after]), main: !opensSubordinate(tokens, tokens.slice(previousEnd, start), start), subject, head: verbsOf(group).at(-1)! });
    previousEnd = after;
    start = finiteStart(tokens, after);
  }
  return groups;
}

/**
 * The verb groups that speak for a segment: its main-clause groups, or
 * its subordinate ones when it has no main clause. A group after a
 * subordinator ("It was a shame that we lost him") is not a narrative
 * clause (Labov & Waletzky 1967: narrative clauses are independent clauses).
 */
export function countedGroups(groups: readonly VerbGroup[]): readonly VerbGroup[] {
  return groups.some((group) => group.main) ? groups.filter((group) => group.main) : groups;
}

/**
 * The tense and aspect of the counted verb groups ({@link countedGroups})
 * of a segment, or `no-finite-verb`. `first-person` is added when I or we
 * stands within the three words before a counted group.
 */
export function verbFeatures(tokens: readonly TaggedToken[], groups: readonly VerbGroup[] = verbGroups(tokens)): Feature[] {
  const counted = countedGroups(groups);
  if (counted.length === 0) return ['no-finite-verb'];
  return counted.flatMap((group): Feature[] => (group.subject?.pos === 'PRON' && FIRST_PERSON.has(group.subject.lower) ? [group.tense, 'first-person'] : [group.tense]));
}

/** The features of one segment on its own (its verb groups given when already found): tense and aspect, person, questions, negation, existential "there". */
export function segmentFeatures(tokens: readonly TaggedToken[], groups: readonly VerbGroup[] = verbGroups(tokens)): Set<Feature> {
  const features = new Set<Feature>(verbFeatures(tokens, groups));
  if (tokens.some((token) => token.lower === '?')) features.add('question');
  if (tokens.some((token) => NEGATORS.has(token.lower))) features.add('negation');
  if (tokens.some((token, i) => token.lower === 'there' && tokens[i + 1]?.lemma === 'be')) features.add('existential');
  return features;
}

const PAST_EVENTS: ReadonlySet<Feature> = new Set(['simple-past']);
const PAST_ANY: ReadonlySet<Feature> = new Set(['simple-past', 'past-stative', 'past-progressive', 'past-perfect', 'habitual-past']);

/**
 * Adds the features that depend on a segment's neighbours and place:
 * `juncture` (a simple past event next to another, in temporal order),
 * `first`, `last`, `final-part` (in the last third of the account) and
 * `after-past` (a present-tense segment after a simple past event).
 */
export function addContextFeatures(segments: ReadonlyArray<Set<Feature>>): void {
  const count = segments.length;
  const has = (i: number, set: ReadonlySet<Feature>) => {
    if (i < 0 || i >= count) return false;
    for (const feature of set) if (segments[i].has(feature)) return true;
    return false;
  };
  let pastSeen = false;
  segments.forEach((features, i) => {
    if (has(i, PAST_EVENTS) && (has(i - 1, PAST_EVENTS) || has(i + 1, PAST_EVENTS))) features.add('juncture');
    if (i === 0) features.add('first');
    if (i === count - 1) features.add('last');
    if (count >= 3 && i >= Math.ceil((2 * count) / 3)) features.add('final-part');
    const present = !has(i, PAST_ANY) && !features.has('no-finite-verb');
    if (present && pastSeen) features.add('after-past');
    if (has(i, PAST_EVENTS)) pastSeen = true;
  });
}
