import { codeThemes } from './code/themes.js';
import { loadCodebook } from './codebook/read.js';
import { DEFAULT_CODEBOOK, DEFAULT_STRUCTURE_RULES } from './codebook/shipped.js';
import type { Codebook } from './codebook/types.js';
import { toDoc, type AccountDoc, type Transform } from './document.js';
import { loadAccounts, planInputs } from './load/inputs.js';
import type { LoadOptions } from './load/options.js';
import { fail, type ReflectMessage } from './messages.js';
import { segment, UNITS, type Unit } from './segment/index.js';
import { ReportGrids, writeReport } from './report/write.js';
import { metadataHeader, SEGMENT_COLUMNS, segmentCells, structureEvidence, themeEvidence } from './segments-format.js';
import { tagStructure } from './structure/tag.js';
import { Tally } from './tally.js';
import { BOM, toCsv } from './write/csv.js';
import { FileNamer } from './write/file-names.js';
import { gridCsv, gridMarkdown, type GridRow } from './write/grid.js';
import { OutputDir } from './write/output-dir.js';
import { frequencies, tableFiles, type FrequencyRow } from './write/tables.js';

/** Options of {@link analyse}. */
export interface AnalyseOptions extends LoadOptions {
  /** Input files and folders: .csv, .tsv, .jsonl, .txt, or folders of .txt files. */
  inputs: readonly string[];
  /** Output folder; default `reflect-code-out`. */
  out?: string;
  /** Replace the outputs in a non-empty output folder. */
  force?: boolean;
  /** Segmentation unit; default `clause`. */
  unit?: Unit;
  /** Theme codebook file; default the shipped mentorship codebook. */
  codebook?: string;
  /** Structure cue file; default the shipped Labov & Waletzky cues. */
  structureRules?: string;
  /** Write `report.html`, `report.md` and `figures/`; default true. */
  report?: boolean;
  /** Leave the run date out of the report, so the same inputs give the same bytes. */
  deterministic?: boolean;
}

/** What an analysis did: counts, the most frequent codes, the files written and any warnings. */
export interface AnalyseResult {
  out: string;
  codebook: { name: string; version: string };
  unit: Unit;
  participants: number;
  segments: number;
  /** Accounts skipped (empty texts); each has a warning in `messages`. */
  skipped: number;
  themes: FrequencyRow[];
  structure: FrequencyRow[];
  /** Files written, relative to `out`. */
  files: string[];
  messages: ReflectMessage[];
}

/** Checks analysis options before anything is read. */
function checkOptions(options: AnalyseOptions): Unit {
  const unit = options.unit ?? 'clause';
  if (!UNITS.includes(unit)) throw fail(`expected --unit to be one of ${UNITS.join(', ')}, got "${String(unit)}"`, 'option-invalid');
  return unit;
}

/** The grid rows of a coded document. */
function gridRows(doc: AccountDoc): GridRow[] {
  return doc.segments.map((s) => ({
    text: s.text,
    themes: s.themes.map((hit) => hit.code),
    structure: s.structure?.tag ?? '',
    note: s.structure?.note ?? '',
    themeEvidence: themeEvidence(s),
    structureEvidence: structureEvidence(s),
  }));
}

/**
 * Runs the whole pipeline: load every account, segment it, code its themes,
 * tag its structure, and write `segments.csv`, the frequency tables, one
 * coding grid per participant and (unless `report` is false) the report
 * into the output folder. Accounts are coded
 * and written one at a time. Nothing is left in the output folder unless
 * the whole run succeeds; bad input or options throw a fatal
 * {@link ReflectMessage}.
 */
export async function analyse(options: AnalyseOptions): Promise<AnalyseResult> {
  const unit = checkOptions(options);
  const codebook = await loadCodebook(options.codebook ?? DEFAULT_CODEBOOK);
  const rules = await loadCodebook(options.structureRules ?? DEFAULT_STRUCTURE_RULES);
  const plan = await planInputs(options.inputs, options);
  const out = await OutputDir.open(options.out ?? 'reflect-code-out', { force: options.force, inputs: options.inputs });
  try {
    const result = await run(options, { unit, codebook, rules, plan, out });
    await out.commit();
    return result;
  } catch (error) {
    await out.abort();
    throw error;
  }
}

interface Prepared {
  unit: Unit;
  codebook: Codebook;
  rules: Codebook;
  plan: Awaited<ReturnType<typeof planInputs>>;
  out: OutputDir;
}

async function run(options: AnalyseOptions, { unit, codebook, rules, plan, out }: Prepared): Promise<AnalyseResult> {
  const stages: Transform[] = [segment({ unit }), codeThemes({ codebook }), tagStructure({ rules })];
  const messages: ReflectMessage[] = [];
  const tally = new Tally();
  const namer = new FileNamer();
  const files = ['segments.csv'];
  let skipped = 0;
  const segmentsFile = await out.open('segments.csv');
  const grids = options.report === false ? undefined : await ReportGrids.open(out);
  try {
    await segmentsFile.write(BOM + toCsv([[...SEGMENT_COLUMNS, ...plan.metadataColumns.map(metadataHeader)]]));
    for await (const item of loadAccounts(plan, options)) {
      if (!('participant' in item)) {
        messages.push(item);
        skipped++;
        continue;
      }
      const doc = toDoc(item);
      for (const stage of stages) stage(doc);
      messages.push(...doc.messages);
      await segmentsFile.write(toCsv(doc.segments.map((s) => segmentCells(doc, s, plan.metadataColumns))));
      const grid = namer.name(doc.participant);
      const rows = gridRows(doc);
      await out.write(`grids/${grid}.md`, gridMarkdown(doc.participant, rows));
      await out.write(`grids/${grid}.csv`, BOM + gridCsv(doc.participant, rows));
      files.push(`grids/${grid}.md`, `grids/${grid}.csv`);
      await grids?.add(doc.participant, rows);
      tally.add({ participant: doc.participant, metadata: doc.metadata, grid }, rows);
    }
    const tables = tableFiles(tally, codebook, rules, plan.metadataColumns);
    for (const [name, content] of Object.entries(tables)) {
      await out.write(name, content);
      files.push(name);
    }
    if (grids) {
      const run = { inputs: options.inputs, unit, date: options.deterministic ? undefined : new Date(), skipped };
      files.push(...(await writeReport(out, { tally, codebook, rules, run, grids })));
    }
  } finally {
    await segmentsFile.close();
    await grids?.close();
  }
  return {
    out: options.out ?? 'reflect-code-out',
    codebook: { name: codebook.name, version: codebook.version },
    unit,
    participants: tally.participants.length,
    segments: tally.segments,
    skipped,
    themes: frequencies(codebook, tally.themeSegments, tally.themeParticipants, tally),
    structure: frequencies(rules, tally.tagSegments, tally.tagParticipants, tally),
    files,
    messages,
  };
}
