import type { CodeHit } from '../document.js';
import { compileGlob, type WordPattern } from '../text/glob.js';
import { tokenize, type Token } from '../text/tokens.js';
import type { Codebook } from './types.js';

/** A run of tokens `[from, to)` that a rule of code number `code` matched. */
interface Match {
  code: number;
  from: number;
  to: number;
}

/** Applies a codebook's rules to the tokens of one segment. */
export type Matcher = (tokens: readonly Token[], text: string, offset: number) => CodeHit[];

/**
 * Compiles a codebook into a matcher. Keywords match a token whose Porter
 * stem equals the keyword's stem; phrases match consecutive tokens stem by
 * stem; patterns are one-word globs. Evidence is the matched text as
 * written; a match inside a longer match of the same code is not listed
 * again (a phrase wins over a keyword inside it), and repeated evidence is
 * listed once.
 */
export function compileCodebook(codebook: Codebook): Matcher {
  const keywords = new Map<string, number[]>();
  const phrases = new Map<string, Array<{ code: number; stems: string[] }>>();
  const patterns: Array<{ code: number; pattern: WordPattern }> = [];
  codebook.codes.forEach((def, code) => {
    for (const keyword of def.keywords) push(keywords, tokenize(keyword)[0].stem, code);
    for (const phrase of def.phrases) {
      const stems = tokenize(phrase).map((token) => token.stem);
      push(phrases, stems[0], { code, stems });
    }
    for (const glob of def.patterns) patterns.push({ code, pattern: compileGlob(glob) });
  });

  return (tokens, text, offset) => {
    const matches: Match[] = [];
    tokens.forEach((token, at) => {
      for (const code of keywords.get(token.stem) ?? []) matches.push({ code, from: at, to: at + 1 });
      for (const phrase of phrases.get(token.stem) ?? []) {
        if (phrase.stems.every((stem, i) => tokens[at + i]?.stem === stem)) {
          matches.push({ code: phrase.code, from: at, to: at + phrase.stems.length });
        }
      }
      for (const { code, pattern } of patterns) if (pattern.test(token.lower)) matches.push({ code, from: at, to: at + 1 });
    });
    return toHits(matches, codebook, tokens, text, offset);
  };
}

function toHits(matches: Match[], codebook: Codebook, tokens: readonly Token[], text: string, offset: number): CodeHit[] {
  const hits: CodeHit[] = [];
  codebook.codes.forEach((def, code) => {
    const own = matches.filter((match) => match.code === code);
    if (own.length === 0) return;
    const kept = own
      .filter((match) => !own.some((other) => other !== match && other.to - other.from > match.to - match.from && other.from <= match.from && other.to >= match.to))
      .sort((a, b) => a.from - b.from || b.to - a.to);
    const evidence: string[] = [];
    const seen = new Set<string>();
    for (const match of kept) {
      const words = text.slice(tokens[match.from].start - offset, tokens[match.to - 1].end - offset);
      const key = words.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        evidence.push(words);
      }
    }
    hits.push({ code: def.code, evidence });
  });
  return hits;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
