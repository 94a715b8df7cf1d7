// Benchmark: times the whole analyse pipeline on many accounts and the
// segmenters on one very long account. Run with `npm run bench`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { analyse, split } from '../dist/index.js';

const accounts = parse(readFileSync(new URL('../samples/accounts.csv', import.meta.url)), { columns: true, bom: true });
const count = Number(process.env.BENCH_ACCOUNTS ?? 10000);
const folder = mkdtempSync(join(tmpdir(), 'reflect-code-bench-'));
const input = join(folder, 'accounts.csv');
const rows = Array.from({ length: count }, (_, i) => ({ ...accounts[i % accounts.length], participant: `P${i + 1}` }));
writeFileSync(input, stringify(rows, { header: true }));

// Wall time, and this process's CPU time beside it: on a busy machine the
// CPU time shows what the work itself costs.
function time(label, fn) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = fn();
  return Promise.resolve(result).then((value) => {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    console.log(`${label}: ${seconds.toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)`);
    return { value, seconds };
  });
}

const { value, seconds } = await time(`analyse ${count} accounts (${(readFileSync(input).length / 1e6).toFixed(1)} MB, clause units)`, () =>
  analyse({ inputs: [input], out: join(folder, 'out') }),
);
console.log(`  ${value.segments} segments, ${Math.round(value.segments / seconds)} segments/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

const long = accounts.map((a) => a.text).join(' ').repeat(Math.ceil(1e6 / accounts.map((a) => a.text).join(' ').length)).slice(0, 1e6);
for (const unit of ['sentence', 'clause', 'line']) {
  const { value: spans } = await time(`split one 1 MB account into ${unit}s`, () => split(long, unit));
  console.log(`  ${spans.length} ${unit}s`);
}
rmSync(folder, { recursive: true, force: true });

// Structure tagging alone: 100,000 clauses of the sample accounts, cut
// beforehand so that only the tagger (part-of-speech tagging, features,
// the cue verdicts and the model's scores) is timed.
const { loadStructureTagger, structureScorer } = await import('../dist/index.js');
const tagger = structureScorer(await loadStructureTagger({}));
const work = [];
for (let i = 0, clauses = 0; clauses < 100000; i++) {
  const text = accounts[i % accounts.length].text;
  const spans = split(text, 'clause').slice(0, 100000 - clauses);
  work.push([text, spans]);
  clauses += spans.length;
}
await time('tag 100,000 clauses with the structure model', () => {
  for (const [text, spans] of work) tagger(text, spans);
});
