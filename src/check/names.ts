import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import lemmatizer from 'wink-lemmatizer';
import type { Finding } from './kinds.js';
import { NAMES, NAMES_BEFORE_WORDS, WORD_NAMES } from './name-list.js';

/** Titles written before a name (Dr Smith, Mrs Green): never names themselves, and the capitalised words right after one are. */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'sir', 'dame', 'rev', 'revd', 'cllr']);

/**
 * Words that are not names although the lexicon (American, and from
 * before e-mail was a word) does not know them: days, months, numbers,
 * British words it has no spelling rule for, contractions, titles, newer
 * words, and words a care setting capitalises.
 */
const COMMON_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
  'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  'hundred', 'thousand', 'million', 'billion', 'dozen', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth',
  'ninth', 'tenth', 'eleventh', 'twelfth', 'twentieth', 'hundredth',
  'whilst', 'amongst', 'practise', 'storey', 'tyre', 'kerb', 'cheque', 'jewellery', 'aluminium', 'sceptical', 'mould', 'plough',
  'grey', 'enquiry', 'enquiries', 'enquire', 'mum', 'mam', 'nan', 'nana', 'grandad', 'grandma',
  "can't", "won't", "shan't", "ain't", 'st', ...TITLES,
  'english', 'british', 'ok', 'okay', 'email', 'emails', 'emailed', 'ref', 'website', 'internet', 'app', 'apps', 'wifi', 'texted',
  'online', 'whatsapp', 'covid', 'lockdown', 'carer', 'carers', 'mentee', 'mentees',
]);

/** American spellings the lexicon has for British ones: organise, analyse, colour, centre, licence, travelled, catalogue, judgement, ageing, programme, focussed. */
const AMERICAN: ReadonlyArray<[RegExp, string]> = [
  [/([^aeiou]i)s(e|ed|es|ing|ation|ations)$/, '$1z$2'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/our/g, 'or'],
  [/([^aeiou])re(s|d)?$/, '$1er$2'],
  [/ence$/, 'ense'],
  [/ll(ed|ing|er|ers|or|ors)$/, 'l$1'],
  [/ogue(s)?$/, 'og$1'],
  [/gement(s)?$/, 'gment$1'],
  [/eing$/, 'ing'],
  [/amme(s)?$/, 'am$1'],
  [/ss(ed|ing)$/, 's$1'],
];

/** The lexicon's words as the checks ask about them: those it knows as something other than a proper noun, and those it knows only as other than a noun. */
interface Lexicon {
  common: ReadonlySet<string>;
  neverNoun: ReadonlySet<string>;
}

let lexicon: Lexicon | undefined;

/**
 * The English lexicon that ships with `natural` (from pos-js, 92,000 words
 * with their parts of speech), read once on first use and kept as the two
 * sets of words the checks ask about (a few MB less than the lexicon
 * itself, in every thread that checks).
 */
function lexiconWords(): Lexicon {
  if (!lexicon) {
    const file = createRequire(import.meta.url).resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
    const tagsOf = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const common = new Set<string>();
    const neverNoun = new Set<string>();
    for (const [word, tags] of Object.entries(tagsOf)) {
      if (!Array.isArray(tags)) continue;
      if (tags.some((tag: string) => !tag.startsWith('NNP'))) common.add(word);
      if (!tags.some((tag: string) => tag.startsWith('NN'))) neverNoun.add(word);
    }
    lexicon = { common, neverNoun };
  }
  return lexicon;
}

/** True when a lower-case word is listed above, or the lexicon knows it as something other than a proper noun. */
function known(word: string): boolean {
  return COMMON_WORDS.has(word) || lexiconWords().common.has(word);
}

/**
 * A word is common when it, its American spelling, or the base form of
 * either (mentoring, supervisions, learnt), is known; a contraction
 * (we've, couldn't) when its first part is.
 */
function isCommon(word: string): boolean {
  const lower = word.toLowerCase().replace(/’/g, "'");
  let verdict = verdicts.get(lower);
  if (verdict === undefined) {
    const stem = lower.replace(/(?:n't|'s|'ve|'re|'ll|'d|'m)$/, '');
    const spellings = [...new Set([lower, stem, AMERICAN.reduce((form, [from, to]) => form.replace(from, to), lower)])];
    verdict = spellings.some((form) => known(form) || [lemmatizer.verb(form), lemmatizer.noun(form), lemmatizer.adjective(form), form.replace(/s$/, '')].some(known));
    if (verdicts.size >= MOST_VERDICTS) verdicts.clear();
    verdicts.set(lower, verdict);
  }
  return verdict;
}

/** Verdicts of {@link isCommon} already reached, by lower-case word: the same capitalised words recur from account to account. */
const verdicts = new Map<string, boolean>();

/** Most verdicts kept; beyond, they are forgotten and reached again, so memory stays bounded over a long run. */
const MOST_VERDICTS = 20_000;

/** A capitalised word (not all capitals): Priya, McDonald, Mary-Jane, O'Neill, with any possessive 's. */
const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}(?:\p{Ll}+|(?=['’]\p{Lu}))(?:\p{Lu}\p{Ll}+)*(?:[-'’]\p{Lu}?\p{Ll}+)*(?:['’]s)?(?![\p{L}\p{N}])/gu;

/** A word of three or more capitals, or of three or more small letters. */
const ALL_CAPS = /(?<![\p{L}\p{N}'’-])\p{Lu}{3,}(?![\p{L}\p{N}])/gu;
const ALL_SMALL = /(?<![\p{L}\p{N}'’-])\p{Ll}{3,}(?![\p{L}\p{N}])/gu;

/** Every pattern above, for checking that each runs in linear time. */
export const NAME_PATTERNS: readonly RegExp[] = [CAPITALISED, ALL_CAPS, ALL_SMALL];

/** True when a name on the list is not a word the lexicon knows as it is written (Williams is not, though william is). */
function listedName(lower: string): boolean {
  return NAMES.has(lower) && !known(lower);
}

/** True when a capitalised word is a name by itself: a listed name or one the lexicon knows as a rare word, or not a common word (nor made only of common words). */
function nameByItself(word: string): boolean {
  const lower = word.toLowerCase();
  if (NAMES_BEFORE_WORDS.has(lower) || listedName(lower)) return true;
  return !isCommon(word) && !word.split(/[-'’]/).every((part) => part.length < 2 || isCommon(part));
}

/** True when a word may be a surname after a name: the lexicon does not know it, or knows it as a noun (Green, Young), not only as a word such as and, about or said. */
function maySurname(lower: string): boolean {
  return !lexiconWords().neverNoun.has(lower);
}

/**
 * The capitalised words that are names: those that are names by
 * themselves (see {@link nameByItself}), those right after a title
 * ("Dr Smith", "Mrs Green"), a noun right after one of those ("Charlotte
 * Green"), and a given name that is also a word right before a name
 * ("Rose Smith"). Titles are never names; nor is what is on the
 * allow-list.
 */
function capitalisedNames(text: string, allowed: ReadonlySet<string>): Finding[] {
  const words = [...text.matchAll(CAPITALISED)].map((match) => {
    const word = match[0].replace(/['’]s$/, '');
    return { start: match.index, end: match.index + word.length, lower: word.toLowerCase(), word, named: false, name: false };
  });
  /** True when words i and i + 1 stand together, separated by spaces only (after a title, perhaps its full stop). */
  const together = (i: number) => i + 1 < words.length && /^\.?[ \t]+$/u.test(text.slice(words[i].end, words[i + 1].start)) && (text[words[i].end] !== '.' || TITLES.has(words[i].lower));
  words.forEach((word, i) => {
    if (TITLES.has(word.lower) || allowed.has(word.lower)) return;
    const before = i > 0 && together(i - 1) ? words[i - 1] : undefined;
    // Only a name by itself, or after a title, makes the next word a name: a run of capitalised words does not.
    word.named = nameByItself(word.word) || (before !== undefined && TITLES.has(before.lower));
    word.name = word.named || (before?.named === true && maySurname(word.lower));
  });
  for (let i = words.length - 2; i >= 0; i--) {
    if (words[i + 1].name && together(i) && WORD_NAMES.has(words[i].lower) && !allowed.has(words[i].lower)) words[i].name = true;
  }
  return words.filter((word) => word.name).map(({ start, end }) => ({ kind: 'name', start, end }));
}

/** ALL-CAPS and lower-case words that are names on the name list and not words the lexicon knows (in capitals, also the names it knows as rare words): SARAH, CHARLOTTE, priya, but not NHS, will or charlotte. */
function listedNames(text: string, allowed: ReadonlySet<string>): Finding[] {
  const found: Finding[] = [];
  for (const pattern of [ALL_CAPS, ALL_SMALL]) {
    for (const match of text.matchAll(pattern)) {
      const lower = match[0].toLowerCase();
      const name = listedName(lower) || (pattern === ALL_CAPS && NAMES_BEFORE_WORDS.has(lower));
      if (name && !allowed.has(lower)) found.push({ kind: 'name', start: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}

/**
 * Finds names of people and places: capitalised words that are not common
 * English words (whatever their place in the sentence), names after a
 * title or beside another name, and names on the name list written in
 * capitals or small letters; never a title, nor what is on the
 * allow-list. Names that are also ordinary words (Rose, Mark, Will) are
 * found only beside another name. Findings come in text order.
 */
export function findNames(text: string, allowed: ReadonlySet<string>): Finding[] {
  return [...capitalisedNames(text, allowed), ...listedNames(text, allowed)].sort((a, b) => a.start - b.start);
}
