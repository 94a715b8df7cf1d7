import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { fail, type ReflectMessage } from '../messages.js';

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

/** A parsed YAML file: its data and a locator, or the syntax errors found. */
export type ParsedYaml = { data: unknown; where: YamlLocator; messages: ReflectMessage[] } | { data?: undefined; where?: undefined; messages: ReflectMessage[] };

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').toLowerCase();
}

/** Parses YAML text; every syntax error becomes a located `codebook-yaml` message. */
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
  return { data: doc.toJS({ maxAliasCount: 100 }), where: locator(file, doc, lines), messages: [] };
}

/** Reads a YAML file's text (a leading BOM removed), or a `codebook-unreadable` message naming it. */
export async function readYamlSource(file: string): Promise<string | ReflectMessage> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    return fail(`cannot read the codebook: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 'codebook-unreadable', { file });
  }
}
