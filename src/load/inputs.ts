import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Account } from '../document.js';
import { fail, type ReflectMessage } from '../messages.js';
import { readCsv, readCsvHeader } from './csv.js';
import { readJsonl, scanJsonl } from './jsonl.js';
import type { LoadOptions } from './options.js';
import { listTextFiles, readTextFile } from './text-files.js';

/** One input, with its kind decided from the path. */
export interface Input {
  path: string;
  kind: 'csv' | 'tsv' | 'jsonl' | 'txt' | 'folder';
  /** For a folder: its `.txt` files, in natural order. */
  files?: string[];
}

/** The checked inputs and the metadata columns they carry, in first-seen order. */
export interface InputPlan {
  inputs: Input[];
  metadataColumns: string[];
}

const KINDS: Record<string, Input['kind']> = { '.csv': 'csv', '.tsv': 'tsv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.txt': 'txt' };

async function kindOf(path: string): Promise<Input> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw fail('no such file or folder; expected a .csv, .tsv, .jsonl or .txt file, or a folder of .txt files', 'input-not-found', { file: path });
  }
  if (info.isDirectory()) return { path, kind: 'folder', files: await listTextFiles(path) };
  const extension = extname(path).toLowerCase();
  const kind = KINDS[extension];
  if (!kind) {
    const hint = ['.xlsx', '.xls', '.ods'].includes(extension) ? ' (save the sheet as CSV UTF-8 first)' : '';
    throw fail(`expected a .csv, .tsv, .jsonl or .txt file, or a folder of .txt files, got a "${extension || 'no extension'}" file${hint}`, 'input-unknown-kind', { file: path });
  }
  return { path, kind };
}

/**
 * Checks every input before anything is read in full: it exists, its kind
 * is known, its header has the ID and text columns. Returns the plan the
 * loader follows and the metadata columns `segments.csv` will carry.
 */
export async function planInputs(paths: readonly string[], options: LoadOptions = {}): Promise<InputPlan> {
  if (paths.length === 0) throw fail('expected at least one input (a .csv, .tsv, .jsonl or .txt file, or a folder of .txt files), got none', 'input-none');
  const inputs: Input[] = [];
  const metadata = new Set<string>();
  for (const path of paths) {
    const input = await kindOf(path);
    if (input.kind === 'csv' || input.kind === 'tsv') {
      const columns = await readCsvHeader(path, { ...options, delimiter: input.kind === 'tsv' ? '\t' : ',' });
      for (const { name } of columns.metadata) metadata.add(name);
    } else if (input.kind === 'jsonl') {
      for (const key of await scanJsonl(path, options)) metadata.add(key);
    }
    inputs.push(input);
  }
  return { inputs, metadataColumns: [...metadata] };
}

async function* readInput(input: Input, options: LoadOptions): AsyncGenerator<Account | ReflectMessage> {
  switch (input.kind) {
    case 'csv':
    case 'tsv':
      yield* readCsv(input.path, { ...options, delimiter: input.kind === 'tsv' ? '\t' : ',' });
      return;
    case 'jsonl':
      yield* readJsonl(input.path, options);
      return;
    case 'txt':
      yield await readTextFile(input.path);
      return;
    case 'folder':
      for (const file of input.files ?? []) yield await readTextFile(file);
  }
}

/**
 * Streams the accounts of every input in order, one at a time. Skipped
 * accounts come out as warnings; a participant ID seen twice is fatal.
 */
export async function* loadAccounts(plan: InputPlan, options: LoadOptions = {}): AsyncGenerator<Account | ReflectMessage> {
  const seen = new Map<string, string>();
  for (const input of plan.inputs) {
    for await (const item of readInput(input, options)) {
      if ('participant' in item) {
        const first = seen.get(item.participant);
        if (first !== undefined) {
          throw fail(`participant "${item.participant}" appears twice (first at ${first}); expected one account per participant`, 'input-duplicate-id', item.source);
        }
        seen.set(item.participant, `${item.source.file}:${item.source.line}`);
      }
      yield item;
    }
  }
}
