import { readFile, stat } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isPair, isScalar, visit, type Document, type Node } from 'yaml';
import { fail, type ReflectMessage } from '../messages.js';
import { validateShape } from './schema.js';
import { checkTerms } from './terms.js';
import type { CodeDef, Codebook } from './types.js';

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

/** Result of reading a codebook: the codebook when valid, and every problem found. */
export interface CodebookResult {
  codebook?: Codebook;
  messages: ReflectMessage[];
}

/** Most copies YAML aliases may make of a node: a guard against "billion laughs" files. */
const MAX_ALIASES = 100;

/** Largest codebook file read: real codebooks are a few kilobytes. */
export const MAX_CODEBOOK_BYTES = 1024 * 1024;

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

/**
 * Parses and validates codebook YAML text. Every problem is reported at
 * once, each with `file:line:column`; the codebook is returned only when
 * there are none.
 */
export function parseCodebook(source: string, file: string): CodebookResult {
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
  const where = locator(file, doc, lines);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { messages: [fail(`expected aliases (*name) that expand to a reasonable size, got aliases that would make more than ${MAX_ALIASES} copies; write the lists out instead`, 'codebook-aliases', firstAlias(doc, lines, file))] };
  }
  const messages = validateShape(data, where);
  if (messages.length > 0) return { messages };
  const raw = data as RawCodebook;
  const codes = raw.codes.map(toCodeDef);
  messages.push(...checkTerms(raw, codes, where));
  if (messages.length > 0) return { messages };
  return {
    codebook: {
      file,
      name: raw.name,
      version: raw.version === undefined ? '' : String(raw.version),
      description: raw.description ?? '',
      defaultCode: raw.default_code,
      codes,
    },
    messages,
  };
}

/**
 * Reads and validates a codebook file; throws the first problem as a fatal
 * message (rule ids `codebook-unreadable`, `codebook-too-large`, `codebook-yaml`,
 * `codebook-aliases`, `codebook-schema`,
 * `codebook-duplicate-code`, `codebook-bad-term`, `codebook-unknown-default`).
 */
export async function loadCodebook(file: string): Promise<Codebook> {
  const { codebook, messages } = await readCodebook(file);
  if (!codebook) throw messages[0];
  return codebook;
}

/** Like {@link loadCodebook}, but returns every problem instead of throwing. */
export async function readCodebook(file: string): Promise<CodebookResult> {
  let source: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_CODEBOOK_BYTES) {
      return { messages: [fail(`expected a codebook of at most ${MAX_CODEBOOK_BYTES / 1024} KB, got ${Math.ceil(size / 1024)} KB; is this the right file?`, 'codebook-too-large', { file })] };
    }
    source = await readFile(file, 'utf8');
  } catch (error) {
    return { messages: [fail(`cannot read the codebook: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 'codebook-unreadable', { file })] };
  }
  return parseCodebook(source.replace(/^\uFEFF/, ''), file);
}

/** The codebook as plain data, after its shape has been validated. */
export interface RawCodebook {
  name: string;
  version?: string | number;
  description?: string;
  default_code?: string;
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

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').toLowerCase();
}
