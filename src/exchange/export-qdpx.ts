import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { codingStages } from '../code/stages.js';
import type { Codebook } from '../codebook/types.js';
import { toDoc, type Account } from '../document.js';
import { loadAccounts, planInputs } from '../load/inputs.js';
import type { LoadOptions } from '../load/options.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { readCoding } from '../read/coding.js';
import { loadBooks } from '../run/books.js';
import { UNITS, type Unit } from '../segment/index.js';
import type { ActiveTags, TaggerChoice } from '../structure/active-tags.js';
import { offsetUnits } from '../text/code-points.js';
import { writeSingleFile } from '../write/single-file.js';
import { POSITION_UNITS, segmentCodes, type PositionUnit, type ProjectAccount, type ProjectCode, type ProjectSegment } from './project.js';
import { projectArchive } from './project-zip.js';

/** Options of {@link exportQdpx}. */
export interface ExportQdpxOptions extends LoadOptions, TaggerChoice {
  /** The accounts: .csv, .tsv, .jsonl, .txt files or folders of .txt files, as `analyse` takes them. */
  inputs: readonly string[];
  /** The project file to write (`.qdpx`). */
  out: string;
  /** A `segments.csv` (a reviewed one, say) whose coding is exported; without it the accounts are coded afresh. */
  coding?: string;
  /** Theme codebook; default the shipped one. */
  codebook?: string;
  /** Segmentation unit when coding afresh; default `clause`. */
  unit?: Unit;
  /** Selection positions in `code-points` (the standard, the default) or `utf16` (NVivo). */
  positions?: PositionUnit;
  /** The coder's name, the project's one user; default `reflect-code`, or `researcher` for a `coding` file. */
  coder?: string;
  /** Keep codes of `coding` that the codebook does not list. */
  allowNewCodes?: boolean;
  /** Replace an existing file. */
  force?: boolean;
}

/** What an export wrote. */
export interface ExportQdpxResult {
  out: string;
  accounts: number;
  /** Coded segments written as selections, and the codings on them. */
  selections: number;
  codings: number;
  messages: ReflectMessage[];
}

function checkOptions(options: ExportQdpxOptions): { unit: Unit; positions: PositionUnit } {
  const unit = options.unit ?? 'clause';
  if (!UNITS.includes(unit)) throw fail(`expected --unit to be one of ${UNITS.join(', ')}, got "${String(unit)}"`, 'option-invalid');
  const positions = options.positions ?? 'code-points';
  if (!POSITION_UNITS.includes(positions)) throw fail(`expected --positions to be one of ${POSITION_UNITS.join(', ')}, got "${String(positions)}"`, 'option-invalid');
  if (extname(options.out).toLowerCase() !== '.qdpx') throw fail(`expected --out to name a .qdpx file, got "${options.out}"`, 'option-invalid');
  return { unit, positions };
}

/** The project's codes: the codebook's themes, and the structure tags with their notes under them; then any other code the coding uses (kept with `allowNewCodes`). */
function projectCodes(codebook: Codebook, rules: ActiveTags, coded: readonly ProjectAccount[]): { themes: ProjectCode[]; tags: ProjectCode[] } {
  const themes: ProjectCode[] = codebook.codes.map(({ code, name, description, parent }) => ({ code, name, description, parent }));
  const tags: ProjectCode[] = rules.codes.map(({ code, name, description }) => ({ code, name, description }));
  for (const note of rules.notes) if (rules.codes.some((tag) => tag.code === note.tag)) tags.push({ code: `${note.tag}:${note.note}`, name: note.note, description: note.description, parent: note.tag });
  const add = (list: ProjectCode[], code: string, parent?: string) => {
    if (!list.some((other) => other.code === code)) list.push({ code, name: code, description: '', parent });
  };
  for (const segment of coded.flatMap((account) => account.segments)) {
    for (const code of segment.themes) add(themes, code);
    if (segment.structure !== '') add(tags, segment.structure);
    if (segment.structure !== '' && segment.note !== '') add(tags, `${segment.structure}:${segment.note}`, segment.structure);
  }
  return { themes, tags };
}

/** Codes each account afresh, as `analyse` does (without the anonymity check), with offsets in code points. */
function codedAfresh(accounts: readonly Account[], books: { unit: Unit; codebook: Codebook; rules: ActiveTags }): ProjectAccount[] {
  const stages = codingStages(books);
  return accounts.map((account) => {
    const doc = toDoc(account);
    for (const stage of stages) stage(doc);
    const units = offsetUnits(doc.text);
    const segments = doc.segments.map((segment) => ({
      start: units.toCodePoints(segment.start),
      end: units.toCodePoints(segment.end),
      themes: segment.themes.map((hit) => hit.code),
      structure: segment.structure?.tag ?? '',
      note: segment.structure?.note ?? '',
    }));
    return { participant: account.participant, text: account.text, metadata: account.metadata, segments };
  });
}

/** The segments of a coding file, by participant; rows whose text is not their account's at their offsets are left out (readCoding warns). */
async function codedFromFile(file: string, accounts: readonly Account[], books: { codebook: Codebook; rules: ActiveTags }, allowNewCodes: boolean, messages: ReflectMessage[]): Promise<ProjectAccount[]> {
  const texts = new Map(accounts.map((account) => [account.participant, account.text]));
  const coding = await readCoding(file, { codebook: books.codebook, rules: books.rules, accounts: new Map(accounts.map((account) => [account.participant, account])), allowNewCodes });
  messages.push(...coding.messages);
  const segments = new Map<string, ProjectSegment[]>();
  const unknown = new Set<string>();
  for (const row of coding.rows) {
    const text = texts.get(row.participant);
    if (text === undefined) {
      unknown.add(row.participant);
      continue;
    }
    const units = offsetUnits(text);
    if (Number.isNaN(row.start) || Number.isNaN(row.end) || text.slice(units.toUtf16(row.start), units.toUtf16(row.end)) !== row.text) continue;
    segments.set(row.participant, [...(segments.get(row.participant) ?? []), { start: row.start, end: row.end, themes: row.themes, structure: row.structure, note: row.note }]);
  }
  if (unknown.size > 0) messages.push(warn(`${unknown.size} participant${unknown.size === 1 ? '' : 's'} of the coding (${[...unknown].slice(0, 5).join(', ')}${unknown.size > 5 ? ', ...' : ''}) have no account in the inputs; left out of the project`, 'export-unknown-participant', { file }));
  return accounts.map((account) => ({ participant: account.participant, text: account.text, metadata: account.metadata, segments: segments.get(account.participant) ?? [] }));
}

/**
 * Writes a REFI-QDA project (`.qdpx`) that NVivo, ATLAS.ti, MAXQDA and
 * QualCoder import: the accounts as text sources, participants as cases
 * with their metadata as variables, the theme codebook and the structure
 * tags as codes, and every coded segment as a selection with its codings
 * (see {@link projectXml}). The coding is a `segments.csv` (a reviewed
 * one, say), or the accounts are coded afresh. The same inputs give the
 * same file byte for byte; it is written atomically.
 */
export async function exportQdpx(options: ExportQdpxOptions): Promise<ExportQdpxResult> {
  const { unit, positions } = checkOptions(options);
  const books = await loadBooks({ unit, codebook: options.codebook, check: false, structureRules: options.structureRules, structureModel: options.structureModel, structureTags: options.structureTags });
  const plan = await planInputs(options.inputs, options);
  const messages: ReflectMessage[] = [...plan.messages];
  const accounts: Account[] = [];
  for await (const item of loadAccounts(plan, options)) {
    if ('participant' in item) accounts.push(item);
    else messages.push(item);
  }
  const coded = options.coding === undefined ? codedAfresh(accounts, books) : await codedFromFile(options.coding, accounts, books, options.allowNewCodes ?? false, messages);
  const { themes, tags } = projectCodes(books.codebook, books.rules, coded);
  const fingerprint = createHash('sha256').update(JSON.stringify([themes, tags])).digest('hex');
  const name = basename(options.out, extname(options.out));
  const coder = options.coder ?? (options.coding === undefined ? 'reflect-code' : 'researcher');
  const archive = projectArchive({ name, coder, fingerprint, themes, tags, metadataColumns: plan.metadataColumns, accounts: coded, positions });
  await writeSingleFile(options.out, archive, { force: options.force, inputs: [...options.inputs, ...(options.coding ? [options.coding] : [])] });
  const codes = coded.flatMap((account) => account.segments.map(segmentCodes)).filter((list) => list.length > 0);
  const codings = codes.reduce((sum, list) => sum + list.length, 0);
  return { out: options.out, accounts: coded.length, selections: codes.length, codings, messages };
}
