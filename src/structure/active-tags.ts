import { DEFAULT_STRUCTURE_RULES } from '../codebook/shipped.js';
import { fail } from '../messages.js';
import { loadCueFile, type CueFile, type NoteDef, type TagDef } from './cue-file.js';

/** The tags of a cue file that a run uses, and the notes that go with them. */
export interface ActiveTags {
  /** The cue file's name. */
  name: string;
  file: CueFile;
  codes: TagDef[];
  notes: NoteDef[];
}

/**
 * Picks the tags in use: those named in `wanted` (as given to
 * `--structure-tags`, any case), or every tag not marked optional.
 * An unknown tag is a fatal `option-invalid` message.
 */
export function activeTags(file: CueFile, wanted?: readonly string[]): ActiveTags {
  let codes = file.codes.filter((code) => !code.optional);
  if (wanted && wanted.length > 0) {
    codes = wanted.map((name) => {
      const code = file.codes.find((def) => def.code.toLowerCase() === name.trim().toLowerCase());
      if (!code) throw fail(`expected --structure-tags to name tags of ${file.file} (${file.codes.map((c) => c.code).join(', ')}), got "${name}"`, 'option-invalid');
      return code;
    });
    const twice = codes.find((code, i) => codes.indexOf(code) !== i);
    if (twice) throw fail(`expected each tag once in --structure-tags, got ${twice.code} twice`, 'option-invalid');
  }
  return { name: file.name, file, codes, notes: file.notes.filter((note) => codes.some(({ code }) => code === note.tag)) };
}

/** Loads a cue file (default: the shipped Labov & Waletzky cues) and picks its tags in use, as {@link activeTags}. */
export async function loadStructureTags(file?: string, wanted?: readonly string[]): Promise<ActiveTags> {
  return activeTags(await loadCueFile(file ?? DEFAULT_STRUCTURE_RULES), wanted);
}
