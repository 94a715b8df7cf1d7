import { dirname, relative, resolve, sep } from 'node:path';
import { Document, isScalar, isSeq, visit } from 'yaml';
import { shippedFile } from './shipped.js';
import type { RawRule } from './rule.js';
import { RULE_KINDS, type CodeDef, type Codebook, type Rule, type RuleKind } from './types.js';

/** A code as a codebook file writes it: its rules by kind, its children nested. */
export type DraftCode = {
  code: string;
  name: string;
  description?: string;
  guid?: string;
  colour?: string;
  codable?: boolean;
  aliases?: string[];
  exclude?: string[];
  min_matches?: number;
  children?: DraftCode[];
} & Partial<Record<RuleKind, RawRule[]>>;

/** A codebook as a file writes it: what import builds and export writes. */
export interface Draft {
  name: string;
  version?: string;
  description?: string;
  codes: DraftCode[];
}

/** A code as written: letters (of any alphabet), digits, `_`, `.` or `-`, starting with a letter. */
const CODE = /^\p{L}[\p{L}\p{N}_.-]*$/u;

/**
 * The code made from a name that has none: the name itself when it is a
 * valid code, else the name with other characters made `_` (letters of
 * every alphabet kept), a `C_` before one that does not start with a letter.
 */
export function codeFromName(name: string): string {
  if (CODE.test(name)) return name;
  const base = name.normalize('NFC').replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/^_+|_+$/g, '');
  return /^\p{L}/u.test(base) ? base : `C_${base}`.replace(/_$/, '');
}

/** True when a code is the one {@link CodeNamer} makes from the name (perhaps with `_2`, `_3`... after it). */
export function codeIsFromName(code: string, name: string): boolean {
  const base = codeFromName(name);
  return code === base || (code.startsWith(`${base}_`) && /^\d+$/.test(code.slice(base.length + 1)));
}

/**
 * Gives codes to names that have none (as in LIWC, quanteda and REFI-QDA
 * files): the name with other characters made `_`, a `C_` before one that
 * does not start with a letter, and `_2`, `_3`... after one already taken
 * (ignoring case).
 */
export class CodeNamer {
  private readonly taken = new Set<string>();

  /** A free code: `wanted` when it is a valid code, else one made from it (see {@link codeFromName}). */
  code(wanted: string): string {
    const base = codeFromName(wanted);
    let code = base;
    for (let n = 2; this.taken.has(code.toLowerCase()); n++) code = `${base}_${n}`;
    this.taken.add(code.toLowerCase());
    return code;
  }
}

/** A rule as written: the bare term when every option is the default, else a mapping with the options that differ. */
function rawRule(rule: Rule): RawRule {
  if (rule.negated === 'veto' && rule.match === 'lemma' && rule.pos.length === 0 && rule.except.length === 0 && !rule.caseSensitive && rule.weight === 1 && !rule.shared) return rule.term;
  return {
    term: rule.term,
    ...(rule.negated === 'veto' ? {} : { negated: rule.negated }),
    ...(rule.match === 'lemma' ? {} : { match: rule.match }),
    ...(rule.pos.length === 0 ? {} : { pos: rule.pos }),
    ...(rule.except.length === 0 ? {} : { except: rule.except }),
    ...(rule.caseSensitive ? { case: 'sensitive' as const } : {}),
    ...(rule.weight === 1 ? {} : { weight: rule.weight }),
    ...(rule.shared ? { shared: true } : {}),
  };
}

/** A validated codebook as a draft: codes nested under their parents again, rules as written. */
export function toDraft(codebook: Codebook): Draft {
  const draftOf = (def: CodeDef): DraftCode => {
    const children = codebook.codes.filter((code) => code.parent === def.code).map(draftOf);
    const draft: DraftCode = { code: def.code, name: def.name };
    if (def.description) draft.description = def.description;
    if (def.guid) draft.guid = def.guid;
    if (def.colour) draft.colour = def.colour;
    if (!def.codable) draft.codable = false;
    if (def.aliases.length > 0) draft.aliases = def.aliases;
    for (const kind of RULE_KINDS) {
      const rules = def.rules.filter((rule) => rule.kind === kind);
      if (rules.length > 0) draft[kind] = rules.map(rawRule);
    }
    if (def.exclude.length > 0) draft.exclude = def.exclude;
    if (def.minMatches !== 1) draft.min_matches = def.minMatches;
    if (children.length > 0) draft.children = children;
    return draft;
  };
  return {
    name: codebook.name,
    ...(codebook.version ? { version: codebook.version } : {}),
    ...(codebook.description ? { description: codebook.description } : {}),
    codes: codebook.codes.filter((code) => code.parent === undefined).map(draftOf),
  };
}

/** Keys whose lists are written on one line: term lists, aliases and exclude. */
const FLOW_KEYS = new Set<unknown>([...RULE_KINDS, 'aliases', 'exclude']);

/**
 * The first line of a codebook written to `out` (or printed, for the
 * working folder): it names the shipped JSON Schema by a path relative to
 * the file, so editors autocomplete and flag mistakes.
 */
export function schemaComment(out?: string): string {
  const schema = relative(out ? dirname(resolve(out)) : process.cwd(), shippedFile('codebook.schema.json')).split(sep).join('/');
  return `# yaml-language-server: $schema=${schema.startsWith('.') ? schema : `./${schema}`}`;
}

/** A draft as codebook YAML: the {@link schemaComment} for `out`, `header` as comments, then the codebook. */
export function draftYaml(draft: Draft, out?: string, header: readonly string[] = []): string {
  const doc = new Document(draft);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FLOW_KEYS.has(pair.key.value) && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  const comments = [schemaComment(out), ...header.map((line) => `# ${line}`.trimEnd())];
  return `${comments.join('\n')}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
