import { readAllowList } from './check/allow-list.js';
import { checkAnonymity } from './check/stage.js';
import { codingStages } from './code/stages.js';
import { loadCodebook } from './codebook/read.js';
import { DEFAULT_CODEBOOK } from './codebook/shipped.js';
import type { Level } from './codebook/level.js';
import type { Codebook } from './codebook/types.js';
import { toDoc, type Transform } from './document.js';
import type { GroupOptions } from './groups/compare.js';
import { loadAccounts, planInputs } from './load/inputs.js';
import type { LoadOptions } from './load/options.js';
import { fail, interrupted, type ReflectMessage } from './messages.js';
import { UNITS, type Unit } from './segment/index.js';
import { gridRow, metadataHeader, SEGMENT_COLUMNS, segmentCells } from './segments-format.js';
import { loadStructureTagger, type ActiveTags } from './structure/active-tags.js';
import { CodingOutputs } from './write/coding-outputs.js';
import { BOM, toCsv } from './write/csv.js';
import { OutputDir } from './write/output-dir.js';
import type { FrequencyRow } from './write/tables.js';

/** The output folder when none is given. */
const DEFAULT_OUT = 'reflect-code-out';

/** Options of {@link analyse}. */
export interface AnalyseOptions extends LoadOptions, GroupOptions {
  /** Input files and folders: .csv, .tsv, .jsonl, .txt, or folders of .txt files. */
  inputs: readonly string[];
  /** Output folder; default `reflect-code-out` (refused when that would be in an input's folder). */
  out?: string;
  /** Replace the outputs in a non-empty output folder. */
  force?: boolean;
  /** Segmentation unit; default `clause`. */
  unit?: Unit;
  /** Theme codebook file; default the shipped mentorship codebook. */
  codebook?: string;
  /** Structure cue file: tag by its cues instead of a model. */
  structureRules?: string;
  /** Structure model file (from `structure train`); default the shipped model. Not with `structureRules`. */
  structureModel?: string;
  /** Count codes as coded (`leaves`, the default) or under their top-level codes (`parents`) in grids, tables and report. */
  level?: Level;
  /** Structure tags in use; default every tag of the model (OR, CA, EV, RE), or of the cue file not marked optional. */
  structureTags?: readonly string[];
  /** Warn about identifying details left in the accounts (as `check` finds them); default true. */
  check?: boolean;
  /** File of words and phrases the anonymity check never reports. */
  allowList?: string;
  /** Stops the run between accounts (e.g. on Ctrl-C), leaving the output folder as it was. */
  signal?: AbortSignal;
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
  const rules = await loadStructureTagger(options);
  const allowed = options.check === false ? undefined : await readAllowList(options.allowList);
  const plan = await planInputs(options.inputs, options);
  const folder = options.out ?? DEFAULT_OUT;
  const out = await OutputDir.open(folder, { force: options.force, inputs: options.inputs, byDefault: options.out === undefined });
  try {
    const result = await run(options, { unit, codebook, rules, plan, folder, out, allowed });
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
  rules: ActiveTags;
  plan: Awaited<ReturnType<typeof planInputs>>;
  /** The output folder as given (or the default). */
  folder: string;
  out: OutputDir;
  /** The anonymity check's allow-list; no check when undefined. */
  allowed?: ReadonlySet<string>;
}

async function run(options: AnalyseOptions, { unit, codebook, rules, plan, folder, out, allowed }: Prepared): Promise<AnalyseResult> {
  const stages: Transform[] = [...codingStages({ unit, codebook, rules }), ...(allowed ? [checkAnonymity({ allowed })] : [])];
  const messages: ReflectMessage[] = [...plan.messages];
  const outputs = await CodingOutputs.open(out, codebook, rules, plan.metadataColumns, options.report !== false, options.level, options);
  let skipped = 0;
  const segmentsFile = await out.open('segments.csv');
  try {
    await segmentsFile.write(BOM + toCsv([[...SEGMENT_COLUMNS, ...plan.metadataColumns.map(metadataHeader)]]));
    for await (const item of loadAccounts(plan, options)) {
      if (options.signal?.aborted) throw interrupted(folder);
      if (!('participant' in item)) {
        messages.push(item);
        if (item.ruleId === 'input-empty-text') skipped++;
        continue;
      }
      const doc = toDoc(item);
      for (const stage of stages) stage(doc);
      messages.push(...doc.messages);
      const rows = doc.segments.map(gridRow);
      await segmentsFile.write(toCsv(doc.segments.map((s, i) => segmentCells(doc, s, rows[i], plan.metadataColumns))));
      await outputs.add(doc, rows);
    }
  } finally {
    await segmentsFile.close();
  }
  await outputs.finish({ inputs: options.inputs, unit, date: options.deterministic ? undefined : new Date(), skipped });
  return {
    out: folder,
    codebook: { name: codebook.name, version: codebook.version },
    unit,
    participants: outputs.tally.participants.length,
    segments: outputs.tally.segments,
    skipped,
    themes: outputs.themes(),
    structure: outputs.structure(),
    files: ['segments.csv', ...outputs.files],
    messages: [...messages, ...outputs.messages],
  };
}
