import { Worker } from 'node:worker_threads';
import { readAllowList } from '../check/allow-list.js';
import { loadCodebook } from '../codebook/read.js';
import { DEFAULT_CODEBOOK } from '../codebook/shipped.js';
import type { Codebook } from '../codebook/types.js';
import type { Unit } from '../segment/index.js';
import { loadStructureTagger, type ActiveTags, type TaggerChoice } from '../structure/active-tags.js';
import { fromMessageData, type MessageData } from './coded.js';
import { threadScript } from './thread-script.js';

/** What codes an account, as options that can be sent to a worker thread: every book is named by its file. */
export interface CodingSetup extends TaggerChoice {
  unit: Unit;
  /** Theme codebook file; default the shipped one. */
  codebook?: string;
  /** Run the anonymity check; default true. */
  check?: boolean;
  /** The anonymity check's allow-list file. */
  allowList?: string;
}

/** The books a run codes with, loaded from a {@link CodingSetup}. */
export interface CodingBooks {
  unit: Unit;
  codebook: Codebook;
  rules: ActiveTags;
  /** The anonymity check's allow-list; no check when undefined. */
  allowed?: ReadonlySet<string>;
}

/** The setup's own fields of a larger options object, so that it can be sent to a worker. */
export function codingSetup(options: CodingSetup): CodingSetup {
  const { unit, codebook, check, allowList, structureRules, structureModel, structureTags } = options;
  return { unit, codebook, check, allowList, structureRules, structureModel, structureTags };
}

/** Loads the codebook, structure tagger and allow-list a setup names. */
export async function loadBooks(setup: CodingSetup): Promise<CodingBooks> {
  // One after the other, so that of two bad books the codebook is reported.
  const codebook = await loadCodebook(setup.codebook ?? DEFAULT_CODEBOOK);
  const rules = await loadStructureTagger(setup);
  const allowed = setup.check === false ? undefined : await readAllowList(setup.allowList);
  return { unit: setup.unit, codebook, rules, allowed };
}

/** Books loaded in another thread, with the regular-expression verdicts reached there (see `codebook/regex.ts`). */
export interface LoadedBooks {
  books: CodingBooks;
  regexVerdicts: Array<[string, string | null]>;
}

/**
 * {@link loadBooks} in a thread of its own, which ends once it has sent
 * them: checking a codebook needs the language model and the regex
 * checker (over 100 MB), which the main thread of a run coded in worker
 * threads then never holds. Throws what `loadBooks` would.
 */
export function loadBooksInThread(setup: CodingSetup): Promise<LoadedBooks> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(threadScript('book-loader.js'), { workerData: setup });
    thread.once('message', (result: LoadedBooks | { error: MessageData }) => ('error' in result ? reject(fromMessageData(result.error)) : resolve(result)));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the thread loading the books stopped (exit code ${code})`)));
  });
}
