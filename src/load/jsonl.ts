import { createInterface } from 'node:readline';
import type { Account } from '../document.js';
import { describe, fail, type ReflectMessage } from '../messages.js';
import { makeAccount, metadataRecord } from './account.js';
import { decodedStream, detectEncoding } from './decode.js';
import type { OnWarning } from './text-reader.js';
import { columnsOf, type LoadOptions } from './options.js';

interface JsonLine {
  line: number;
  value: Record<string, unknown>;
}

/** The objects of a JSONL file, one a line; characters mended while decoding go to `onWarning`. */
async function* jsonLines(file: string, encoding: string | undefined, onWarning: OnWarning): AsyncGenerator<JsonLine> {
  const input = decodedStream(file, (await detectEncoding(file, encoding)).name, onWarning);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw fail(`expected one JSON object on the line, got invalid JSON (${(error as Error).message})`, 'jsonl-syntax', { file, line });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw fail(`expected one JSON object on the line, got ${describe(value)}`, 'jsonl-syntax', { file, line });
    }
    yield { line, value: value as Record<string, unknown> };
  }
}

function cell(value: unknown, key: string, place: { file: string; line: number }): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return withoutNul(value, `"${key}"`, place);
  if (deeperThan(value, DEEPEST_VALUE)) throw fail(`"${key}": expected text, a number or a shallow list, got a value nested more than ${DEEPEST_VALUE} levels deep`, 'input-too-deep', place);
  return JSON.stringify(value);
}

/** `text` itself; a NUL in it (written \u0000 in the JSON) is binary data, not text, and refused as a NUL byte in a file is. */
function withoutNul(text: string, what: string, place: { file: string; line: number }): string {
  if (text.includes('\0')) throw fail(`${what}: expected text, got a NUL character (\\u0000), which is binary data`, 'input-binary', place);
  return text;
}

/** Deepest nesting of lists and objects in a value that is written into a cell as JSON. */
const DEEPEST_VALUE = 32;

/** True when lists and objects nest more than `limit` levels in `value` (walked without recursion). */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Reads a whole JSONL file once to validate it and list its metadata keys, in first-seen order. */
export async function scanJsonl(file: string, options: LoadOptions): Promise<string[]> {
  const keys = new Set<string>();
  const wanted = columnsOf(options);
  // Characters mended while decoding are reported when the file is read for its accounts.
  for await (const { value } of jsonLines(file, options.encoding, () => {})) for (const key of Object.keys(value)) if (key !== wanted.id && key !== wanted.text) keys.add(key);
  return [...keys];
}

/** Streams the accounts of a JSONL file, one object per line; empty texts come out as warnings. */
export async function* readJsonl(file: string, options: LoadOptions): AsyncGenerator<Account | ReflectMessage> {
  const wanted = columnsOf(options);
  const mended: ReflectMessage[] = [];
  for await (const { line, value } of jsonLines(file, options.encoding, (message) => mended.push(message))) {
    yield* mended.splice(0);
    for (const [key, flag] of [[wanted.id, '--id-column'], [wanted.text, '--text-column']] as const) {
      if (!(key in value)) {
        throw fail(`expected a "${key}" key, got keys ${Object.keys(value).map((k) => `"${k}"`).join(', ') || 'none'}; name the right one with ${flag}`, 'input-missing-column', { file, line });
      }
    }
    const metadata = metadataRecord();
    const place = { file, line };
    for (const [key, item] of Object.entries(value)) if (key !== wanted.id && key !== wanted.text) metadata[withoutNul(key, 'a key', place)] = cell(item, key, place);
    yield makeAccount(cell(value[wanted.id], wanted.id, place), cell(value[wanted.text], wanted.text, place), metadata, file, line);
  }
  yield* mended.splice(0);
}
