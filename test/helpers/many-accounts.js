// Writes a CSV of many accounts for tests and benchmarks of large runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const SAMPLES = new URL('../../samples/accounts.csv', import.meta.url);

/**
 * Writes `file`: `participants` accounts (P001, P002, ...) of `lines`
 * lines each, made from the sample accounts' sentences, so that
 * `--unit line` gives exactly participants x lines segments.
 * @param {string} file
 * @param {number} participants
 * @param {number} lines
 */
export function writeManyAccounts(file, participants, lines) {
  const sentences = parse(readFileSync(SAMPLES), { columns: true, bom: true })
    .flatMap((row) => row.text.split(/(?<=[.?!])\s+/))
    .filter((sentence) => sentence.trim() !== '');
  const width = String(participants).length;
  const rows = Array.from({ length: participants }, (_, p) => ({
    participant: `P${String(p + 1).padStart(width, '0')}`,
    text: Array.from({ length: lines }, (_, l) => sentences[(p * 7 + l) % sentences.length]).join('\n'),
  }));
  writeFileSync(file, stringify(rows, { header: true }));
}
