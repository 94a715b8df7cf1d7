import { atLevel, type Level, type LevelView } from '../codebook/level.js';
import type { Codebook } from '../codebook/types.js';
import { Tally } from '../tally.js';
import type { LocatedRow } from '../segments-format.js';
import { CodingsTable } from './codings-table.js';
import { GridWriter, type GridMode } from './grids.js';
import type { OutputDir } from './output-dir.js';
import { ParticipantsTable } from './participants-table.js';
import type { ActiveTags } from '../structure/active-tags.js';
import type { RunInfo } from '../report/data.js';
import { ReportGrids, writeReport } from '../report/write.js';
import { compareGroups, groupColumns, groupName, minGroupSize, type GroupComparison, type GroupOptions } from '../groups/compare.js';
import { GroupTally } from '../groups/group-tally.js';
import { groupFiles } from '../groups/tables.js';
import type { ReflectMessage } from '../messages.js';
import { codesOf, frequencies, structureFrequencies, tableFiles, type FrequencyRow } from './tables.js';

/** A participant as the outputs know it: the ID and the metadata carried through. */
export interface CodedParticipant {
  participant: string;
  metadata: Record<string, string>;
}

/** Options of {@link CodingOutputs.open}; `by` adds the tables comparing the groups of metadata columns (an unknown column is a fatal message). */
export interface OutputChoices extends GroupOptions {
  /** Write report.html, report.md and figures/; default true. */
  report?: boolean;
  /** `parents` counts each code under its top-level code in grids, tables and report. */
  level?: Level;
  /** How the coding grids are written; default `auto`. */
  grids?: GridMode;
}

/**
 * The output step shared by `analyse` and `tabulate`: one coding grid per
 * participant as the participants come, then the frequency tables and
 * (unless turned off) the report. Both commands write their outputs only
 * through this class, so they write them identically. Memory does not
 * grow with the number of participants: rows are staged in working files
 * and the report keeps a sample.
 */
export class CodingOutputs {
  /** The counts of every participant added so far. */
  readonly tally = new Tally();
  /** Files written, relative to the output folder, in the order written. */
  readonly files: string[] = [];

  /** Warnings about the outputs, such as small groups pooled. */
  readonly messages: ReflectMessage[] = [];
  /** The groups compared (one per `--by` column), once finished. */
  readonly comparisons: GroupComparison[] = [];

  private constructor(
    private readonly out: OutputDir,
    /** The codebook at the tables' level, and how a segment's codes are counted there. */
    private readonly view: LevelView,
    private readonly rules: ActiveTags,
    private readonly gridFiles: GridWriter,
    private readonly participantRows: ParticipantsTable,
    private readonly codings: CodingsTable,
    /** The report's grids, staged as participants come; undefined with no report. */
    private readonly grids: ReportGrids | undefined,
    /** The metadata columns to compare groups by, their counts, and the smallest group shown. */
    private readonly groups: { columns: string[]; tally: GroupTally; minSize: number },
  ) {}

  /** Starts the outputs of a coding in an output folder. */
  static async open(out: OutputDir, codebook: Codebook, rules: ActiveTags, metadataColumns: readonly string[], choices: OutputChoices = {}): Promise<CodingOutputs> {
    const view = atLevel(codebook, choices.level);
    const columns = groupColumns(choices.by, metadataColumns);
    const minSize = minGroupSize(choices);
    return new CodingOutputs(
      out,
      view,
      rules,
      await GridWriter.open(out, choices.grids),
      await ParticipantsTable.open(out, metadataColumns),
      await CodingsTable.open(out),
      choices.report === false ? undefined : await ReportGrids.open(out),
      { columns, tally: new GroupTally(columns, groupName), minSize },
    );
  }

  private get codebook(): Codebook {
    return this.view.codebook;
  }

  /** Writes one participant's grid and codings and counts its segments. */
  async add(participant: CodedParticipant, coded: readonly LocatedRow[]): Promise<void> {
    await this.codings.add(participant.participant, coded);
    const rows = coded.map((row) => ({ ...row, themes: this.view.rollUp(row.themes) }));
    const grid = await this.gridFiles.add(participant.participant, rows);
    if (this.tally.participants < ReportGrids.LIMIT) await this.grids?.add(participant.participant, rows);
    const counts = this.tally.add({ participant: participant.participant, metadata: participant.metadata, grid }, rows);
    this.groups.tally.add(counts);
    await this.participantRows.add(counts);
  }

  /** Writes the grids' last files, the frequency tables, `participants.csv`, the group tables and the report (with `run` in its summary). */
  async finish(run: RunInfo): Promise<void> {
    await this.codings.close();
    this.files.push('codings.csv', ...(await this.gridFiles.finish()));
    for (const column of this.groups.columns) this.comparisons.push(compareGroups(this.groups.tally, this.tally, column, this.codebook, this.rules, this.groups.minSize));
    const tables: Record<string, string> = { ...tableFiles(this.tally, this.codebook, this.rules), ...Object.assign({}, ...this.comparisons.map(groupFiles)) };
    const names = ['themes.csv', 'structure.csv', 'participants.csv', ...Object.keys(tables).filter((name) => name !== 'themes.csv' && name !== 'structure.csv')];
    for (const name of names) {
      if (name === 'participants.csv') await this.participantRows.write(this.out, codesOf(this.codebook, this.tally.themeSegments.keys()).map(({ code }) => code), (grid) => this.gridFiles.link(grid));
      else await this.out.write(name, tables[name]);
      this.files.push(name);
    }
    this.messages.push(...this.comparisons.flatMap((comparison) => comparison.messages));
    if (this.grids) this.files.push(...(await writeReport(this.out, { tally: this.tally, codebook: this.codebook, rules: this.rules, run, grids: this.grids, comparisons: this.comparisons, link: (grid) => this.gridFiles.link(grid) })));
  }

  /** Theme frequencies, most segments first. */
  themes(): FrequencyRow[] {
    return frequencies(this.codebook, this.tally.themeSegments, this.tally.themeParticipants, this.tally);
  }

  /** Structure tag frequencies, most segments first. */
  structure(): FrequencyRow[] {
    return structureFrequencies(this.rules, this.tally);
  }
}
