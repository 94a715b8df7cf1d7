import { VERSION } from '../version.js';
import { markdownTable } from '../write/markdown.js';
import { groupReportTable } from '../groups/report-table.js';
import { crossTable, sectionTable } from '../write/tables.js';
import type { Tally } from '../tally.js';
import type { Figure } from './charts.js';
import type { ReportData } from './data.js';
import type { CodebookFacts } from './facts.js';
import { runDate } from './html.js';

function codebookCell(facts: CodebookFacts): string {
  return `${facts.name}${facts.version ? `, version ${facts.version}` : ''}; ${facts.file}; SHA-256 ${facts.sha256}`;
}

/** A participant's themes, most segments first: `C 4, ME 3`. */
function topThemes(themes: ReadonlyMap<string, number>): string {
  return [...themes].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`).join(', ');
}

/** The section x theme table, as `themes-by-section.csv` has it. */
function sectionMarkdown(data: ReportData): string {
  const [header, ...rows] = sectionTable(data.tally, data.codebook);
  return `## Themes by section\n\n${markdownTable(['Section', 'Segments', ...header.slice(2).map(String)], rows, header.map((_, i) => (i < 1 ? '---' : '--:')))}`;
}

/** A Markdown link to a grid file, or nothing when grids were not written. */
function gridLink(file: string): string {
  return file ? `[${file}](${encodeURI(file)})` : '';
}

/** Says that only the first participants are listed, when there are more. */
function gridsNote(tally: Tally): string {
  return tally.sample.length < tally.participants ? `The first ${tally.sample.length} of ${tally.participants} participants; participants.csv lists them all, with their grids.\n\n` : '';
}

/**
 * `report.md`: the run summary, the top themes, the frequency and
 * cross tables (themes by section, when the accounts have headings), the figures and a link to every participant's grid, for
 * pasting into documents.
 */
export function reportMarkdown(data: ReportData, facts: { codebook: CodebookFacts; rules: CodebookFacts }, figures: readonly Figure[], link: (grid: string) => string): string {
  const { run, tally } = data;
  const notes = data.notes();
  const top = data.themes.filter((row) => row.segments > 0).slice(0, 5);
  const [crossHeader, ...crossRows] = crossTable(tally, data.codebook, data.rules);
  const sections = [
    `# Coding report\n\n${tally.participants} participants, ${tally.segments} segments coded with "${data.codebook.name}". Automated coding is a first pass for a researcher to review. The full report, with charts and every coding grid, is report.html.\n`,
    `## Run summary\n\n${markdownTable(['Run', ''], [
      ['Inputs', run.inputs.join(', ')],
      ['Theme codebook', codebookCell(facts.codebook)],
      ['Structure tags', codebookCell(facts.rules)],
      ['Segment unit', run.unit],
      ['Participants', tally.participants],
      ['Segments', tally.segments],
      ...(run.skipped ? [['Skipped accounts', `${run.skipped} (empty)`]] : []),
      ['Date', runDate(run.date)],
      ['reflect-code', VERSION],
    ])}`,
    `## Top themes\n\n${top.map((row, i) => `${i + 1}. **${row.code} ${row.name}**: ${row.segments} segments (${row.percentSegments}%), ${row.participants} participants (${row.percentParticipants}%)`).join('\n') || 'No segment was coded with a theme.'}\n`,
    `## Theme frequencies\n\n${markdownTable(['Code', 'Theme', 'Segments', '% segments', 'Participants', '% participants'], data.themes.map((row) => [row.code, row.name, row.segments, row.percentSegments, row.participants, row.percentParticipants]), ['---', '---', '--:', '--:', '--:', '--:'])}`,
    `## Structure tags\n\n${markdownTable(['Tag', 'Name', 'Segments', '% segments', ...notes.map((note) => note.label)], data.structure.map((row) => [row.code, row.name, row.segments, row.percentSegments, ...notes.map((note) => note.byTag.get(row.code) ?? 0)]), ['---', '---', '--:', '--:', ...notes.map(() => '--:')])}`,
    `## Themes by structure tag\n\n${markdownTable(['Code', 'Theme', ...crossHeader.slice(2)], crossRows, crossHeader.map((_, i) => (i < 2 ? '---' : '--:')))}`,
    ...(tally.sectionSegments.size > 0 ? [sectionMarkdown(data)] : []),
    ...data.comparisons.map((comparison) => {
      const { header, rows } = groupReportTable(comparison);
      return `## Themes by ${comparison.column}\n\nParticipants with each theme in each group, and whether the groups differ more than chance would often make them (full figures in the themes-by CSV file).\n\n${markdownTable(header, rows)}`;
    }),
    `## Figures\n\n${figures.map((figure) => `![${figure.title}](figures/${figure.name}.svg)\n\n*${figure.caption}*\n`).join('\n')}`,
    `## Coding grids\n\n${gridsNote(tally)}${markdownTable(['Participant', 'Segments', 'Themes (segments)', 'Grid'], tally.sample.map((p) => [p.participant, p.segments, topThemes(p.themes), gridLink(link(p.grid))]), ['---', '--:', '---', '---'])}`,
  ];
  return sections.join('\n');
}
