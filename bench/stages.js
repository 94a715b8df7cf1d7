// Where the coding's time goes: the stages `analyse` runs on each account,
// timed one by one on one thread over 2,000 accounts of the benchmark
// corpus (after 500 accounts of warm-up), without reading or writing
// files. Part of `npm run bench`; alone: `node bench/stages.js` after a build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadBooks } from '../dist/run/books.js';
import { codeAccount } from '../dist/run/coded.js';
import { runStages } from '../dist/run/stages.js';
import { tagAccount } from '../dist/structure/grammar.js';
import { wordTokens } from '../dist/words/tag.js';
import { writeCorpus } from './corpus.js';

const ACCOUNTS = 2000;
const WARM_UP = 500;

const folder = mkdtempSync(join(tmpdir(), 'reflect-code-stages-'));
let rows;
try {
  const file = join(folder, 'accounts.csv');
  writeCorpus(file, ACCOUNTS + WARM_UP, 7);
  rows = parse(readFileSync(file), { columns: true });
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const accounts = rows.map((row, i) => ({ participant: row.participant, text: row.text, metadata: { setting: row.setting }, file: 'bench', line: i + 2 }));

const stages = runStages(await loadBooks({ unit: 'clause' }));
const names = ['part-of-speech tagging (wink-nlp)', 'word tokens, lemmas', 'clause cutting', 'theme matching', 'structure model', 'anonymity check'];
const spent = new Array(names.length).fill(0n);
const timed = (i, work) => (doc) => {
  const start = process.hrtime.bigint();
  work(doc);
  spent[i] += process.hrtime.bigint() - start;
};
// The tagging and word tokens are shared by the stages and kept for the
// account, so timing them first leaves the stages only their own work.
const all = [timed(0, (doc) => tagAccount(doc.text)), timed(1, (doc) => wordTokens(doc.text)), ...stages.map((stage, i) => timed(i + 2, stage))];

for (const account of accounts.slice(0, WARM_UP)) codeAccount(account, all, ['setting']);
spent.fill(0n);
const measured = accounts.slice(WARM_UP);
const start = process.hrtime.bigint();
for (const account of measured) codeAccount(account, all, ['setting']);
const total = Number(process.hrtime.bigint() - start) / 1e9;
const mb = measured.reduce((sum, account) => sum + Buffer.byteLength(account.text), 0) / 1e6;
const rowsTime = total - Number(spent.reduce((a, b) => a + b, 0n)) / 1e9;
console.log(`code ${measured.length.toLocaleString('en-GB')} accounts (${mb.toFixed(2)} MB) on one thread: ${total.toFixed(2)} s, ${(mb / total).toFixed(2)} MB/s, ${(total / mb).toFixed(2)} s per MB`);
for (const [name, seconds] of [...names.map((name, i) => [name, Number(spent[i]) / 1e9]), ['segments.csv rows and grid rows', rowsTime]]) {
  console.log(`  ${name.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s  ${((100 * seconds) / total).toFixed(0).padStart(3)}%`);
}
