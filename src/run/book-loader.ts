// A thread that loads a run's books (see `loadBooksInThread`), sends them
// back with the regular-expression verdicts reached, and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { regexVerdicts } from '../codebook/regex.js';
import { ReflectMessage } from '../messages.js';
import { messageData, type MessageData } from './coded.js';
import { loadBooks, type CodingSetup, type LoadedBooks } from './books.js';

let result: LoadedBooks | { error: MessageData };
try {
  result = { books: await loadBooks(workerData as CodingSetup), regexVerdicts: regexVerdicts() };
} catch (error) {
  // Anything else reaches the main thread as the thread's error.
  if (!(error instanceof ReflectMessage)) throw error;
  result = { error: messageData(error) };
}
parentPort!.postMessage(result);
