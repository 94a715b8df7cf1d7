import { csvRecords } from '../load/csv.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { CodeNamer, type Draft, type DraftCode } from './draft.js';
import { termOf } from './terms.js';
import { PATTERN } from './terms.js';

/** An imported codebook (a draft to write as YAML) and what was dropped on the way. */
export interface Imported {
  draft: Draft;
  messages: ReflectMessage[];
}

/**
 * Sorts dictionary entries into rules: one word (exact or with wildcards)
 * becomes a pattern, which matches as LIWC and quanteda do (the whole
 * word, ignoring case, `*` any ending); several words become a phrase.
 * Returns undefined for an entry neither can express.
 */
export function entryRule(entry: string): { kind: 'patterns' | 'phrases'; term: string } | undefined {
  const words = entry.trim().split(/\s+/);
  if (words.length === 1 && PATTERN.test(words[0])) return { kind: 'patterns', term: words[0] };
  if (words.length > 1 && words.every((word) => /^[\p{L}\p{N}'\u2019]+$/u.test(word))) return { kind: 'phrases', term: words.join(' ') };
  return undefined;
}

/** Adds an entry to a code's rules. */
function addEntry(code: DraftCode, rule: { kind: 'patterns' | 'phrases'; term: string }): void {
  (code[rule.kind] ??= []).push(rule.term);
}

/** A draft named after its file, its codes in the dictionary's order; codes with no entries are left out with a warning. */
function draftOf(name: string, codes: DraftCode[], file: string, messages: ReflectMessage[]): Imported {
  const kept = codes.filter((code) => {
    if (code.patterns || code.phrases) return true;
    messages.push(warn(`category "${code.name}" has no entries it can keep; left out`, 'import-empty-category', { file }));
    return false;
  });
  if (kept.length === 0) throw fail('expected at least one category with entries, got none', 'import-empty', { file });
  return { draft: { name, description: `Imported from ${file}.`, codes: markShared(kept) }, messages };
}

/**
 * Marks `shared: true` on every entry found in more than one code (as
 * dictionaries often put a word in several categories), so the imported
 * codebook loads. Returns the codes.
 */
export function markShared(codes: DraftCode[]): DraftCode[] {
  const all = (list: DraftCode[]): DraftCode[] => list.flatMap((code) => [code, ...all(code.children ?? [])]);
  const seen = new Map<string, number>();
  for (const code of all(codes)) {
    for (const term of new Set([...(code.patterns ?? []), ...(code.phrases ?? [])].map((entry) => termOf(entry).toLowerCase()))) seen.set(term, (seen.get(term) ?? 0) + 1);
  }
  for (const code of all(codes)) {
    for (const kind of ['patterns', 'phrases'] as const) {
      code[kind] = code[kind]?.map((term) => (typeof term === 'string' && (seen.get(term.toLowerCase()) ?? 0) > 1 ? { term, shared: true } : term));
      if (!code[kind]) delete code[kind];
    }
  }
  return codes;
}

/**
 * Reads a LIWC `.dic` dictionary: a header of `number name` category lines
 * between `%` lines, then one `entry number number...` line per entry.
 * Conditional entries (`<of>`) and parenthetical lines are dropped with a
 * warning naming their line, as are entries of unknown categories.
 */
export function parseLiwcDic(source: string, file: string, name: string): Imported {
  const lines = source.split(/\r\n|\r|\n/);
  const marks = lines.flatMap((line, i) => (line.trim() === '%' ? [i] : []));
  if (marks.length < 2) throw fail('expected a LIWC dictionary: a header of categories between two "%" lines, got none', 'import-bad-dic', { file, line: 1 });
  const messages: ReflectMessage[] = [];
  const namer = new CodeNamer();
  const categories = new Map<string, DraftCode>();
  for (let i = marks[0] + 1; i < marks[1]; i++) {
    const cells = lines[i].trim().split(/\s+/);
    if (cells[0] === '') continue;
    if (cells.length < 2) throw fail(`expected a category line "number name", got "${lines[i].trim()}"`, 'import-bad-dic', { file, line: i + 1 });
    const label = cells.slice(1).join(' ');
    const taken = categories.get(cells[0]);
    if (taken) throw fail(`expected each category number once, got ${cells[0]} for "${taken.name}" and again for "${label}"; renumber one of them`, 'import-duplicate-category', { file, line: i + 1 });
    categories.set(cells[0], { code: namer.code(label), name: label });
  }
  for (let i = marks[1] + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const place = { file, line: i + 1 };
    if (/[<>()]/.test(line)) {
      messages.push(warn(`dropped "${line}": conditional and parenthetical entries have no equivalent here; add the case by hand as a phrase or exclude`, 'import-dropped-entry', place));
      continue;
    }
    // The entry ends at the first tab (it may hold spaces) or, in a file without tabs, at the first space.
    const cells = line.includes('\t') ? [line.slice(0, line.indexOf('\t')), ...line.slice(line.indexOf('\t') + 1).trim().split(/\s+/)] : line.split(/\s+/);
    const ids = cells.slice(1);
    const rule = entryRule(cells[0]);
    if (!rule) {
      messages.push(warn(`dropped "${cells[0]}": expected a word with * wildcards or words separated by spaces`, 'import-dropped-entry', place));
      continue;
    }
    for (const id of ids) {
      const code = categories.get(id);
      if (code) addEntry(code, rule);
      else messages.push(warn(`entry "${cells[0]}" names category ${id}, which the header does not list; left out of it`, 'import-unknown-category', place));
    }
  }
  return draftOf(name, [...categories.values()], file, messages);
}

/**
 * Reads a LIWC-22 `.dicx` dictionary: a CSV whose first column holds the
 * entries (headed `Entry` or `DicTerm`) and whose other columns are the
 * categories, a cell marked (such as `X`) when the entry belongs to it.
 */
export async function readLiwcDicx(file: string, name: string): Promise<Imported> {
  const messages: ReflectMessage[] = [];
  let codes: DraftCode[] | undefined;
  for await (const { cells, line } of csvRecords(file)) {
    if (!codes) {
      if (!/^(entry|dicterm)$/i.test(cells[0]?.trim() ?? '')) throw fail(`expected the first column to be headed "Entry", got "${cells[0] ?? ''}"`, 'import-bad-dicx', { file, line });
      const namer = new CodeNamer();
      codes = cells.slice(1).map((label) => ({ code: namer.code(label.trim()), name: label.trim() }));
      continue;
    }
    const entry = cells[0]?.trim() ?? '';
    if (entry === '') continue;
    const rule = entryRule(entry);
    if (!rule) {
      messages.push(warn(`dropped "${entry}": expected a word with * wildcards or words separated by spaces`, 'import-dropped-entry', { file, line }));
      continue;
    }
    cells.slice(1).forEach((cell, i) => {
      if (cell.trim() !== '' && codes![i]) addEntry(codes![i], rule);
    });
  }
  if (!codes) throw fail('expected a header row and entries, got an empty file', 'import-bad-dicx', { file });
  return draftOf(name, codes, file, messages);
}
