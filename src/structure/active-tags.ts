import { DEFAULT_STRUCTURE_MODEL, DEFAULT_STRUCTURE_RULES } from '../codebook/shipped.js';
import { fail } from '../messages.js';
import { loadCueFile, type CueFile, type NoteDef, type TagDef } from './cue-file.js';
import { loadModel, type StructureModel } from './model/model-file.js';

/** The tags a run uses, the notes that go with them, and what decides them: a trained model, or the cue file's cues. */
export interface ActiveTags {
  /** The cue file's name. */
  name: string;
  /** The cue file: the tags' names and descriptions, the notes, and (without a model) the cues. */
  file: CueFile;
  codes: TagDef[];
  notes: NoteDef[];
  /** The clause-type model that decides the tags; without it the cues do. */
  model?: StructureModel;
}

/** Where a run's structure tags come from: `structureRules` (a cue file) or `structureModel` (a trained model, the default). */
export interface TaggerChoice {
  structureRules?: string;
  structureModel?: string;
  structureTags?: readonly string[];
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

/**
 * Picks the tags in use of a model, named and noted as in `file` (the
 * shipped cue file): those in `wanted`, or all of the model's. A tag the
 * cue file does not describe is named by its code. The result's `file`
 * stands for the model (its path, name and description).
 */
function modelTags(file: CueFile, model: StructureModel, wanted?: readonly string[]): ActiveTags {
  const defs = model.tags.map((code) => file.codes.find((def) => def.code === code) ?? { code, name: code, description: '', optional: false, cues: [] });
  const pool: CueFile = { ...file, file: model.file, name: model.name, version: '', description: model.description, codes: defs };
  const picked = activeTags(pool, wanted && wanted.length > 0 ? wanted : model.tags);
  return { ...picked, model };
}

/**
 * Loads what tags a run's segments: the cue file given as
 * `structureRules`, or else the model given as `structureModel` (default:
 * the shipped model), named and noted by the shipped cue file. Both at
 * once is an `option-invalid` message.
 */
export async function loadStructureTagger(choice: TaggerChoice): Promise<ActiveTags> {
  if (choice.structureRules !== undefined && choice.structureModel !== undefined) throw fail(`expected either --structure-rules or --structure-model, got both ("${choice.structureRules}" and "${choice.structureModel}")`, 'option-invalid');
  if (choice.structureRules !== undefined) return loadStructureTags(choice.structureRules, choice.structureTags);
  const [file, model] = await Promise.all([loadCueFile(DEFAULT_STRUCTURE_RULES), loadModel(choice.structureModel ?? DEFAULT_STRUCTURE_MODEL)]);
  return modelTags(file, model, choice.structureTags);
}

/** Loads a cue file (default: the shipped Labov & Waletzky cues) and picks its tags in use, as {@link activeTags}. */
export async function loadStructureTags(file?: string, wanted?: readonly string[]): Promise<ActiveTags> {
  return activeTags(await loadCueFile(file ?? DEFAULT_STRUCTURE_RULES), wanted);
}
