import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The hidden file in an output folder that lists the top-level files and
 * folders the last run wrote there, one a line. A run with `--force`
 * removes only the entries it lists (and those it writes again), so the
 * researcher's own files in the folder are never touched.
 */
export const MANIFEST = '.reflect-code-outputs';

const HEADER = [
  '# Written by reflect-code: the files and folders its last run wrote into this folder.',
  '# A run with --force replaces or removes these, and leaves everything else alone.',
];

/** True for the name of an entry right inside a folder: no separator, not `.` or `..`. */
export function isEntryName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
}

/** Writes the manifest into `folder`, listing `entries` (itself left out) in sorted order. */
export async function writeManifest(folder: string, entries: readonly string[]): Promise<void> {
  const names = entries.filter((name) => name !== MANIFEST).sort();
  await writeFile(join(folder, MANIFEST), `${[...HEADER, ...names].join('\n')}\n`, 'utf8');
}

/**
 * The entries the manifest of `folder` lists, or undefined when the folder
 * has none (outputs of a version without it, or no outputs at all). Lines
 * that are comments or not the name of an entry right inside the folder
 * are passed over, so an edited manifest can never reach outside it.
 */
export async function readManifest(folder: string): Promise<Set<string> | undefined> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return new Set(text.split(/\r?\n/).filter((line) => !line.startsWith('#') && isEntryName(line) && line !== MANIFEST));
}

/** True when the manifest of the folder `file` is in lists it: reflect-code wrote the file (it may have been edited since). */
export async function listedInManifest(file: string): Promise<boolean> {
  return (await readManifest(dirname(file)))?.has(basename(file)) ?? false;
}
