import { availableParallelism } from 'node:os';
import type { Level } from './codebook/level.js';
import { rememberRegexVerdicts } from './codebook/regex.js';
import type { GroupOptions } from './groups/compare.js';
import { loadAccounts, planInputs, type InputPlan } from './load/inputs.js';
import type { LoadOptions } from './load/options.js';
import { fail, type ReflectMessage } from './messages.js';
import { codeAll } from './run/code-all.js';
import { fromMessageData } from './run/coded.js';
import { codingSetup, loadBooks, loadBooksInThread, type CodingBooks, type CodingSetup } from './run/books.js';
import { UNITS, type Unit } from './segment/index.js';
import { metadataHeader, SEGMENT_COLUMNS } from './segments-format.js';
import { CodingOutputs } from './write/coding-outputs.js';
import { BOM, toCsv } from './write/csv.js';
import type { GridMode } from './write/grids.js';
import { OutputDir } from './write/output-dir.js';
import { ReviewWorkbook } from './write/review-workbook.js';
import type { FrequencyRow } from './write/tables.js';

/** The output folder when none is given. */
const DEFAULT_OUT = 'reflect-code-out';

/** Options of {@link analyse}. */
export interface AnalyseOptions extends LoadOptions, GroupOptions {
  /** Input files and folders: .csv, .tsv, .jsonl, .txt, or folders of .txt files. */
  inputs: readonly string[];
  /** How the report names the inputs, one name per input (a file read from standard input, say); default the inputs as given. */
  inputNames?: readonly string[];
  /** Output folder; default `reflect-code-out` (refused when that would be in an input's folder). */
  out?: string;
  /** Replace the outputs in a non-empty output folder. */
  force?: boolean;
  /** Segmentation unit; default `clause`. */
  unit?: Unit;
  /** Theme codebook file; default the shipped mentorship codebook. */
  codebook?: string;
  /** Structure cue file: tag by its cues instead of a model. */
  structureRules?: string;
  /** Structure model file (from `structure train`); default the shipped model. Not with `structureRules`. */
  structureModel?: string;
  /** Count codes as coded (`leaves`, the default) or under their top-level codes (`parents`) in grids, tables and report. */
  level?: Level;
  /** Structure tags in use; default every tag of the model (OR, CA, EV, RE), or of the cue file not marked optional. */
  structureTags?: readonly string[];
  /** Warn about identifying details left in the accounts (as `check` finds them); default true. */
  check?: boolean;
  /** File of words and phrases the anonymity check never reports. */
  allowList?: string;
  /** Stops the run (e.g. on Ctrl-C) between accounts, while the outputs are written, or just before they are moved into place, leaving the output folder as it was. */
  signal?: AbortSignal;
  /** Write `report.html`, `report.md` and `figures/`; default true. */
  report?: boolean;
  /** Leave the run date out of the report, so the same inputs give the same bytes. */
  deterministic?: boolean;
  /** How the coding grids are written (`auto`, `files`, `combined`, `none`); default `auto`. */
  grids?: GridMode;
  /**
   * Threads that code accounts: 1 codes in this thread, more start that
   * many worker threads. Default: one per core for inputs of 4 MB or more,
   * else 1. The outputs are the same byte for byte whatever the number.
   */
  jobs?: number;
  /** Called with each warning as it happens; the warnings are then not kept in the result's `messages`. */
  onMessage?: (message: ReflectMessage) => void;
  /** Called after each account is coded, with the progress so far. */
  onProgress?: (progress: Progress) => void;
}

/** How far a run has got. */
export interface Progress {
  /** Accounts coded so far. */
  accounts: number;
  /** Characters of text coded so far. */
  characters: number;
  /** The inputs' total size in bytes: about the characters there are to code. */
  bytes: number;
}

/**
 * Inputs at least this large are coded in worker threads unless `jobs`
 * says otherwise: below it, starting the threads (each loads the language
 * model and warms up) costs more time than they save (measured on 2 cores:
 * 1.4 MB took 7.4-7.9 s in one thread and 8.6-9.8 s in two; 2.8 MB about
 * the same either way; 14 MB 36 s against 28 s).
 */
const POOL_MIN_BYTES = 4 * 1024 * 1024;

/** What an analysis did: counts, the most frequent codes, the files written and any warnings. */
export interface AnalyseResult {
  out: string;
  codebook: { name: string; version: string };
  unit: Unit;
  participants: number;
  segments: number;
  /** Accounts skipped (empty texts); each has a warning in `messages`. */
  skipped: number;
  themes: FrequencyRow[];
  structure: FrequencyRow[];
  /** Files written, relative to `out`. */
  files: string[];
  /** The warnings, unless `onMessage` took them. */
  messages: ReflectMessage[];
  /** How many warnings there were. */
  warnings: number;
}

/** Checks analysis options before anything is read. */
function checkOptions(options: AnalyseOptions): Unit {
  const unit = options.unit ?? 'clause';
  if (!UNITS.includes(unit)) throw fail(`expected --unit to be one of ${UNITS.join(', ')}, got "${String(unit)}"`, 'option-invalid');
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) throw fail(`expected --jobs to be a whole number of 1 or more, got "${String(options.jobs)}"`, 'option-invalid');
  return unit;
}

/**
 * Runs the whole pipeline: load every account, segment it, code its themes,
 * tag its structure, and write `segments.csv`, the frequency tables, one
 * coding grid per participant and (unless `report` is false) the report
 * into the output folder. Accounts are streamed, coded (in worker threads
 * when `jobs` is above 1) and written in input order; memory does not grow
 * with the number of accounts. Nothing is left in the output folder unless
 * the whole run succeeds; bad input or options throw a fatal
 * {@link ReflectMessage}.
 */
export async function analyse(options: AnalyseOptions): Promise<AnalyseResult> {
  const unit = checkOptions(options);
  const setup = codingSetup({ ...options, unit });
  // Of a bad book and a bad input, the book is reported.
  const plan = await planInputs(options.inputs, options).catch(async (error: unknown) => {
    await loadBooks(setup);
    throw error;
  });
  const jobs = options.jobs ?? (plan.bytes >= POOL_MIN_BYTES ? availableParallelism() : 1);
  const books = jobs > 1 ? await booksFromThread(setup) : await loadBooks(setup);
  const folder = options.out ?? DEFAULT_OUT;
  const out = await OutputDir.open(folder, { force: options.force, inputs: options.inputs, byDefault: options.out === undefined, signal: options.signal });
  try {
    const result = await run(options, { books, plan, jobs, folder, out });
    await out.commit();
    return result;
  } catch (error) {
    await out.abort();
    throw error;
  }
}

/** The books loaded in a thread of their own, so that this thread never holds the language model: the worker threads code with them. */
async function booksFromThread(setup: CodingSetup): Promise<CodingBooks> {
  const { books, regexVerdicts } = await loadBooksInThread(setup);
  rememberRegexVerdicts(regexVerdicts);
  return books;
}

interface Prepared {
  books: CodingBooks;
  plan: InputPlan;
  /** Threads that code (see {@link AnalyseOptions.jobs}). */
  jobs: number;
  /** The output folder as given (or the default). */
  folder: string;
  out: OutputDir;
}

async function run(options: AnalyseOptions, { books, plan, jobs, folder, out }: Prepared): Promise<AnalyseResult> {
  const { unit, codebook, rules } = books;
  const messages: ReflectMessage[] = [];
  let warnings = 0;
  const report = (message: ReflectMessage) => {
    warnings++;
    if (options.onMessage) options.onMessage(message);
    else messages.push(message);
  };
  plan.messages.forEach(report);
  const outputs = await CodingOutputs.open(out, codebook, rules, plan.metadataColumns, { report: options.report, level: options.level, grids: options.grids, by: options.by, minGroupSize: options.minGroupSize });
  const progress: Progress = { accounts: 0, characters: 0, bytes: plan.bytes };
  let skipped = 0;
  const segmentsFile = await out.open('segments.csv');
  const workbook = new ReviewWorkbook(plan.metadataColumns.map(metadataHeader));
  try {
    await segmentsFile.write(BOM + toCsv([[...SEGMENT_COLUMNS, ...plan.metadataColumns.map(metadataHeader)]]));
    for await (const item of codeAll(loadAccounts(plan, options), { books, metadataColumns: plan.metadataColumns, jobs })) {
      out.stopIfInterrupted();
      if (!('participant' in item)) {
        report(item);
        if (item.ruleId === 'input-empty-text') skipped++;
        continue;
      }
      item.messages.map(fromMessageData).forEach(report);
      await segmentsFile.write(item.csv);
      workbook.add(item.participant, item.metadata, item.rows, plan.metadataColumns);
      await outputs.add(item, item.rows);
      progress.accounts++;
      progress.characters += item.length;
      options.onProgress?.(progress);
    }
  } finally {
    await segmentsFile.close();
  }
  const reviewWorkbook = (await workbook.write(out)) ? ['segments.xlsx'] : [];
  await outputs.finish({ inputs: options.inputNames ?? options.inputs, unit, date: options.deterministic ? undefined : new Date(), skipped });
  outputs.messages.forEach(report);
  return {
    out: folder,
    codebook: { name: codebook.name, version: codebook.version },
    unit,
    participants: outputs.tally.participants,
    segments: outputs.tally.segments,
    skipped,
    themes: outputs.themes(),
    structure: outputs.structure(),
    files: ['segments.csv', ...reviewWorkbook, ...outputs.files],
    messages,
    warnings,
  };
}
