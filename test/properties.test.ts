import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outermost } from '../src/codebook/match.js';
import { analyse, codeThemes, DEFAULT_CODEBOOK, loadCodebook, loadAccounts, planInputs, ReflectMessage, segment, tagStructure, toDoc, UNITS } from '../src/index.js';
import { csvRecords } from '../src/load/csv.js';
import { loadStructureTags } from '../src/structure/active-tags.js';
import { compileGlob } from '../src/text/glob.js';
import { BOM, toCsv } from '../src/write/csv.js';
import { findIdentifiers } from '../src/check/find.js';
import { findNames } from '../src/check/names.js';
import { DETECTORS } from '../src/check/patterns.js';
import { tempDir } from './helpers/cli.js';
import { runs } from './helpers/long.js';

/** Characters that break naive CSV writers, segmenters and spreadsheets. */
const AWKWARD = fc.constantFrom('"', ',', ';', '\t', '\n', '\r', '\r\n', '=', '+', '-', '@', "'", '\uFEFF', '.', '!?', '…', ' ', '\u2028', '👩🏽‍⚕️', 'é', 'Mr. ', 'A.');

/** Arbitrary Unicode text (whole code points and graphemes) salted with awkward characters. */
const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), AWKWARD), { maxLength: 30 }).map((parts) => parts.join(''));

/** Text that survives UTF-8: no lone surrogate halves. */
const storable = text.map((value) => value.toWellFormed());

/** Text an account can hold: storable, and no NUL (binary data, refused on input). */
const accountText = storable.map((value) => value.replaceAll('\0', ''));

const codebook = await loadCodebook(DEFAULT_CODEBOOK);
const rules = await loadStructureTags();

describe('segments (property-based)', () => {
  it.each(UNITS)('%s segments slice back to their text, in order, never overlapping', (unit) => {
    const stages = [segment({ unit }), codeThemes({ codebook }), tagStructure({ tags: rules })];
    fc.assert(
      fc.property(text, (value) => {
        const doc = toDoc({ participant: 'P', text: value, source: { file: 'x', line: 1 }, metadata: {} });
        for (const stage of stages) stage(doc);
        let previousEnd = 0;
        for (const s of doc.segments) {
          expect(s.text).toBe(value.slice(s.start, s.end));
          expect(s.start).toBeGreaterThanOrEqual(previousEnd);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(value.length);
          expect(s.structure).toBeDefined();
          previousEnd = s.end;
        }
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('CSV round trip (property-based)', () => {
  it('every CSV written parses back to the same cells', async () => {
    const folder = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(accountText, accountText, accountText), { maxLength: 8 }), async (rows) => {
        const file = join(folder, 'round-trip.csv');
        const header = ['participant', 'segment', 'text'];
        writeFileSync(file, BOM + toCsv([header, ...rows]));
        const cells: string[][] = [];
        for await (const record of csvRecords(file, { unescapeFormulas: true })) cells.push(record.cells);
        expect(cells).toEqual([header, ...rows]);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('hostile inputs (property-based)', () => {
  it('arbitrary bytes as a CSV either load or stop with a located message, never crash', async () => {
    const folder = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), storable.map((value) => Buffer.from(`participant,text\n${value}`))), async (bytes) => {
        const file = join(folder, 'input.csv');
        writeFileSync(file, bytes);
        try {
          const plan = await planInputs([file]);
          for await (const item of loadAccounts(plan)) expect(item).toBeDefined();
        } catch (error) {
          if (!(error instanceof ReflectMessage)) throw error;
          expect(error.toString()).not.toContain('\n');
          expect(error.file).toBe(file);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('arbitrary Unicode accounts go through the whole pipeline and come back from segments.csv unchanged', async () => {
    // IDs as the loader reads them: trimmed, and otherwise as written (a leading ' is the user's).
    const id = (value: string) => value.trim();
    // NUL marks binary data and is refused (see above); everything else must go through.
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(accountText.filter((value) => id(value) !== ''), accountText), { selector: ([value]) => id(value), minLength: 1, maxLength: 4 }), async (accounts) => {
        const folder = tempDir();
        const input = join(folder, 'accounts.csv');
        // Written plainly (not by toCsv, which guards formulas), as another program would.
        writeFileSync(input, stringify([['participant', 'text'], ...accounts], { quoted: true }));
        const out = join(folder, 'out');
        await analyse({ inputs: [input], out, unit: 'sentence' });
        const rows: string[][] = [];
        for await (const { cells } of csvRecords(join(out, 'segments.csv'), { unescapeFormulas: true })) rows.push(cells);
        for (const [participant, start, end, segmentText] of rows.slice(1).map((row) => [row[0], Number(row[2]), Number(row[3]), row[4]] as const)) {
          const original = accounts.find(([value]) => id(value) === participant)![1].replace(/^\uFEFF/, '');
          // Offsets count code points, as Python and R slice strings.
          expect(segmentText).toBe([...original].slice(start, end).join(''));
        }
      }),
      { numRuns: runs(40) },
    );
  });
});

describe('anonymity check (property-based)', () => {
  /** Pieces of text the detectors find, run together and apart. */
  const piece = fc.constantFrom('Priya', 'Dr', ' Smith', '07700 900123', '@jane_doe', 'jo@care.example', 'M1 1AE', 'm1 1ae', '14 Acacia Avenue', 'QQ 12 34 56 C', '943 476 5919', '1985-03-12', 'www.care.example', 'SARAH', 'Rose', ' ', '.', ',', '-', '0', '1', 'a', '@');

  it('findings come in text order, never overlap, and are those a pairwise check keeps (of two that overlap, the earlier detector\'s)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')), (value) => {
        const kept: Array<{ kind: string; start: number; end: number }> = [];
        for (const finding of [...DETECTORS.flatMap((detect) => detect(value)), ...findNames(value, new Set())]) {
          if (!kept.some((other) => finding.start < other.end && other.start < finding.end)) kept.push(finding);
        }
        expect(findIdentifiers(value)).toEqual(kept.sort((a, b) => a.start - b.start));
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe('globs (property-based)', () => {
  it('match exactly as the equivalent anchored regular expression does', () => {
    const oracle = (glob: string) => new RegExp(`^${[...glob].map((char) => (char === '*' ? "[\\p{L}\\p{N}']*" : char === '?' ? "[\\p{L}\\p{N}']" : char)).join('')}$`, 'iu');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'B', '*', '?'), maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', 'A', "'", 'é'), maxLength: 10 }), (glob, word) => {
        expect(compileGlob(glob).test(word)).toBe(oracle(glob).test(word));
      }),
      { numRuns: runs(3000) },
    );
  });
});

describe('outermost matches', () => {
  it('keeps exactly the matches no strictly longer match covers, as the pairwise check does', () => {
    const span = fc.tuple(fc.nat(30), fc.nat(8)).map(([start, length]) => ({ start, end: start + length + 1 }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (spans) => {
        const naive = spans.filter((m) => !spans.some((o) => o.end - o.start > m.end - m.start && o.start <= m.start && o.end >= m.end));
        expect(outermost(spans)).toEqual(naive);
      }),
      { numRuns: runs(500) },
    );
  });
});
