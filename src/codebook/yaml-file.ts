import { readFile, stat } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isPair, isScalar, visit, type Document, type Node } from 'yaml';
import { fail, ioReason, type ReflectMessage } from '../messages.js';

/** Locates YAML nodes by their path and turns offsets into line:column places. */
export interface YamlLocator {
  /** Place of the node at `path` (a key's place when `key` is given), or of the nearest parent that exists. */
  place(path: readonly (string | number)[], key?: string): { file: string; line: number; column: number };
}

function locator(file: string, doc: Document, lines: LineCounter): YamlLocator {
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  return {
    place(path, key) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
        if (!node || !node.range) continue;
        if (key !== undefined && depth === path.length && isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
          if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
        }
        return at(node.range[0]);
      }
      return at(0);
    },
  };
}

/** Most copies YAML aliases may make of a node: a guard against "billion laughs" files. */
const MAX_ALIASES = 100;

/** Largest codebook or cue file read: real ones are a few kilobytes. */
const MAX_CODEBOOK_BYTES = 1024 * 1024;

function firstAlias(doc: Document, lines: LineCounter, file: string): { file: string; line: number; column: number } {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const { line, col } = lines.linePos(offset);
  return { file, line, column: col };
}

/** A parsed YAML file: its data and a locator, or the syntax errors found. */
export type ParsedYaml = { data: unknown; where: YamlLocator; messages: ReflectMessage[] } | { data?: undefined; where?: undefined; messages: ReflectMessage[] };

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').toLowerCase();
}

/** Parses YAML text; every syntax error becomes a located `codebook-yaml` message, an alias bomb a `codebook-aliases` one. */
export function parseYaml(source: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      messages: doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return fail(`expected valid YAML, got ${firstSentence(error.message)}`, 'codebook-yaml', { file, line, column: col });
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { messages: [fail(`expected aliases (*name) that expand to a reasonable size, got aliases that would make more than ${MAX_ALIASES} copies; write the lists out instead`, 'codebook-aliases', firstAlias(doc, lines, file))] };
  }
  return { data, where: locator(file, doc, lines), messages: [] };
}

/** Reads a YAML file's text (a leading BOM removed), or a `codebook-unreadable` or `codebook-too-large` message naming it. */
export async function readYamlSource(file: string): Promise<string | ReflectMessage> {
  try {
    const { size } = await stat(file);
    if (size > MAX_CODEBOOK_BYTES) {
      return fail(`expected a codebook of at most ${MAX_CODEBOOK_BYTES / 1024} KB, got ${Math.ceil(size / 1024)} KB; is this the right file?`, 'codebook-too-large', { file });
    }
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    return fail(`expected a codebook file to read, got ${ioReason(error)}`, 'codebook-unreadable', { file });
  }
}
