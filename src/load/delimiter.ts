import { fail } from '../messages.js';

/** Delimiters a header line is tried with, the usual first. */
const CANDIDATES = [',', ';', '\t', '|'];

const NAMED: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

/** Checks a `--delimiter` value (one character, or `tab`, `comma`, `semicolon`, `pipe`) and returns the character. */
export function checkDelimiter(value: string): string {
  const delimiter = NAMED[value.toLowerCase()] ?? value;
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw fail(`expected --delimiter to be one character such as , or ; or tab, got "${value}"`, 'option-invalid');
  }
  return delimiter;
}

/**
 * The delimiter of a CSV file, decided from its first line: the candidate
 * (`,` `;` tab `|`) found most often outside quotes; `,` when none is.
 * Excel writes `;` where the decimal separator is a comma.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && CANDIDATES.includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const candidate of CANDIDATES) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}
