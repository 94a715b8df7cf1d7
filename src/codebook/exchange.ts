import { EXPORT_FORMATS, type ExportFormat } from './formats.js';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fail, type ReflectMessage } from '../messages.js';
import { writeSingleFile } from '../write/single-file.js';
import { draftYaml, schemaComment, toDraft, type Draft } from './draft.js';
import { parseLiwcDic, readLiwcDicx, type Imported } from './import-liwc.js';
import { fromQuanteda } from './import-quanteda.js';
import { fromQdc, toQdc } from '../exchange/qdc.js';
import { parseCodebook } from './read.js';
import { shippedFile } from './shipped.js';
import { parseYaml, readYamlSource } from './yaml-file.js';

export { EXPORT_FORMATS, type ExportFormat };

/** The file types import reads, by extension. */
const IMPORTS = '.dic (LIWC), .dicx (LIWC-22), .yaml or .yml (a reflect-code codebook or a quanteda dictionary), .qdc (REFI-QDA)';

async function source(file: string): Promise<string> {
  const text = await readYamlSource(file);
  if (typeof text !== 'string') throw text;
  return text;
}

/**
 * Reads a codebook from any format reflect-code exchanges: a LIWC `.dic`,
 * a LIWC-22 `.dicx`, a REFI-QDA `.qdc`, a quanteda YAML dictionary or a
 * reflect-code YAML codebook (told apart by its `codes:` list; it must be
 * valid). Returns a draft and warnings for what could not be kept.
 */
export async function importCodebook(file: string): Promise<Imported> {
  const name = basename(file, extname(file));
  switch (extname(file).toLowerCase()) {
    case '.dic':
      return parseLiwcDic(await source(file), file, name);
    case '.dicx':
      return readLiwcDicx(file, name);
    case '.qdc':
      return fromQdc(await source(file), file, name);
    case '.yaml':
    case '.yml': {
      const text = await source(file);
      const { data, where, messages } = parseYaml(text, file);
      if (!where) throw messages[0];
      if (typeof data === 'object' && data !== null && 'codes' in data) {
        const { codebook, messages: problems } = parseCodebook(text, file);
        if (!codebook) throw problems[0];
        return { draft: toDraft(codebook), messages: [] };
      }
      return fromQuanteda(data, where, file, name);
    }
    default:
      throw fail(`expected a codebook file of a known type, ${IMPORTS}; got "${extname(file) || 'no extension'}"`, 'import-unknown-type', { file });
  }
}

/** Options of {@link exportCodebook}. */
export interface ExportOptions {
  format: ExportFormat;
  /** File to write; undefined returns the text only. */
  out?: string;
  /** Replace an existing output file. */
  force?: boolean;
}

/** The text of a draft in a format; YAML names the shipped schema relative to `out` (or to the working folder). */
function formatDraft(draft: Draft, format: ExportFormat, out?: string, header: readonly string[] = []): string {
  if (!EXPORT_FORMATS.includes(format)) throw fail(`expected --format to be one of ${EXPORT_FORMATS.join(', ')}, got "${String(format)}"`, 'option-invalid');
  return format === 'qdc' ? toQdc(draft) : draftYaml(draft, out, header);
}

/** Writes the commented starter codebook (`codebooks/starter.yaml`) to `out`, its schema line pointing at the shipped schema. */
export async function initCodebook(out: string, options: { force?: boolean } = {}): Promise<void> {
  const starter = await readFile(shippedFile('starter.yaml'), 'utf8');
  await writeSingleFile(out, starter.replace(/^.*\n/, `${schemaComment(out)}\n`), options);
}

/**
 * Converts a codebook file (any format {@link importCodebook} reads) to
 * REFI-QDA `.qdc` or reflect-code YAML, written atomically to `out` when
 * given. Returns the text and the warnings of the import.
 */
export async function exportCodebook(file: string, options: ExportOptions): Promise<{ text: string; messages: ReflectMessage[] }> {
  const { draft, messages } = await importCodebook(file);
  const header = options.format === 'yaml' ? [`Converted from ${basename(file)} by reflect-code. Check the rules before you use it.`] : [];
  const text = formatDraft(draft, options.format, options.out, header);
  if (options.out) await writeSingleFile(options.out, text, { force: options.force, inputs: [file] });
  return { text, messages };
}
