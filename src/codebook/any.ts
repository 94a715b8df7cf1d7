import type { ReflectMessage } from '../messages.js';
import { parseCueFile, type CueFile } from '../structure/cue-file.js';
import { parseCodebook } from './read.js';
import type { Codebook } from './types.js';
import { readYamlSource } from './yaml-file.js';

/** A theme codebook or a structure cue file, told apart by the cue file's `default_code`. */
export type AnyCodebook = { kind: 'themes'; codebook: Codebook } | { kind: 'structure'; cues: CueFile };

/**
 * Reads a theme codebook or a structure cue file (one with a top-level
 * `default_code`) and validates it; returns it when no problem is fatal,
 * with every problem found.
 */
export async function readAnyCodebook(file: string): Promise<{ book?: AnyCodebook; messages: ReflectMessage[] }> {
  const source = await readYamlSource(file);
  if (typeof source !== 'string') return { messages: [source] };
  if (/^default_code\s*:/m.test(source)) {
    const { cues, messages } = parseCueFile(source, file);
    return { book: cues && { kind: 'structure', cues }, messages };
  }
  const { codebook, messages } = parseCodebook(source, file);
  return { book: codebook && { kind: 'themes', codebook }, messages };
}

/** Like {@link readAnyCodebook}, but throws the first fatal problem. */
export async function loadAnyCodebook(file: string): Promise<AnyCodebook> {
  const { book, messages } = await readAnyCodebook(file);
  if (!book) throw messages.find((message) => message.fatal) ?? messages[0];
  return book;
}
