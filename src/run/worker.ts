// A worker thread of a coding pool: compiles the books it is started with,
// then codes the batches of accounts it is sent, in the order sent, and
// sends each batch back.
import { parentPort, workerData } from 'node:worker_threads';
import type { Account } from '../document.js';
import { rememberRegexVerdicts } from '../codebook/regex.js';
import { ReflectMessage } from '../messages.js';
import { codeAccount, messageData } from './coded.js';
import type { Batch, BatchResult, WorkerInit } from './pool.js';
import { runStages } from './stages.js';

const { books, metadataColumns, regexVerdicts } = workerData as WorkerInit;
rememberRegexVerdicts(regexVerdicts);
const stages = runStages(books);
const port = parentPort!;

port.on('message', ({ seq, accounts }: Batch) => {
  let result: BatchResult;
  try {
    result = { seq, coded: accounts.map((account: Account) => codeAccount(account, stages, metadataColumns)) };
  } catch (error) {
    result = { seq, error: error instanceof ReflectMessage ? messageData(error) : { reason: (error as Error)?.stack ?? String(error), ruleId: 'internal', fatal: true } };
  }
  port.postMessage(result);
});
