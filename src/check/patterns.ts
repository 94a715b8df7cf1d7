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

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

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

/** UK numbers start with 0 and have 10 or 11 digits; international ones start with + and have 8 to 15. */
function phoneLike(value: string): boolean {
  if (/\n/.test(value)) return false;
  const count = digits(value).length;
  return value.startsWith('+') ? count >= 8 && count <= 15 : count === 10 || count === 11;
}

/** Outward code (A9, A99, A9A, AA9, AA99, AA9A), optional space, inward code (9AA). */
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b/g;

/** Ten digits, as written in 3-3-4 groups or run together. */
const NHS = /(?<![\d+])\b\d{3}[ -]?\d{3}[ -]?\d{4}\b(?!\d)/g;

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

/** Full dates: 12/03/1985, 12-3-85, 12 March 1985, 12th of March, 1985, March 12th 1985. */
const DATE = new RegExp(
  `\\b(?:${DAY.replace('(?:st|nd|rd|th)?', '')}[/.-](?:1[0-2]|0?[1-9])[/.-](?:\\d{4}|\\d{2})|${DAY}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\.?\\s+${DAY},?\\s+\\d{4})\\b`,
  'giu',
);

/** The pattern detectors, most specific first (an e-mail address wins over the name inside it). */
export const DETECTORS: readonly Detector[] = [
  matches('email', EMAIL),
  matches('url', URL),
  matches('nhs-number', NHS, validNhsNumber),
  matches('phone', PHONE, phoneLike),
  matches('postcode', POSTCODE),
  matches('date', DATE),
];
