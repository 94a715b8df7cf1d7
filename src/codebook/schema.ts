import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, fail, type ReflectMessage } from '../messages.js';
import { didYouMean } from '../text/closest.js';
import { shippedFile } from './shipped.js';
import type { YamlLocator } from './yaml-file.js';

/** The part of a JSON Schema that key hints read: properties, `$ref`s, list items. */
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
}

/** Checks parsed data against one of the shipped JSON Schemas; one located message per problem. */
export type ShapeCheck = (data: unknown, where: YamlLocator) => ReflectMessage[];

/**
 * Compiles a schema shipped in `codebooks/` (e.g. `codebook.schema.json`)
 * into a {@link ShapeCheck}; compiled once, on first use.
 */
export function shapeCheck(schemaFile: string): ShapeCheck {
  let schema: SchemaNode | undefined;
  let validate: ValidateFunction | undefined;
  return (data, where) => {
    schema ??= JSON.parse(readFileSync(shippedFile(schemaFile), 'utf8')) as SchemaNode;
    validate ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    if (validate(data)) return [];
    return (validate.errors ?? []).map((error) => toMessage(error, data, where, schema!));
  };
}

/** The schema node that describes the value at `path`, following `$ref`s and list items. */
function nodeAt(root: SchemaNode, path: readonly (string | number)[]): SchemaNode | undefined {
  const resolve = (node: SchemaNode | undefined): SchemaNode | undefined =>
    node?.$ref ? resolve(root.definitions?.[node.$ref.replace('#/definitions/', '')]) : node;
  let node = resolve(root);
  for (const part of path) node = resolve(typeof part === 'number' ? node?.items : node?.properties?.[part]);
  return node;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping of keys to values',
  'string,number': 'a text or a number',
};

function toMessage(error: ErrorObject, data: unknown, where: YamlLocator, schema: SchemaNode): ReflectMessage {
  const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const value = valueAt(data, path);
  const label = labelOf(path, data);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(nodeAt(schema, path)?.properties ?? {});
      return fail(`${label}: unknown key "${key}"${didYouMean(key, allowed)}; expected one of ${allowed.join(', ')}`, 'codebook-schema', where.place(path, key));
    }
    case 'required':
      return fail(`${label}: expected a "${String(params.missingProperty)}" key, got none`, 'codebook-schema', where.place(path));
    case 'type':
      return fail(`${label}: expected ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, got ${describe(value)}`, 'codebook-schema', where.place(path));
    case 'minItems':
      return fail(`${label}: expected at least ${String(params.limit)} item, got an empty list`, 'codebook-schema', where.place(path));
    case 'minLength':
      return fail(`${label}: expected some text, got an empty text`, 'codebook-schema', where.place(path));
    case 'enum':
      return fail(`${label}: expected one of ${((params.allowedValues as unknown[]) ?? []).join(', ')}, got ${describe(value)}`, 'codebook-schema', where.place(path));
    case 'pattern':
      return fail(`${label}: expected ${PATTERN_WORDS[String(path.at(-1))] ?? PATTERN_WORDS.code}, got ${describe(value)}`, 'codebook-schema', where.place(path));
    default:
      return fail(`${label}: ${error.message ?? 'is not valid'}`, 'codebook-schema', where.place(path));
  }
}

/** What a key with a pattern must hold, in words, by key. */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  code: 'a short code that starts with a letter and has only letters, digits, "_", "." or "-"',
  guid: 'a GUID such as 3a9e1b2c-0d4f-4e5a-8b6c-7d8e9f0a1b2c',
  colour: 'a colour as #RRGGBB, such as #2E86C1',
};

/** Lists whose items are named by one of their keys in messages: codes by `code`, cues by `cue`, notes by `note`. */
const NAMED_LISTS: Record<string, string> = { codes: 'code', cues: 'cue', notes: 'note' };

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}

/** A reader's name for a place in the codebook: `code "CO" > keywords > item 2`, `code "EV" > cue "intensifiers"`. */
function labelOf(path: readonly (string | number)[], data: unknown): string {
  if (path.length === 0) return 'codebook';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const named = NAMED_LISTS[String(path[i - 1])];
    if (named && typeof part === 'number') {
      const name = valueAt(data, [...path.slice(0, i + 1), named]);
      parts.pop();
      parts.push(typeof name === 'string' ? `${named} "${name}"` : `${named} ${part + 1}`);
    } else if (typeof part === 'number') {
      parts.push(`item ${part + 1}`);
    } else {
      parts.push(part);
    }
  }
  return parts.join(' > ');
}
