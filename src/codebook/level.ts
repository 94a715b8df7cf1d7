import { fail } from '../messages.js';
import type { CodeDef, Codebook } from './types.js';

/** The levels of a code hierarchy tables can count at: every code as coded, or top-level codes only. */
export const LEVELS = ['leaves', 'parents'] as const;

/** A level of a code hierarchy: `leaves` counts every code as coded, `parents` rolls each code up to its top-level code. */
export type Level = (typeof LEVELS)[number];

/** A codebook as the tables count it, and how a segment's codes are counted. */
export interface LevelView {
  /** At `parents`: the top-level codes, each with its descendants' rules and, as merged names, their names. */
  codebook: Codebook;
  /** A segment's codes as counted at this level: each code's top-level code, each once, in the order given. */
  rollUp(codes: readonly string[]): string[];
}

/**
 * The view of a codebook at a level. At `leaves` it is the codebook as it
 * is; at `parents` a child code counts as its top-level code (as a merged
 * theme does), so a segment coded with two children of one parent counts
 * once for that parent. A code the codebook does not list is kept as it is.
 */
export function atLevel(codebook: Codebook, level: Level = 'leaves'): LevelView {
  if (!LEVELS.includes(level)) throw fail(`expected --level to be one of ${LEVELS.join(', ')}, got "${String(level)}"`, 'option-invalid');
  if (level === 'leaves') return { codebook, rollUp: (codes) => [...codes] };
  const byCode = new Map(codebook.codes.map((code) => [code.code, code]));
  const top = (code: CodeDef): CodeDef => (code.parent === undefined ? code : top(byCode.get(code.parent)!));
  const parents = codebook.codes
    .filter((code) => code.parent === undefined)
    .map((parent): CodeDef => {
      const family = codebook.codes.filter((code) => code !== parent && top(code) === parent);
      return { ...parent, aliases: [...parent.aliases, ...family.map((code) => code.name)], rules: [parent, ...family].flatMap((code) => code.rules) };
    });
  return {
    codebook: { ...codebook, codes: parents },
    rollUp: (codes) => [...new Set(codes.map((code) => (byCode.has(code) ? top(byCode.get(code)!).code : code)))],
  };
}
