import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Account } from '../document.js';
import { metadataConflicts } from '../groups/metadata.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { listedInManifest } from '../write/manifest.js';
import { csvFormat, readCsv, readCsvHeader, type CsvFormat } from './csv.js';
import { checkEncoding, detectEncoding, encodingWarning } from './decode.js';
import { checkDelimiter } from './delimiter.js';
import { readJsonl, scanJsonl } from './jsonl.js';
import { columnsOf, type LoadOptions } from './options.js';
import { listTextFiles, readTextFile } from './text-files.js';

/** One input, with its kind decided from the path. */
export interface Input {
  path: string;
  kind: 'csv' | 'tsv' | 'jsonl' | 'txt' | 'folder';
  /** For a folder: its `.txt` files, in natural order. */
  files?: string[];
  /** For a CSV or TSV file: its delimiter and encoding, given or detected, and whether reflect-code wrote it (its formula guards are then removed). */
  format?: Required<CsvFormat>;
}

/** The checked inputs and the metadata columns they carry, in first-seen order. */
export interface InputPlan {
  inputs: Input[];
  metadataColumns: string[];
  /** Warnings found while checking the inputs, such as a guessed encoding. */
  messages: ReflectMessage[];
  /** The inputs' total size in bytes. */
  bytes: number;
}

const KINDS: Record<string, Input['kind']> = { '.csv': 'csv', '.tsv': 'tsv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.txt': 'txt' };

async function kindOf(path: string, messages: ReflectMessage[]): Promise<Input> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw fail('no such file or folder; expected a .csv, .tsv, .jsonl or .txt file, or a folder of .txt files', 'input-not-found', { file: path });
  }
  if (info.isDirectory()) {
    const { files, skipped } = await listTextFiles(path);
    messages.push(...skipped);
    return { path, kind: 'folder', files };
  }
  const extension = extname(path).toLowerCase();
  const kind = KINDS[extension];
  if (!kind) {
    const hint = ['.xlsx', '.xls', '.ods'].includes(extension) ? ' (save the sheet as CSV UTF-8 first)' : '';
    throw fail(`expected a .csv, .tsv, .jsonl or .txt file, or a folder of .txt files, got a "${extension || 'no extension'}" file${hint}`, 'input-unknown-kind', { file: path });
  }
  return { path, kind };
}

/** The load options with `--encoding` and `--delimiter` checked and normalised, and the ID and text columns checked to differ. */
function checkLoadOptions(options: LoadOptions): LoadOptions {
  const { id, text } = columnsOf(options);
  if (id.trim().toLowerCase() === text.trim().toLowerCase()) {
    throw fail(`expected --id-column and --text-column to name two different columns, got "${text}" for both`, 'option-invalid');
  }
  return {
    ...options,
    encoding: options.encoding === undefined ? undefined : checkEncoding(options.encoding),
    delimiter: options.delimiter === undefined ? undefined : checkDelimiter(options.delimiter),
  };
}

/**
 * Checks every input before anything is read in full: it exists, its kind
 * is known, its encoding can be read, its header has the ID and text
 * columns. Returns the plan the loader follows, the metadata columns
 * `segments.csv` will carry and warnings such as a guessed encoding.
 */
export async function planInputs(paths: readonly string[], loadOptions: LoadOptions = {}): Promise<InputPlan> {
  if (paths.length === 0) throw fail('expected at least one input (a .csv, .tsv, .jsonl or .txt file, or a folder of .txt files), got none', 'input-none');
  const options = checkLoadOptions(loadOptions);
  const inputs: Input[] = [];
  const metadata = new Set<string>();
  const messages: ReflectMessage[] = [];
  let bytes = 0;
  for (const path of paths) {
    const input = await kindOf(path, messages);
    const encodings = new Map<string, string>();
    for (const file of input.files ?? [path]) {
      const encoding = await detectEncoding(file, options.encoding);
      encodings.set(file, encoding.name);
      bytes += (await stat(file)).size;
      const warning = encodingWarning(file, encoding);
      if (warning) messages.push(warning);
    }
    if (input.kind === 'csv' || input.kind === 'tsv') {
      // The encoding just detected is passed on, so the file is not sampled again. Only
      // a file reflect-code wrote (a redacted copy, listed in its folder's manifest) has its formula guards removed.
      input.format = await csvFormat(path, { encoding: encodings.get(path), delimiter: options.delimiter ?? (input.kind === 'tsv' ? '\t' : undefined), unescapeFormulas: await listedInManifest(path) });
      const columns = await readCsvHeader(path, { ...options, ...input.format });
      for (const { name } of columns.metadata) metadata.add(name);
    } else if (input.kind === 'jsonl') {
      for (const key of await scanJsonl(path, options)) metadata.add(key);
    }
    inputs.push(input);
  }
  return { inputs, metadataColumns: [...metadata], messages, bytes };
}

async function* readInput(input: Input, options: LoadOptions): AsyncGenerator<Account | ReflectMessage> {
  switch (input.kind) {
    case 'csv':
    case 'tsv':
      yield* readCsv(input.path, { ...options, ...input.format });
      return;
    case 'jsonl':
      yield* readJsonl(input.path, options);
      return;
    case 'txt':
      yield* await readTextFile(input.path, options.encoding);
      return;
    case 'folder':
      for (const file of input.files ?? []) yield* await readTextFile(file, options.encoding);
  }
}

function where(source: Account['source']): string {
  return `${source.file}:${source.line}`;
}

/**
 * Streams the accounts of every input in order, one at a time. Skipped
 * accounts come out as warnings. A participant ID seen twice is fatal
 * (only the IDs and where they were are kept, never the texts), unless
 * `mergeDuplicates` is set: then every account is read first, and the
 * later texts of an ID are joined to its first one (with a blank line
 * between), each join reported as a warning.
 */
export async function* loadAccounts(plan: InputPlan, options: LoadOptions = {}): AsyncGenerator<Account | ReflectMessage> {
  if (options.mergeDuplicates) {
    yield* mergedAccounts(plan, options);
    return;
  }
  const seen = new Map<string, Account['source']>();
  for (const input of plan.inputs) {
    for await (const item of readInput(input, options)) {
      if ('participant' in item) {
        const first = seen.get(item.participant);
        if (first !== undefined) throw fail(`participant "${item.participant}" appears twice (first at ${where(first)}); expected one account per participant (add --merge-duplicates to join their texts)`, 'input-duplicate-id', item.source);
        seen.set(item.participant, item.source);
      }
      yield item;
    }
  }
}

/** The accounts of every input with the texts of a repeated ID joined to its first account; all are read first. */
async function* mergedAccounts(plan: InputPlan, options: LoadOptions): AsyncGenerator<Account | ReflectMessage> {
  const seen = new Map<string, Account>();
  for (const input of plan.inputs) {
    for await (const item of readInput(input, options)) {
      if (!('participant' in item)) {
        yield item;
        continue;
      }
      const first = seen.get(item.participant);
      if (first === undefined) {
        seen.set(item.participant, item);
      } else {
        first.text += `\n\n${item.text}`;
        yield warn(`participant "${item.participant}" appears again (first at ${where(first.source)}); joined this text to the first one`, 'input-merged-duplicate', item.source);
        yield* metadataConflicts(item.participant, [first, item].map((account) => ({ metadata: account.metadata, place: account.source })));
      }
    }
  }
  yield* seen.values();
}
