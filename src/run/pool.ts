import { Worker } from 'node:worker_threads';
import type { Account } from '../document.js';
import { fail } from '../messages.js';
import { fromMessageData, type CodedAccount, type MessageData } from './coded.js';
import type { CodingBooks } from './books.js';
import { threadScript } from './thread-script.js';

/** What a worker is started with. */
export interface WorkerInit {
  /** The books to code with, already loaded and checked. */
  books: CodingBooks;
  /** The metadata columns of `segments.csv`. */
  metadataColumns: readonly string[];
  /** The main thread's verdicts on the books' regular expressions (checked as the books were loaded). */
  regexVerdicts: Array<[string, string | null]>;
}

/** A batch of accounts sent to a worker, numbered in input order. */
export interface Batch {
  seq: number;
  accounts: Account[];
}

/** A worker's answer to a batch: the coded accounts in the batch's order, or the error that stopped it. */
export type BatchResult = { seq: number; coded: CodedAccount[] } | { seq: number; error: MessageData };

/**
 * A worker's heap limits. A worker's live data is about 55 MB (the
 * language model, the books, a batch); without limits V8 lets a busy
 * worker's heap grow to several times that before collecting it. The
 * young generation is large enough for an account's many short-lived
 * objects to die young: at 16 MB a worker spends about a sixth more CPU
 * time (mostly collecting), at 48 MB no less than at 32.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 160 };

interface Pending {
  resolve: (coded: CodedAccount[]) => void;
  reject: (error: unknown) => void;
}

/** One worker thread and the batches it has been sent but not answered. */
class PoolWorker {
  readonly pending = new Map<number, Pending>();
  readonly thread: Worker;

  constructor(init: WorkerInit) {
    this.thread = new Worker(threadScript('worker.js'), { workerData: init, resourceLimits: WORKER_HEAP });
    this.thread.on('message', (result: BatchResult) => {
      const waiting = this.pending.get(result.seq);
      this.pending.delete(result.seq);
      if ('error' in result) waiting?.reject(fromMessageData(result.error));
      else waiting?.resolve(result.coded);
    });
    this.thread.on('error', (error) => this.failAll((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? fail('a coding thread ran out of memory (a very long account?); run again with --jobs 1', 'out-of-memory') : error));
    this.thread.on('exit', (code) => this.failAll(new Error(`a coding worker stopped (exit code ${code})`)));
  }

  private failAll(error: unknown): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * A pool of worker threads that code batches of accounts. Each batch goes
 * to the worker with the fewest batches waiting; the caller gets one
 * promise per batch and reorders nothing, as it awaits them in the order sent.
 */
export class CodingPool {
  private readonly workers: PoolWorker[];
  private seq = 0;

  /** Starts `size` workers, each coding with the books `init` holds. */
  constructor(size: number, init: WorkerInit) {
    this.workers = Array.from({ length: size }, () => new PoolWorker(init));
  }

  /** Codes a batch of accounts on a worker; resolves to them coded, in order. */
  code(accounts: Account[]): Promise<CodedAccount[]> {
    const worker = this.workers.reduce((least, next) => (next.pending.size < least.pending.size ? next : least));
    const seq = this.seq++;
    const promise = new Promise<CodedAccount[]>((resolve, reject) => worker.pending.set(seq, { resolve, reject }));
    worker.thread.postMessage({ seq, accounts } satisfies Batch);
    return promise;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }
}
