import type { AnalyseResult } from './analyse.js';
import type { Level } from './codebook/level.js';
import type { Account } from './document.js';
import type { GroupOptions } from './groups/compare.js';
import { metadataConflicts } from './groups/metadata.js';
import { loadAccounts, planInputs } from './load/inputs.js';
import type { LoadOptions } from './load/options.js';
import type { ReflectMessage } from './messages.js';
import { loadCodingBooks, readCoding, type CodebookChoice } from './read/coding.js';
import { byParticipant, type SegmentsFile } from './read/segments.js';
import type { RunInfo } from './report/data.js';
import { CodingOutputs } from './write/coding-outputs.js';
import type { GridMode } from './write/grids.js';
import { OutputDir } from './write/output-dir.js';

/** Options of {@link tabulate}. */
export interface TabulateOptions extends LoadOptions, CodebookChoice, GroupOptions {
  /** The reviewed `segments.csv`. */
  segments: string;
  /** Output folder. */
  out: string;
  /** Replace the outputs in a non-empty output folder. */
  force?: boolean;
  /** Count codes as coded (`leaves`, the default) or under their top-level codes (`parents`) in grids, tables and report. */
  level?: Level;
  /** Keep codes the codebook does not list, with a warning, instead of stopping. */
  allowNewCodes?: boolean;
  /** The source accounts (as for `analyse`), to check every row's text against its offsets. */
  accounts?: readonly string[];
  /** Write `report.html`, `report.md` and `figures/`; default true. */
  report?: boolean;
  /** Leave the run date out of the report, so the same coding gives the same bytes. */
  deterministic?: boolean;
  /** How the coding grids are written (`auto`, `files`, `combined`, `none`); default `auto`. */
  grids?: GridMode;
  /** Stops the run (e.g. on Ctrl-C) between participants, while the outputs are written, or just before they are moved into place, leaving the output folder as it was. */
  signal?: AbortSignal;
}

/** What tabulate did: counts, frequencies, files written and warnings. */
export type TabulateResult = Omit<AnalyseResult, 'unit' | 'skipped'>;

/** The source accounts, by participant ID, and the warnings met reading them (a skipped account, say). */
async function sourceAccounts(inputs: readonly string[], options: LoadOptions): Promise<{ accounts: Map<string, Account>; messages: ReflectMessage[] }> {
  const plan = await planInputs(inputs, options);
  const accounts = new Map<string, Account>();
  const messages = [...plan.messages];
  for await (const item of loadAccounts(plan, options)) {
    if ('participant' in item) accounts.set(item.participant, item);
    else messages.push(item);
  }
  return { accounts, messages };
}

/**
 * Rebuilds the frequency tables and coding grids from a reviewed coding
 * (a `segments.csv` corrected by hand), through the same output step as
 * {@link analyse}, so an unedited `segments.csv` gives back analyse's
 * files byte for byte. Participants come in natural ID order (A2 before
 * A10) and each one's rows in segment order, whatever order the rows are
 * in. Nothing is written unless the whole run succeeds.
 */
export async function tabulate(options: TabulateOptions): Promise<TabulateResult> {
  const { codebook, rules } = await loadCodingBooks(options);
  const source = options.accounts ? await sourceAccounts(options.accounts, options) : undefined;
  const coding = await readCoding(options.segments, { codebook, rules, allowNewCodes: options.allowNewCodes, accounts: source?.accounts });
  coding.messages.unshift(...(source?.messages ?? []));
  const out = await OutputDir.open(options.out, { force: options.force, inputs: [options.segments, ...(options.accounts ?? [])], signal: options.signal });
  try {
    const outputs = await CodingOutputs.open(out, codebook, rules, coding.metadataColumns, { report: options.report, level: options.level, grids: options.grids, by: options.by, minGroupSize: options.minGroupSize });
    await write(coding, outputs, out, { inputs: [options.segments], unit: 'as in the reviewed segments.csv', date: options.deterministic ? undefined : new Date() });
    await out.commit();
    return {
      out: options.out,
      codebook: { name: codebook.name, version: codebook.version },
      participants: outputs.tally.participants,
      segments: outputs.tally.segments,
      themes: outputs.themes(),
      structure: outputs.structure(),
      files: outputs.files,
      messages: [...coding.messages, ...outputs.messages],
      warnings: coding.messages.length + outputs.messages.length,
    };
  } catch (error) {
    await out.abort();
    throw error;
  }
}

async function write(coding: SegmentsFile, outputs: CodingOutputs, out: OutputDir, run: RunInfo): Promise<void> {
  for (const [participant, rows] of byParticipant(coding.rows)) {
    out.stopIfInterrupted();
    coding.messages.push(...metadataConflicts(participant, rows.map((row) => ({ metadata: row.metadata, place: { file: coding.file, line: row.line } }))));
    await outputs.add({ participant, metadata: rows[0].metadata }, rows);
  }
  await outputs.finish(run);
}
