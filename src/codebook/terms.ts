import { fail, type ReflectMessage } from '../messages.js';
import { tokenize } from '../text/tokens.js';
import type { YamlLocator } from './yaml-file.js';

const PATTERN = /^[\p{L}\p{N}'\u2019*?]+$/u;

/** The lexical rules of a code or cue: the lists {@link checkRules} checks. */
export interface LexicalRules {
  keywords?: readonly string[];
  phrases?: readonly string[];
  patterns?: readonly string[];
}

/**
 * Checks what the schema cannot about one set of rules found at `path`
 * (and labelled `label` in messages): keywords are one word, phrases have
 * words, patterns are one-word globs.
 */
export function checkRules(rules: LexicalRules, label: string, path: readonly (string | number)[], where: YamlLocator): ReflectMessage[] {
  const messages: ReflectMessage[] = [];
  (rules.keywords ?? []).forEach((term, item) => {
    const words = tokenize(term).length;
    if (words !== 1) {
      messages.push(fail(`${label} > keywords > item ${item + 1}: expected one word, got ${words === 0 ? 'no word' : `${words} words in "${term}"`}; put several words under phrases`, 'codebook-bad-term', where.place([...path, 'keywords', item])));
    }
  });
  (rules.phrases ?? []).forEach((term, item) => {
    if (tokenize(term).length === 0) {
      messages.push(fail(`${label} > phrases > item ${item + 1}: expected words, got "${term}"`, 'codebook-bad-term', where.place([...path, 'phrases', item])));
    }
  });
  (rules.patterns ?? []).forEach((term, item) => {
    if (!PATTERN.test(term)) {
      messages.push(fail(`${label} > patterns > item ${item + 1}: expected one word of letters with * or ? wildcards, got "${term}"`, 'codebook-bad-term', where.place([...path, 'patterns', item])));
    }
  });
  return messages;
}

/**
 * Checks that codes are unique (ignoring case) and that `default_code`,
 * when given, names one of them.
 */
export function checkCodes(codes: ReadonlyArray<{ code: string }>, defaultCode: string | undefined, where: YamlLocator): ReflectMessage[] {
  const messages: ReflectMessage[] = [];
  const seen = new Map<string, number>();
  codes.forEach(({ code }, index) => {
    const first = seen.get(code.toLowerCase());
    if (first === undefined) seen.set(code.toLowerCase(), index);
    else {
      const firstPlace = where.place(['codes', first, 'code']);
      messages.push(fail(`code "${code}" is defined twice (first at line ${firstPlace.line}); expected each code once`, 'codebook-duplicate-code', where.place(['codes', index, 'code'])));
    }
  });
  if (defaultCode !== undefined && !seen.has(defaultCode.toLowerCase())) {
    messages.push(fail(`default_code: expected one of the codes (${codes.map((c) => c.code).join(', ')}), got "${defaultCode}"`, 'codebook-unknown-default', where.place(['default_code'])));
  }
  return messages;
}
