// Benchmark: times `analyse` end to end (the real binary, in a child
// process) on generated corpora of 1,000, 10,000 and 67,000 accounts,
// against the floor of a plain search for the codebook's terms over the
// same file; then the segmenters on one very long account and the
// structure tagger alone. Run with `npm run bench`; choose the sizes with
// BENCH_SIZES=1000,10000 (a quick run).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DEFAULT_CODEBOOK, loadCodebook, split } from '../dist/index.js';
import { writeCorpus } from './corpus.js';

const BIN = fileURLToPath(new URL('../bin/reflect-code.js', import.meta.url));
const TIME = '/usr/bin/time';
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,67000').split(',').map(Number).filter((n) => n > 0);
const folder = mkdtempSync(join(tmpdir(), 'reflect-code-bench-'));

function seconds(since) {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** Runs the binary; returns wall seconds and (with GNU time) CPU seconds (user + system, all threads) and peak RSS in MB. */
function runAnalyse(input, out) {
  const args = [BIN, 'analyse', input, '--out', out, '--quiet'];
  const withTime = existsSync(TIME);
  const start = process.hrtime.bigint();
  const child = withTime ? spawnSync(TIME, ['-f', 'BENCH %e %M %U %S', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = seconds(start);
  if (child.status !== 0) throw new Error(`analyse failed (${child.status}): ${child.stderr}`);
  const measured = /BENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(child.stderr ?? '');
  return { wall, rss: measured ? Number(measured[2]) / 1024 : undefined, cpu: measured ? Number(measured[3]) + Number(measured[4]) : undefined };
}

/** The floor: one pass of a case-insensitive search for every literal term of the codebook over the file, in Node. */
async function nodeScan(input, terms) {
  const words = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`\\b(?:${words.join('|')})`, 'gi');
  const start = process.hrtime.bigint();
  let hits = 0;
  let tail = '';
  for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = tail + chunk;
    const cut = text.lastIndexOf(' ');
    hits += (text.slice(0, cut).match(pattern) ?? []).length;
    tail = text.slice(cut);
  }
  hits += (tail.match(pattern) ?? []).length;
  return { wall: seconds(start), hits };
}

function ripgrep(input, terms) {
  if (spawnSync('rg', ['--version']).status !== 0) return undefined;
  const list = join(folder, 'terms.txt');
  writeFileSync(list, `${terms.join('\n')}\n`);
  const start = process.hrtime.bigint();
  spawnSync('rg', ['-c', '-i', '-F', '-f', list, input]);
  return seconds(start);
}

const codebook = await loadCodebook(DEFAULT_CODEBOOK);
const terms = [...new Set(codebook.codes.flatMap((code) => code.rules.filter((rule) => rule.kind === 'keywords' || rule.kind === 'phrases').map((rule) => rule.term.toLowerCase())))];
const mb = (bytes) => bytes / 1e6;

try {
  for (const size of sizes) {
    const input = join(folder, `accounts-${size}.csv`);
    const { bytes, sentences } = writeCorpus(input, size);
    const run = runAnalyse(input, join(folder, `out-${size}`));
    const floor = await nodeScan(input, terms);
    const rg = ripgrep(input, terms);
    const rate = mb(bytes) / run.wall;
    console.log(`analyse ${size.toLocaleString('en-GB')} accounts (${mb(bytes).toFixed(1)} MB, ${sentences.toLocaleString('en-GB')} sentences, clause units, with the report): ${run.wall.toFixed(1)} s (CPU ${run.cpu === undefined ? '?' : `${run.cpu.toFixed(0)} s`}), ${rate.toFixed(2)} MB/s, peak RSS ${run.rss === undefined ? 'not measured (no /usr/bin/time)' : `${run.rss.toFixed(0)} MB`}`);
    console.log(`  floor, a plain search for the codebook's ${terms.length} terms in Node: ${floor.wall.toFixed(2)} s, ${(mb(bytes) / floor.wall).toFixed(1)} MB/s; analyse takes ${(run.wall / floor.wall).toFixed(0)} times as long${rg === undefined ? '' : `; rg: ${rg.toFixed(2)} s, ${(mb(bytes) / rg).toFixed(0)} MB/s`}`);
    rmSync(join(folder, `out-${size}`), { recursive: true, force: true });
    rmSync(input, { force: true });
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function time(label, fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  console.log(`${label}: ${seconds(start).toFixed(2)} s`);
  return value;
}

const accounts = parse(readFileSync(new URL('../samples/accounts.csv', import.meta.url)), { columns: true, bom: true });
const long = accounts.map((a) => a.text).join(' ').repeat(Math.ceil(1e6 / accounts.map((a) => a.text).join(' ').length)).slice(0, 1e6);
for (const unit of ['sentence', 'clause', 'line']) {
  const spans = time(`split one 1 MB account into ${unit}s`, () => split(long, unit));
  console.log(`  ${spans.length} ${unit}s`);
}

// Structure tagging alone: 100,000 clauses of the sample accounts, cut
// beforehand so that only the tagger (part-of-speech tagging, features,
// the cue verdicts and the model's scores) is timed. The tagger first
// warms up on 10,000 other clauses (as a run does on its first accounts);
// each of three passes gets fresh span objects, as a run's segments are;
// the median pass is the figure. Target: under 5 s.
const { loadStructureTagger, structureScorer } = await import('../dist/index.js');
const tagger = structureScorer(await loadStructureTagger({}));
const work = [];
for (let i = 0, clauses = 0; clauses < 110000; i++) {
  const text = accounts[i % accounts.length].text;
  const spans = split(text, 'clause').slice(0, 110000 - clauses);
  work.push([text, spans]);
  clauses += spans.length;
}
const warmUp = work.splice(0, Math.round(work.length / 11));
for (const [text, spans] of warmUp) tagger(text, spans);
const passes = [];
for (let pass = 0; pass < 3; pass++) {
  const fresh = work.map(([text, spans]) => [text, spans.map((span) => ({ ...span }))]);
  const start = process.hrtime.bigint();
  for (const [text, spans] of fresh) tagger(text, spans);
  passes.push(seconds(start));
}
const median = [...passes].sort((a, b) => a - b)[1];
console.log(`tag 100,000 clauses with the structure model (target under 5 s): ${median.toFixed(2)} s (median of ${passes.map((s) => s.toFixed(2)).join(', ')})`);
