import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Finding } from './kinds.js';

/**
 * Capitalised words that are not names although the lexicon (from before
 * e-mail was a word) does not know them as common words: days, months,
 * newer words, and words a care setting capitalises.
 */
const COMMON_CAPITALS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'english', 'british', 'ok', 'okay', 'mum', 'mam', 'nan', 'nana', 'grandad', 'grandma',
  'email', 'emails', 'emailed', 'ref', 'website', 'internet', 'app', 'apps', 'wifi', 'texted', 'online',
  'covid', 'lockdown', 'carer', 'carers', 'mentee', 'mentees',
]);

let common: Set<string> | undefined;

/**
 * The words that the English lexicon shipped with `natural` (from pos-js,
 * 92,000 words with their parts of speech) knows as something other than
 * a proper noun, read once on first use. Only the words are kept: the
 * lexicon itself would hold some 13 MB in every thread that checks.
 */
function commonWords(): Set<string> {
  if (!common) {
    const file = createRequire(import.meta.url).resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
    const lexicon = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
    common = new Set(Object.keys(lexicon).filter((word) => Array.isArray(lexicon[word]) && lexicon[word].some((tag) => !tag.startsWith('NNP'))));
  }
  return common;
}

/** A word is common when the lexicon knows its lower-case form as something other than a proper noun. */
function isCommon(word: string): boolean {
  const lower = word.toLowerCase();
  return COMMON_CAPITALS.has(lower) || commonWords().has(lower);
}

/** A capitalised word (not all capitals): Priya, McDonald, Mary-Jane, O'Neill, with any possessive 's. */
const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}(?:\p{Ll}+|(?=['’]\p{Lu}))(?:\p{Lu}\p{Ll}+)*(?:[-'’]\p{Lu}?\p{Ll}+)*(?:['’]s)?(?![\p{L}\p{N}])/gu;

/**
 * Finds capitalised words that are not common English words (whatever
 * their place in the sentence) and are not on the allow-list. Names that
 * are also ordinary words (Rose, Mark, Will) are not found.
 */
export function findNames(text: string, allowed: ReadonlySet<string>): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(CAPITALISED)) {
    const word = match[0].replace(/['’]s$/, '');
    if (allowed.has(word.toLowerCase()) || isCommon(word)) continue;
    if (word.split(/[-'’]/).every((part) => part.length < 2 || isCommon(part))) continue;
    found.push({ kind: 'name', start: match.index, end: match.index + word.length });
  }
  return found;
}
