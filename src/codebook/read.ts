import { fail, warn, type ReflectMessage } from '../messages.js';
import { termWords } from '../words/term.js';
import { shapeCheck } from './schema.js';
import { checkCodes, checkNegated, checkRules, ruleEntries, termOf } from './terms.js';
import { toRule, type RawRule } from './rule.js';
import { RULE_KINDS, type CodeDef, type Codebook, type Rule, type RuleKind } from './types.js';
import { parseYaml, readYamlSource, type YamlLocator } from './yaml-file.js';

/** Result of reading a codebook: the codebook when valid, and every problem found (warnings included). */
export interface CodebookResult {
  codebook?: Codebook;
  messages: ReflectMessage[];
}

const checkShape = shapeCheck('codebook.schema.json');

/** A code as written, after its shape has been validated. */
type RawCode = { code: string; name: string; description?: string; guid?: string; colour?: string; codable?: boolean; aliases?: string[]; negated?: string; exclude?: string[]; min_matches?: number; children?: RawCode[] } & Partial<Record<RuleKind, RawRule[]>>;

/** The codebook as plain data, after its shape has been validated. */
interface RawCodebook {
  name: string;
  version?: string | number;
  description?: string;
  codes: RawCode[];
}

/** A code as written, where it is in the file, and its parent's code. */
interface Placed {
  raw: RawCode;
  path: Array<string | number>;
  parent?: string;
}

/** Every code with a text `code`, each parent before its children, with its YAML path. */
function flatten(codes: unknown, path: Array<string | number>, parent?: string): Placed[] {
  if (!Array.isArray(codes)) return [];
  return codes.flatMap((raw: RawCode, index) =>
    typeof raw === 'object' && raw !== null && typeof raw.code === 'string' ? [{ raw, path: [...path, index], parent }, ...flatten(raw.children, [...path, index, 'children'], raw.code)] : [],
  );
}

function toCodeDef({ raw, parent }: Placed): CodeDef {
  return {
    code: raw.code,
    name: raw.name,
    description: raw.description ?? '',
    aliases: raw.aliases ?? [],
    ...(parent === undefined ? {} : { parent }),
    rules: RULE_KINDS.flatMap((kind) => ruleEntries(raw[kind]).map(({ entry }) => toRule(kind, entry, raw.negated))),
    exclude: ruleEntries(raw.exclude).map(({ entry }) => termOf(entry)),
    minMatches: raw.min_matches ?? 1,
    codable: raw.codable ?? true,
    ...(raw.guid === undefined ? {} : { guid: raw.guid }),
    ...(raw.colour === undefined ? {} : { colour: raw.colour.toUpperCase() }),
  };
}

/** The key two rules share when they match the same words: lemmas (or stems) for keywords and phrases, the text for globs and regexes. */
function ruleKey(rule: Rule): string {
  if (rule.kind !== 'keywords' && rule.kind !== 'phrases') return `${rule.kind}:${rule.term.toLowerCase()}`;
  const words = termWords(rule.term).map((word) => (rule.match === 'stem' ? word.stem : rule.match === 'word' ? word.lower : (word.lemma ?? word.lower)));
  return `words:${rule.pos.join('|')}:${words.join(' ')}`;
}

/** Flags a term that two codes both use, unless one of them marks it `shared: true`. */
function checkShared(placed: readonly Placed[], codes: readonly CodeDef[], where: YamlLocator): ReflectMessage[] {
  const messages: ReflectMessage[] = [];
  const first = new Map<string, { code: string; rule: Rule; path: Array<string | number> }>();
  codes.forEach((def, c) => {
    const items = new Map<RuleKind, number>();
    for (const rule of def.rules) {
      const item = items.get(rule.kind) ?? 0;
      items.set(rule.kind, item + 1);
      const path = [...placed[c].path, rule.kind, item];
      const key = ruleKey(rule);
      const earlier = first.get(key);
      if (!earlier) first.set(key, { code: def.code, rule, path });
      else if (earlier.code !== def.code && !rule.shared && !earlier.rule.shared) {
        messages.push(fail(`code "${def.code}" > ${rule.kind} > item ${item + 1}: "${rule.term}" also applies code "${earlier.code}" (line ${where.place(earlier.path).line}); expected each term in one code, or shared: true (write {term: ${rule.term}, shared: true}) to mean both`, 'codebook-shared-term', where.place(path)));
      }
    }
  });
  return messages;
}

/** Most rules (terms of every kind, and exclude terms) a codebook may hold; a full LIWC dictionary has under 20,000. */
const MOST_RULES = 100_000;

/**
 * Parses and validates codebook YAML text. Every problem is reported at
 * once, each with `file:line:column`; the codebook is returned only when
 * none is fatal. A code with no rules and no children is a warning.
 */
export function parseCodebook(source: string, file: string): CodebookResult {
  const { data, where, messages } = parseYaml(source, file);
  if (!where) return { messages };
  // The shape is checked first, but the other checks run too, on what is well formed, so every mistake is reported at once.
  messages.push(...checkShape(data, where));
  const raw = data as RawCodebook;
  const placed = flatten((raw as Partial<RawCodebook> | null)?.codes, ['codes']);
  const size = placed.reduce((sum, { raw: code }) => sum + [...RULE_KINDS, 'exclude' as const].reduce((n, kind) => n + (Array.isArray(code[kind]) ? code[kind].length : 0), 0), 0);
  if (size > MOST_RULES) {
    // Checked before any rule is read: YAML aliases can repeat one long list many times over.
    return { messages: [...messages, fail(`expected at most ${MOST_RULES.toLocaleString('en-GB')} rules in a codebook, got ${size.toLocaleString('en-GB')} (counting every list an alias repeats)`, 'codebook-too-large', where.place(['codes']))] };
  }
  const codes = placed.map(toCodeDef);
  messages.push(...checkCodes(placed.map(({ raw: code, path }) => ({ code: code.code, path })), undefined, where));
  placed.forEach(({ raw: code, path }) => messages.push(...checkRules(code as Partial<Record<RuleKind | 'exclude', RawRule[]>>, `code "${code.code}"`, path, where)));
  messages.push(...checkNegated(placed, where));
  messages.push(...checkShared(placed, codes, where));
  placed.forEach(({ raw: code, path }, c) => {
    if (code.codable === false && codes[c].rules.length + codes[c].exclude.length > 0) {
      messages.push(fail(`code "${code.code}" is a folder (codable: false) but has rules; expected a folder without rules (remove codable: false, or move the rules to a code under it)`, 'codebook-folder-rules', where.place([...path, 'codable'])));
    }
  });
  if (messages.length > 0) return { messages: messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) };
  placed.forEach(({ raw: code, path }, c) => {
    if (codes[c].rules.length === 0 && !code.children && code.codable !== false) {
      messages.push(warn(`code "${code.code}" has no rules, so it is never applied; add keywords, phrases, patterns or regex`, 'codebook-no-rules', where.place(path)));
    }
  });
  return {
    codebook: { file, name: raw.name, version: raw.version === undefined ? '' : String(raw.version), description: raw.description ?? '', codes },
    messages,
  };
}

/**
 * Reads and validates a codebook file; throws the first problem as a fatal
 * message (rule ids `codebook-unreadable`, `codebook-too-large`, `codebook-yaml`,
 * `codebook-aliases`, `codebook-schema`, `codebook-duplicate-code`, `codebook-bad-term`,
 * `codebook-bad-regex`, `codebook-bad-option`, `codebook-bad-except`, `codebook-unknown-code`,
 * `codebook-shared-term`).
 */
export async function loadCodebook(file: string): Promise<Codebook> {
  const { codebook, messages } = await readCodebook(file);
  if (!codebook) throw messages[0];
  return codebook;
}

/** Like {@link loadCodebook}, but returns every problem instead of throwing. */
export async function readCodebook(file: string): Promise<CodebookResult> {
  const source = await readYamlSource(file);
  return typeof source === 'string' ? parseCodebook(source, file) : { messages: [source] };
}
