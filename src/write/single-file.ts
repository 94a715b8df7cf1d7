import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fail } from '../messages.js';
import { makeFolders, removeMadeFolders } from './made-folders.js';
import { partialPath } from './partials.js';

/**
 * Writes one output file atomically: first to a hidden file beside it,
 * then renamed into place, so an interrupted write leaves the old file or
 * none (and no folder it created for it). Refuses to overwrite an input,
 * or an existing file without `force`.
 */
export async function writeSingleFile(path: string, content: string | Uint8Array, options: { force?: boolean; inputs?: readonly string[] } = {}): Promise<void> {
  const target = resolve(path);
  if ((options.inputs ?? []).some((input) => resolve(input) === target)) {
    throw fail('the output file is an input; expected a new file, choose another --out', 'out-holds-input', { file: path });
  }
  const exists = await stat(target).then((found) => found, () => undefined);
  if (exists?.isDirectory()) throw fail('expected a file for the output, got a folder', 'out-not-file', { file: path });
  if (exists && !options.force) throw fail('the output file exists; expected a new file (add --force to replace it)', 'out-exists', { file: path });
  const made = await makeFolders(dirname(target));
  const partial = partialPath(target);
  try {
    await writeFile(partial, content);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    await removeMadeFolders(dirname(target), made);
    throw error;
  }
}
