import type { ReflectMessage } from '../messages.js';
import { shapeCheck } from './schema.js';
import { checkCodes, checkRules } from './terms.js';
import type { CodeDef, Codebook } from './types.js';
import { parseYaml, readYamlSource } from './yaml-file.js';

/** Result of reading a codebook: the codebook when valid, and every problem found. */
export interface CodebookResult {
  codebook?: Codebook;
  messages: ReflectMessage[];
}

const checkShape = shapeCheck('codebook.schema.json');

/**
 * Parses and validates codebook YAML text. Every problem is reported at
 * once, each with `file:line:column`; the codebook is returned only when
 * there are none.
 */
export function parseCodebook(source: string, file: string): CodebookResult {
  const { data, where, messages } = parseYaml(source, file);
  if (!where) return { messages };
  messages.push(...checkShape(data, where));
  if (messages.length > 0) return { messages };
  const raw = data as RawCodebook;
  const codes = raw.codes.map(toCodeDef);
  messages.push(...checkCodes(codes, undefined, where));
  codes.forEach((code, index) => messages.push(...checkRules(code, `code "${code.code}"`, ['codes', index], where)));
  if (messages.length > 0) return { messages };
  return {
    codebook: { file, name: raw.name, version: raw.version === undefined ? '' : String(raw.version), description: raw.description ?? '', codes },
    messages,
  };
}

/**
 * Reads and validates a codebook file; throws the first problem as a fatal
 * message (rule ids `codebook-unreadable`, `codebook-too-large`, `codebook-yaml`,
 * `codebook-aliases`, `codebook-schema`, `codebook-duplicate-code`, `codebook-bad-term`).
 */
export async function loadCodebook(file: string): Promise<Codebook> {
  const { codebook, messages } = await readCodebook(file);
  if (!codebook) throw messages[0];
  return codebook;
}

/** Like {@link loadCodebook}, but returns every problem instead of throwing. */
export async function readCodebook(file: string): Promise<CodebookResult> {
  const source = await readYamlSource(file);
  return typeof source === 'string' ? parseCodebook(source, file) : { messages: [source] };
}

/** The codebook as plain data, after its shape has been validated. */
interface RawCodebook {
  name: string;
  version?: string | number;
  description?: string;
  codes: Array<Partial<CodeDef> & { code: string; name: string }>;
}

function toCodeDef(raw: RawCodebook['codes'][number]): CodeDef {
  return {
    code: raw.code,
    name: raw.name,
    description: raw.description ?? '',
    aliases: raw.aliases ?? [],
    keywords: raw.keywords ?? [],
    phrases: raw.phrases ?? [],
    patterns: raw.patterns ?? [],
  };
}
