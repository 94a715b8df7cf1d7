import type { Finding, Kind } from './kinds.js';

/** A detector: finds the spans of one kind in a text. */
type Detector = (text: string) => Finding[];

/** Every match of a global pattern that `valid` accepts, as findings of `kind`. */
function matches(kind: Kind, pattern: RegExp, valid: (match: string) => boolean = () => true): Detector {
  return (text) => {
    const found: Finding[] = [];
    for (const match of text.matchAll(pattern)) {
      const value = match[0];
      if (valid(value)) found.push({ kind, start: match.index, end: match.index + value.length });
    }
    return found;
  };
}

/** The matches of several global patterns for one kind, in text order (the longer first where two start together). */
function matchesAny(kind: Kind, patterns: readonly RegExp[]): Detector {
  return (text) => patterns.flatMap((pattern) => matches(kind, pattern)(text)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** An e-mail address; it may only begin where a run of the characters of its first part begins, so a long run without `@` is passed over once, not once per character. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** A social media handle such as @jane_doe: an @ that does not end a word, then 2 to 30 letters, digits, underscores or inner dots. */
const HANDLE = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,28}[\p{L}\p{N}_])(?![\p{L}\p{N}_@])/gu;

/** http(s) or www. addresses, without trailing punctuation. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)'’]/giu;

/**
 * A run that starts like a phone number (`+`, `0`, or a bracketed area code
 * such as `(01632)`) and is made of digits, spaces, brackets, dots and hyphens.
 */
const PHONE = /(?<![\p{L}\p{N}])(?:\+|\(0(?=[\d\s]*\)\s?\d)|0)[\d\s().-]{7,}\d(?![\p{L}\p{N}])/gu;

function digits(value: string): string {
  return value.replace(/\D/g, '');
}

/** UK numbers start with 0 and have 10 or 11 digits; international ones start with + or 00 and have 8 to 15 after it. */
function phoneLike(value: string): boolean {
  if (/\n/.test(value)) return false;
  const count = digits(value).length;
  if (value.startsWith('+')) return count >= 8 && count <= 15;
  if (value.startsWith('00')) return count - 2 >= 8 && count - 2 <= 15;
  return count === 10 || count === 11;
}

/** Outward code (A9, A99, A9A, AA9, AA99, AA9A), up to two spaces, inward code (9AA); capitals or small letters. */
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? {0,2}\d[ABD-HJLNP-UW-Z]{2}\b/gi;

/** A postcode is written in capitals or in small letters, not mixed ("A4 3rd" is a paper size and a floor); in small letters, never ending in an ordinal (b1 2nd). */
function postcodeLike(value: string): boolean {
  if (value === value.toUpperCase()) return true;
  return value === value.toLowerCase() && !/\d(?:st|nd|rd|th)$/.test(value);
}

/** Ten digits, as written in 3-3-4 or 4-3-3 groups or run together. */
const NHS = /(?<![\d+])\b(?:\d{3}[ -]?\d{3}[ -]?\d{4}|\d{4}[ -]\d{3}[ -]\d{3})\b(?!\d)/g;

/** A National Insurance number: two capitals, three pairs of digits and a letter A to D, spaced or not (QQ 12 34 56 C). */
const NI = /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;

/** Words naming a kind of street, as written after a street's name. */
const STREET = '(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Place|Pl|Crescent|Cres|Court|Ct|Gardens|Gdns|Grove|Terrace|Row|Walk|Hill|Square|Sq|Mews|View|Rise|Green|Parade|Boulevard)';

/** A house address: a house number (14, 14a, 14-16), then one to three capitalised words ending in a kind of street (14 Acacia Avenue). */
const ADDRESS = new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,4}[A-Za-z]?(?:-\\d{1,4})?,? (?:\\p{Lu}[\\p{L}'’-]* ){1,3}?${STREET}\\b`, 'gu');

/** The NHS number's modulus 11 check: weights 10 down to 2 on the first nine digits give the tenth. */
export function validNhsNumber(value: string): boolean {
  const d = [...digits(value)].map(Number);
  if (d.length !== 10) return false;
  const sum = d.slice(0, 9).reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === d[9];
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';

const DAY_NUMBER = DAY.replace('(?:st|nd|rd|th)?', '');

/**
 * Full dates, one pattern to a way of writing them (small patterns are
 * quicker to prove linear): 12/03/1985 and 12-3-85; 1985-03-12;
 * 12-Mar-1985; 12 March 1985 and 12th of March, 1985; March 12th 1985.
 */
const DATES: readonly RegExp[] = [
  new RegExp(`\\b${DAY_NUMBER}[/.-](?:1[0-2]|0?[1-9])[/.-](?:\\d{4}|\\d{2})\\b`, 'g'),
  /\b(?:19|20)\d{2}-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])\b/g,
  new RegExp(`\\b${DAY_NUMBER}[/.-]${MONTH}[/.-](?:\\d{4}|\\d{2})\\b`, 'giu'),
  new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+\\d{4}\\b`, 'giu'),
  new RegExp(`\\b${MONTH}\\.?\\s+${DAY},?\\s+\\d{4}\\b`, 'giu'),
];

/** The pattern detectors, most specific first (an e-mail address wins over the handle and the name inside it). */
export const DETECTORS: readonly Detector[] = [
  matches('email', EMAIL),
  matches('url', URL),
  matches('handle', HANDLE),
  matches('nhs-number', NHS, validNhsNumber),
  matches('ni-number', NI),
  matches('phone', PHONE, phoneLike),
  matches('postcode', POSTCODE, postcodeLike),
  matchesAny('date', DATES),
  matches('address', ADDRESS),
];

/** Every pattern above, for checking that each runs in linear time. */
export const PATTERNS: readonly RegExp[] = [EMAIL, URL, HANDLE, NHS, NI, PHONE, POSTCODE, ...DATES, ADDRESS];
