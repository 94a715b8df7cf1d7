import { fail, warn, type ReflectMessage } from '../messages.js';
import { CodeNamer, type DraftCode } from './draft.js';
import { entryRule, markShared, type Imported } from './import-liwc.js';
import type { YamlLocator } from './yaml-file.js';

/** Deepest nesting of subcategories imported; dictionaries in use nest two or three levels. */
const DEEPEST = 20;

/**
 * Turns a quanteda YAML dictionary (parsed) into a draft: each key is a
 * code, a list under it holds its entries, a mapping under it holds child
 * codes (which may have entries of their own under further keys), at most
 * {@link DEEPEST} levels deep.
 */
export function fromQuanteda(data: unknown, where: YamlLocator, file: string, name: string): Imported {
  if (!isMapping(data) || Object.keys(data).length === 0) throw fail('expected a quanteda dictionary: keys naming categories, each with a list of entries or of subcategories', 'import-bad-quanteda', where.place([]));
  const messages: ReflectMessage[] = [];
  const namer = new CodeNamer();
  const codesOf = (node: Record<string, unknown>, path: string[]): DraftCode[] =>
    Object.entries(node).map(([key, value]) => {
      const code: DraftCode = { code: namer.code(key), name: key };
      const at = [...path, key];
      if (Array.isArray(value)) {
        value.forEach((entry, i) => {
          const rule = typeof entry === 'string' ? entryRule(entry) : undefined;
          if (rule) (code[rule.kind] ??= []).push(rule.term);
          else messages.push(warn(`dropped ${JSON.stringify(entry)}: expected a word with * or ? wildcards or words separated by spaces`, 'import-dropped-entry', where.place([...at, i])));
        });
      } else if (isMapping(value)) {
        if (at.length >= DEEPEST) throw fail(`"${key}": expected subcategories at most ${DEEPEST} levels deep, got more`, 'import-too-deep', where.place(at));
        code.children = codesOf(value, at);
      } else {
        throw fail(`"${key}": expected a list of entries or a mapping of subcategories, got ${value === null ? 'nothing' : typeof value}`, 'import-bad-quanteda', where.place(at));
      }
      return code;
    });
  return { draft: { name, description: `Imported from ${file}.`, codes: markShared(codesOf(data, [])) }, messages };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
