import { fail, type ReflectMessage } from '../messages.js';
import { shapeCheck } from '../codebook/schema.js';
import { checkCodes, checkRules, type LexicalRules } from '../codebook/terms.js';
import { parseYaml, readYamlSource } from '../codebook/yaml-file.js';
import type { Feature } from './features.js';

/** One cue: a weight its tag gains when all its features hold and, if it has words, one matches. */
export interface Cue extends LexicalRules {
  cue: string;
  source: string;
  weight: number;
  features?: Feature[];
}

/** A structural tag and the cues that argue for it. */
export interface TagDef {
  code: string;
  name: string;
  description: string;
  /** Off unless chosen with `structureTags`. */
  optional: boolean;
  cues: Cue[];
}

/** A mark written in `structure_note` when a segment has `tag` and any of the cues holds. */
export interface NoteDef {
  note: string;
  tag: string;
  description: string;
  cues: Cue[];
}

/** A validated structure cue file (`codebooks/labov.yaml`). */
export interface CueFile {
  file: string;
  name: string;
  version: string;
  description: string;
  /** The tag of a segment no cue matches. */
  defaultCode: string;
  /** Every tag, in the order that wins a tied score (first wins). */
  tieOrder: string[];
  codes: TagDef[];
  notes: NoteDef[];
}

const checkShape = shapeCheck('structure.schema.json');

type RawCueFile = Omit<CueFile, 'file' | 'defaultCode' | 'tieOrder' | 'version' | 'codes' | 'notes'> & {
  version?: string | number;
  default_code: string;
  tie_order?: string[];
  codes: Array<Omit<TagDef, 'optional' | 'description'> & { optional?: boolean; description?: string }>;
  notes?: Array<Omit<NoteDef, 'description'> & { description?: string }>;
};

/**
 * Parses and validates a structure cue file; every problem is reported at
 * once with `file:line:column`, and the file is returned only when there
 * are none. Beyond the schema: codes are unique, `default_code`, each
 * note's `tag` and `tie_order` name codes, and every term is well formed.
 */
export function parseCueFile(source: string, file: string): { cues?: CueFile; messages: ReflectMessage[] } {
  const { data, where, messages } = parseYaml(source, file);
  if (!where) return { messages };
  messages.push(...checkShape(data, where));
  if (messages.length > 0) return { messages };
  const raw = data as RawCueFile;
  messages.push(...checkCodes(raw.codes, raw.default_code, where));
  raw.codes.forEach((code, i) => code.cues.forEach((cue, j) => messages.push(...checkRules(cue, `code "${code.code}" > cue "${cue.cue}"`, ['codes', i, 'cues', j], where))));
  (raw.notes ?? []).forEach((note, i) => {
    if (!raw.codes.some(({ code }) => code === note.tag)) {
      messages.push(fail(`note "${note.note}" > tag: expected one of the codes (${raw.codes.map((c) => c.code).join(', ')}), got "${note.tag}"`, 'codebook-unknown-tag', where.place(['notes', i, 'tag'])));
    }
    note.cues.forEach((cue, j) => messages.push(...checkRules(cue, `note "${note.note}" > cue "${cue.cue}"`, ['notes', i, 'cues', j], where)));
  });
  const order = raw.tie_order ?? [];
  const unknown = order.findIndex((tag) => !raw.codes.some(({ code }) => code === tag));
  if (unknown >= 0) messages.push(fail(`tie_order > item ${unknown + 1}: expected one of the codes (${raw.codes.map((c) => c.code).join(', ')}), got "${order[unknown]}"`, 'codebook-unknown-tag', where.place(['tie_order', unknown])));
  if (messages.length > 0) return { messages };
  const tieOrder = [...order, ...raw.codes.map(({ code }) => code).filter((code) => !order.includes(code))];
  const defaultCode = raw.codes.find(({ code }) => code.toLowerCase() === raw.default_code.toLowerCase())!.code;
  return {
    cues: {
      file,
      name: raw.name,
      version: raw.version === undefined ? '' : String(raw.version),
      description: raw.description ?? '',
      defaultCode,
      tieOrder,
      codes: raw.codes.map((code) => ({ ...code, description: code.description ?? '', optional: code.optional ?? false })),
      notes: (raw.notes ?? []).map((note) => ({ ...note, description: note.description ?? '' })),
    },
    messages,
  };
}

/** Reads and validates a structure cue file; throws its first problem as a fatal message. */
export async function loadCueFile(file: string): Promise<CueFile> {
  const source = await readYamlSource(file);
  if (typeof source !== 'string') throw source;
  const { cues, messages } = parseCueFile(source, file);
  if (!cues) throw messages[0];
  return cues;
}
