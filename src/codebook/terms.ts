import { fail, type ReflectMessage } from '../messages.js';
import { tokenize } from '../text/tokens.js';
import type { RawCodebook, YamlLocator } from './read.js';
import type { CodeDef } from './types.js';

const PATTERN = /^[\p{L}\p{N}'\u2019*?]+$/u;

/**
 * Checks what the schema cannot: codes are unique, keywords are one word,
 * phrases have words, patterns are one-word globs, `default_code` names a code.
 */
export function checkTerms(raw: RawCodebook, codes: readonly CodeDef[], where: YamlLocator): ReflectMessage[] {
  const messages: ReflectMessage[] = [];
  const seen = new Map<string, number>();
  codes.forEach((code, index) => {
    const key = code.code.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      const firstPlace = where.place(['codes', first, 'code']);
      messages.push(fail(`code "${code.code}" is defined twice (first at line ${firstPlace.line}); expected each code once`, 'codebook-duplicate-code', where.place(['codes', index, 'code'])));
    }
    code.keywords.forEach((term, item) => {
      const words = tokenize(term).length;
      if (words !== 1) {
        messages.push(fail(`code "${code.code}" > keywords > item ${item + 1}: expected one word, got ${words === 0 ? 'no word' : `${words} words in "${term}"`}; put several words under phrases`, 'codebook-bad-term', where.place(['codes', index, 'keywords', item])));
      }
    });
    code.phrases.forEach((term, item) => {
      if (tokenize(term).length === 0) {
        messages.push(fail(`code "${code.code}" > phrases > item ${item + 1}: expected words, got "${term}"`, 'codebook-bad-term', where.place(['codes', index, 'phrases', item])));
      }
    });
    code.patterns.forEach((term, item) => {
      if (!PATTERN.test(term)) {
        messages.push(fail(`code "${code.code}" > patterns > item ${item + 1}: expected one word of letters with * or ? wildcards, got "${term}"`, 'codebook-bad-term', where.place(['codes', index, 'patterns', item])));
      }
    });
  });
  if (raw.default_code !== undefined && !seen.has(raw.default_code.toLowerCase())) {
    messages.push(fail(`default_code: expected one of the codes (${codes.map((c) => c.code).join(', ')}), got "${raw.default_code}"`, 'codebook-unknown-default', where.place(['default_code'])));
  }
  return messages;
}
