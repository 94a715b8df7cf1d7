import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAccounts, planInputs, ReflectMessage } from '../src/index.js';
import { cli, QUICK, tempDir } from './helpers/cli.js';
import { runs } from './helpers/long.js';

/** Keys a JavaScript object holds by inheritance, and others that break naive code. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__', 'isPrototypeOf'];

/** A folder or link name. */
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/);

describe('hostile paths, keys and tokens (property-based)', () => {
  it('a symbolic link as --out that leads to an input, or to a folder holding one, is refused and the input stays as it was', async () => {
    await fc.assert(
      fc.asyncProperty(name, name, fc.nat(2), fc.constantFrom('check', 'analyse'), async (folderName, linkName, depth, command) => {
        const root = tempDir();
        const data = join(root, ...Array.from({ length: depth }, (_, i) => `${folderName}${i}`), 'data');
        mkdirSync(data, { recursive: true });
        const input = join(data, 'accounts.csv');
        const original = 'participant,text\nA1,I rang Jo Bloggs on 07700 900123.\n';
        writeFileSync(input, original);
        // The link leads to the data folder itself, or to one of the folders above it.
        const target = join(data, ...Array.from({ length: depth }, () => '..'));
        const link = join(root, `${linkName}-link`);
        symlinkSync(target, link);
        const args = command === 'check' ? ['check', input, '--redact', '--out', link, '--force'] : ['analyse', input, ...QUICK, '--out', link, '--force'];
        const run = await cli(args);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/\[out-(holds-input|in-input)\]\n$/);
        expect(readFileSync(input, 'utf8')).toBe(original);
      }),
      { numRuns: runs(8) },
    );
  });

  it('columns and JSONL keys named like an object\'s own properties keep their values, in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(PROTOTYPE_KEYS, { minLength: 1 }), fc.array(fc.stringMatching(/^[a-z0-9 ]{0,12}$/), { minLength: 8, maxLength: 8 }), fc.boolean(), async (keys, values, jsonl) => {
        const folder = tempDir();
        const input = join(folder, jsonl ? 'accounts.jsonl' : 'accounts.csv');
        const record: Array<[string, string]> = [['participant', 'A1'], ...keys.map((key, i): [string, string] => [key, values[i]]), ['text', 'I felt calm.']];
        if (jsonl) writeFileSync(input, `{${record.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}\n`);
        else writeFileSync(input, `${record.map(([key]) => key).join(',')}\n${record.map(([, value]) => value).join(',')}\n`);
        const out = join(folder, 'out');
        const run = await cli(['analyse', input, ...QUICK, '--out', out, '--no-report']);
        expect(run.stderr).toBe('');
        const rows = parse(readFileSync(join(out, 'segments.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
        const row = rows[0];
        for (const [i, key] of keys.entries()) expect(Object.getOwnPropertyDescriptor(row, key)?.value, key).toBe(values[i]);
      }),
      { numRuns: runs(10) },
    );
  });

  it('an account with a long token anywhere is coded when the token is 200 characters or fewer, else skipped with a located warning, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 150, max: 20_000 }), fc.constantFrom('x', '9', 'é', '-', '_'), fc.nat(3), fc.boolean(), async (length, unit, before, txt) => {
        const folder = tempDir();
        const token = unit.repeat(length);
        const text = `${'I felt calm. '.repeat(before)}${token} and then I rang her.`;
        const input = txt ? join(folder, 'P1.txt') : join(folder, 'accounts.csv');
        writeFileSync(input, txt ? text : `participant,text\nP1,${text}\n`);
        const items: Array<unknown> = [];
        for await (const item of loadAccounts(await planInputs([input]))) items.push(item);
        const longest = Math.max(...text.split(/\s+/).map((word) => word.length));
        if (longest <= 200) {
          expect(items).toHaveLength(1);
          expect((items[0] as { participant: string }).participant).toBe('P1');
        } else {
          expect(items).toHaveLength(1);
          const message = items[0] as ReflectMessage;
          expect(message).toBeInstanceOf(ReflectMessage);
          expect([message.ruleId, message.fatal, message.file]).toEqual(['input-word-too-long', false, input]);
        }
      }),
      { numRuns: runs(30) },
    );
  });
});
