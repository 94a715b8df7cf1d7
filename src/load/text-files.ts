import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Account } from '../document.js';
import { fail, type ReflectMessage } from '../messages.js';
import { naturalOrder } from '../text/natural-order.js';
import { makeAccount } from './account.js';
import { readDecoded } from './decode.js';

/** The `.txt` files of a folder, in natural order (A2 before A10). */
export async function listTextFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && extname(entry.name).toLowerCase() === '.txt')
    .map((entry) => entry.name)
    .sort(naturalOrder);
  if (files.length === 0) throw fail('expected a folder of .txt accounts, got a folder with no .txt file', 'input-empty-folder', { file: folder });
  return files.map((name) => join(folder, name));
}

/**
 * Reads one `.txt` account in its encoding (detected unless given); the
 * file name without its extension is the participant ID.
 */
export async function readTextFile(file: string, encoding?: string): Promise<Account | ReflectMessage> {
  return makeAccount(basename(file, extname(file)), await readDecoded(file, encoding), {}, file, 1);
}
