import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, fail, type ReflectMessage } from '../messages.js';
import { didYouMean } from '../text/closest.js';
import type { YamlLocator } from './read.js';
import { shippedFile } from './shipped.js';

/** The codebook JSON Schema shipped in `codebooks/codebook.schema.json`. */
export const CODEBOOK_SCHEMA = JSON.parse(readFileSync(shippedFile('codebook.schema.json'), 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: { code: { properties: Record<string, unknown> } };
};

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(CODEBOOK_SCHEMA);
  return compiled;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping of keys to values',
  'string,number': 'a text or a number',
};

/** Checks parsed codebook data against the JSON Schema; one located message per problem. */
export function validateShape(data: unknown, where: YamlLocator): ReflectMessage[] {
  const validate = validator();
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => toMessage(error, data, where));
}

function toMessage(error: ErrorObject, data: unknown, where: YamlLocator): ReflectMessage {
  const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const value = valueAt(data, path);
  const label = labelOf(path, data);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(path.length === 0 ? CODEBOOK_SCHEMA.properties : CODEBOOK_SCHEMA.definitions.code.properties);
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
    case 'pattern':
      return fail(`${label}: expected a short code that starts with a letter and has only letters, digits, "_", "." or "-", got ${describe(value)}`, 'codebook-schema', where.place(path));
    default:
      return fail(`${label}: ${error.message ?? 'is not valid'}`, 'codebook-schema', where.place(path));
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}

/** A reader's name for a place in the codebook: `code "CO" > keywords > item 2`. */
function labelOf(path: readonly (string | number)[], data: unknown): string {
  if (path.length === 0) return 'codebook';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (path[i - 1] === 'codes' && typeof part === 'number') {
      const code = valueAt(data, ['codes', part, 'code']);
      parts.pop();
      parts.push(typeof code === 'string' ? `code "${code}"` : `code ${part + 1}`);
    } else if (typeof part === 'number') {
      parts.push(`item ${part + 1}`);
    } else {
      parts.push(part);
    }
  }
  return parts.join(' > ');
}
