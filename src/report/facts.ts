import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DEFAULT_CODEBOOK } from '../codebook/shipped.js';

/** What identifies a codebook in a report: name, version, file and the SHA-256 of the file's bytes. */
export interface CodebookFacts {
  name: string;
  version: string;
  /** The file as given, or `labov.yaml (shipped with reflect-code)`. */
  file: string;
  sha256: string;
}

/** Reads a codebook's (or cue file's) file again to hash its exact bytes. */
export async function codebookFacts(codebook: { file: string; name: string; version: string }): Promise<CodebookFacts> {
  const sha256 = createHash('sha256').update(await readFile(codebook.file)).digest('hex');
  const shipped = dirname(resolve(codebook.file)) === dirname(DEFAULT_CODEBOOK);
  return { name: codebook.name, version: codebook.version, file: shipped ? `${basename(codebook.file)} (shipped with reflect-code)` : codebook.file, sha256 };
}
