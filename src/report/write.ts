import { createReadStream } from 'node:fs';
import { SAMPLE_SIZE } from '../tally.js';
import type { BufferedFile } from '../write/buffered-file.js';
import type { GridRow } from '../write/grid.js';
import type { OutputDir } from '../write/output-dir.js';
import { renderFigures } from './charts.js';
import { ReportData, type ReportSource } from './data.js';
import { codebookFacts } from './facts.js';
import { gridHtml } from './grid-html.js';
import { reportHead, reportTail, TOP_FEATURES } from './html.js';
import { reportMarkdown } from './markdown.js';

/**
 * The coding grids of a report, written as HTML to a working file of the
 * output folder while accounts are coded, so memory does not grow with
 * the number of accounts. {@link writeReport} puts them into `report.html`.
 */
export class ReportGrids {
  /** How many participants' grids a report shows: the first ones, the same as the heatmap's. */
  static readonly LIMIT = SAMPLE_SIZE;
  private closed = false;

  private constructor(
    private readonly file: BufferedFile,
    /** The working file the grids are written to. */
    readonly path: string,
  ) {}

  /** Starts the grids of a report in an output folder. */
  static async open(out: OutputDir): Promise<ReportGrids> {
    const { file, path } = await out.openWork('report-grids.html');
    return new ReportGrids(file, path);
  }

  /** Adds one participant's grid; call in the order the report should list them. */
  async add(participant: string, rows: readonly GridRow[]): Promise<void> {
    await this.file.write(gridHtml(participant, rows));
  }

  /** Finishes the working file; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.file.close();
  }
}

/** Everything a report is built from: the tables' counts and codebooks, the run, and the staged grids. */
export interface ReportInput extends ReportSource {
  grids: ReportGrids;
  /** Where a participant's full grid is (from its grid name), for report.md's links; empty for none. */
  link: (grid: string) => string;
}

/**
 * Writes `report.html` (self-contained, no network requests), `report.md`
 * and `figures/*.svg` into an output folder, from the same tally and
 * codebooks as the tables. Returns the files written, relative to the folder.
 */
export async function writeReport(out: OutputDir, input: ReportInput): Promise<string[]> {
  const data = new ReportData(input);
  const [codebook, rules] = await Promise.all([codebookFacts(input.codebook), codebookFacts(input.rules.file)]);
  const figures = await renderFigures(data);
  const files = figures.map((figure) => `figures/${figure.name}.svg`);
  for (const [i, figure] of figures.entries()) await out.write(files[i], figure.svg);
  await out.write('report.md', reportMarkdown(data, { codebook, rules }, figures, input.link));
  await input.grids.close();
  const html = await out.open('report.html');
  try {
    await html.write(reportHead(data, { codebook, rules }, figures));
    for await (const chunk of createReadStream(input.grids.path, { encoding: 'utf8' })) await html.write(chunk as string);
    // Imported here: the model's code pulls in the language model, which a run coded in worker threads never loads in this one.
    const top = input.rules.model ? (await import('../structure/model/predict.js')).topFeatures(input.rules.model, 'written', TOP_FEATURES) : undefined;
    await html.write(reportTail(data, top));
  } finally {
    await html.close();
  }
  return ['report.html', 'report.md', ...files];
}
