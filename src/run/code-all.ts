import { regexVerdicts } from '../codebook/regex.js';
import type { Account } from '../document.js';
import type { ReflectMessage } from '../messages.js';
import { codeAccount, type CodedAccount } from './coded.js';
import { CodingPool } from './pool.js';
import type { CodingBooks } from './books.js';

/** Accounts sent to a worker at a time: enough that messaging costs little, few enough that work spreads evenly. */
const BATCH_ACCOUNTS = 100;

/** Characters sent to a worker at a time, at most (unless one account is longer). */
const BATCH_CHARACTERS = 256 * 1024;

/** How to code a run's accounts. */
export interface CodeAllOptions {
  /** The books to code with, already loaded and checked. */
  books: CodingBooks;
  metadataColumns: readonly string[];
  /** Threads that code: 1 codes in this thread; more starts that many worker threads. */
  jobs: number;
}

/** An item of the loader's stream with the accounts coded: a coded account, or a loader's warning. */
export type CodedItem = CodedAccount | ReflectMessage;

/**
 * Codes a stream of accounts (and the loader's warnings, passed through)
 * in input order. With `jobs` above 1 the accounts are sent in batches to
 * a pool of worker threads, about a batch ahead per worker, and come back
 * in the order they went, so the outputs are the same byte for byte as
 * when one thread codes them all. The pool stops when the stream ends or
 * the caller stops reading.
 */
export async function* codeAll(items: AsyncIterable<Account | ReflectMessage>, options: CodeAllOptions): AsyncGenerator<CodedItem> {
  if (options.jobs <= 1) {
    // Imported here: with worker threads, this thread never loads the language model.
    const { runStages } = await import('./stages.js');
    const stages = runStages(options.books);
    for await (const item of items) yield 'participant' in item ? codeAccount(item, stages, options.metadataColumns) : item;
    return;
  }
  const pool = new CodingPool(options.jobs, { books: options.books, metadataColumns: options.metadataColumns, regexVerdicts: regexVerdicts() });
  // A batch sent keeps the loader's warnings in their places among its
  // accounts, each account left as `undefined`: its text need not stay in
  // this thread while it is coded, only its coded form comes back.
  const queue: Array<{ items: Array<ReflectMessage | undefined>; coded: Promise<CodedAccount[]> }> = [];
  let batch: Array<ReflectMessage | undefined> = [];
  let accounts: Account[] = [];
  let characters = 0;
  const send = () => {
    const coded = pool.code(accounts);
    // Awaited in turn below; until then a failure must not count as unhandled.
    coded.catch(() => {});
    queue.push({ items: batch, coded });
    [batch, accounts, characters] = [[], [], 0];
  };
  async function* drain(keep: number): AsyncGenerator<CodedItem> {
    while (queue.length > keep) {
      const { items: sent, coded } = queue.shift()!;
      const done = await coded;
      let next = 0;
      for (const item of sent) yield item ?? done[next++];
    }
  }
  try {
    for await (const item of items) {
      if (!('participant' in item)) {
        batch.push(item);
        continue;
      }
      batch.push(undefined);
      accounts.push(item);
      characters += item.text.length;
      if (accounts.length >= BATCH_ACCOUNTS || characters >= BATCH_CHARACTERS) {
        send();
        yield* drain(options.jobs + 1);
      }
    }
    if (batch.length > 0) send();
    yield* drain(0);
  } finally {
    await pool.close();
  }
}
