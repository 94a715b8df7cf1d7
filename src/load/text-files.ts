import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Account } from '../document.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { naturalOrder } from '../text/natural-order.js';
import { makeAccount } from './account.js';
import { readDecoded } from './decode.js';

/**
 * The `.txt` files of a folder, in natural order (A2 before A10). A
 * symbolic link to a regular file counts as the file (git-annex and
 * DataLad keep accounts so); a link that leads nowhere or to a folder is
 * skipped with a warning.
 */
export async function listTextFiles(folder: string): Promise<{ files: string[]; skipped: ReflectMessage[] }> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names: string[] = [];
  const skipped: ReflectMessage[] = [];
  for (const entry of entries) {
    if (extname(entry.name).toLowerCase() !== '.txt') continue;
    if (entry.isFile()) names.push(entry.name);
    else if (entry.isSymbolicLink()) {
      const target = await stat(join(folder, entry.name)).catch(() => undefined);
      if (target?.isFile()) names.push(entry.name);
      else skipped.push(warn(`skipped a link that leads ${target ? 'to a folder' : 'nowhere (its target is missing)'}; expected a link to a .txt file`, 'input-link-skipped', { file: join(folder, entry.name) }));
    }
  }
  if (names.length === 0) throw fail('expected a folder of .txt accounts, got a folder with no .txt file', 'input-empty-folder', { file: folder });
  return { files: names.sort(naturalOrder).map((name) => join(folder, name)), skipped };
}

/**
 * Reads one `.txt` account in its encoding (detected unless given); the
 * file name without its extension is the participant ID. Returns the
 * warnings about characters mended while decoding, then the account (or
 * the warning it was skipped with).
 */
export async function readTextFile(file: string, encoding?: string): Promise<Array<Account | ReflectMessage>> {
  const read: Array<Account | ReflectMessage> = [];
  const text = await readDecoded(file, encoding, (message) => read.push(message));
  return [...read, makeAccount(basename(file, extname(file)), text, {}, file, 1)];
}
