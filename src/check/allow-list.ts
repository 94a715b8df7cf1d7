import { readDecoded } from '../load/decode.js';
import { refuseMended } from '../load/text-reader.js';

/**
 * Reads an allow-list: one word or phrase per line (a name that is not
 * identifying, a service's public address), `#` starts a comment. Entries
 * are compared ignoring case. No file gives an empty list.
 */
export async function readAllowList(file?: string): Promise<Set<string>> {
  if (!file) return new Set();
  const text = await readDecoded(file, undefined, refuseMended);
  return new Set(
    text
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/#.*/, '').trim().toLowerCase())
      .filter((line) => line !== ''),
  );
}
