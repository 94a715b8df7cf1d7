import { createHash } from 'node:crypto';
import { describeRule } from '../codebook/rule.js';
import { sectionTable } from '../write/tables.js';
import type { CodeDef, Codebook } from '../codebook/types.js';
import type { ActiveTags } from '../structure/active-tags.js';
import type { Cue } from '../structure/cue-file.js';
import { groupReportTable } from '../groups/report-table.js';
import { VERSION } from '../version.js';
import type { Figure } from './charts.js';
import type { ReportData } from './data.js';
import { cssString, escapeHtml } from './escape.js';
import type { CodebookFacts } from './facts.js';
import { codeChip } from './grid-html.js';
import { FONT } from './palette.js';

const STYLE = `
:root { color-scheme: light; }
body { font-family: ${FONT}; color: #1a1a1a; background: #fafafa; margin: 0; line-height: 1.45; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
nav a { margin-right: 14px; color: #0072B2; }
p.lead { color: #444; margin: 4px 0 16px; }
table { border-collapse: collapse; background: white; }
th, td { border: 1px solid #d0d0d0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.facts th { width: 190px; }
code, .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
figure { margin: 12px 0 24px; background: white; border: 1px solid #e0e0e0; padding: 12px; overflow-x: auto; }
figure .chart svg { display: block; width: 100%; height: auto; }
figcaption { color: #444; font-size: 14px; margin-top: 8px; }
.code { display: inline-block; min-width: 22px; padding: 0 5px; margin: 1px 3px 1px 0; border-radius: 3px; font-weight: bold; font-size: 13px; text-align: center; background: #999999; color: black; border: 1px solid rgba(0,0,0,.25); }
details.grid { background: white; border: 1px solid #d0d0d0; border-radius: 4px; margin: 6px 0; }
details.grid summary { cursor: pointer; padding: 6px 10px; }
details.grid summary .count { color: #555; margin: 0 8px; }
details.grid table { margin: 0 10px 10px; width: calc(100% - 20px); }
details.grid td:first-child { width: 65%; }
details.grid td[title], table.codes td[title] { cursor: help; text-decoration: underline dotted #888; }
.tools { margin: 8px 0; }
.tools input { font: inherit; padding: 3px 6px; width: 220px; }
.tools button { font: inherit; margin-left: 6px; }
table.codes td:nth-child(3) { max-width: 520px; }
footer { color: #666; font-size: 13px; padding: 24px; }
`;

const SCRIPT = `
const grids = [...document.querySelectorAll('details.grid')];
document.getElementById('grid-filter').addEventListener('input', (event) => {
  const query = event.target.value.trim().toLowerCase();
  for (const grid of grids) grid.hidden = query !== '' && !grid.dataset.p.toLowerCase().includes(query);
});
document.getElementById('grids-open').addEventListener('click', () => { for (const grid of grids) if (!grid.hidden) grid.open = true; });
document.getElementById('grids-close').addEventListener('click', () => { for (const grid of grids) grid.open = false; });
`;

/** No remote loads of any kind: only the page's own inline style and its one script (by hash). */
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'; base-uri 'none'; form-action 'none'`;

function codeStyles(data: ReportData): string {
  return data.codes.map((code) => `.code[data-c=${cssString(code)}] { background: ${data.colour(code).fill}; color: ${data.colour(code).text}; }`).join('\n');
}

function factRows(rows: ReadonlyArray<[string, string]>): string {
  return `<table class="facts">${rows.map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${value}</td></tr>`).join('')}</table>`;
}

function codebookFact(facts: CodebookFacts): string {
  const version = facts.version ? `, version ${escapeHtml(facts.version)}` : '';
  return `${escapeHtml(facts.name)}${version}<br><code>${escapeHtml(facts.file)}</code><br>SHA-256 <span class="hash">${facts.sha256}</span>`;
}

/** The date of a run as `2026-05-04 13:05 UTC`. */
export function runDate(date: Date | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'not recorded (--deterministic)';
}

function summary(data: ReportData, codebook: CodebookFacts, rules: CodebookFacts): string {
  const { run, tally } = data;
  return `<section id="summary"><h2>Run summary</h2>${factRows([
    ['Inputs', run.inputs.map((input) => `<code>${escapeHtml(input)}</code>`).join('<br>')],
    ['Theme codebook', codebookFact(codebook)],
    ['Structure tags', codebookFact(rules)],
    ['Segment unit', escapeHtml(run.unit)],
    ['Participants', String(tally.participants)],
    ['Segments', String(tally.segments)],
    ...(run.skipped ? [['Skipped accounts', `${run.skipped} (empty)`] as [string, string]] : []),
    ['Date', escapeHtml(runDate(run.date))],
    ['reflect-code', escapeHtml(VERSION)],
  ])}</section>\n`;
}

function figure(item: Figure, extra = ''): string {
  // Charts show a quarter larger than drawn (their fonts then match the page's), never wider than the page.
  return `<section id="${item.name}"><h2>${escapeHtml(item.title)}</h2><figure><div class="chart" style="max-width: ${Math.round(item.width * 1.25)}px">${item.svg}</div><figcaption>${escapeHtml(item.caption)} Also saved as <code>figures/${item.name}.svg</code>.</figcaption></figure>${extra}</section>\n`;
}

function themeTable(data: ReportData): string {
  const describe = new Map(data.codebook.codes.map((code) => [code.code, code.description]));
  const rows = data.themes.map((row) => `<tr><td>${codeChip(row.code)}</td><td>${escapeHtml(row.name)}</td><td>${escapeHtml(describe.get(row.code) ?? '')}</td><td class="n">${row.segments} (${row.percentSegments}%)</td><td class="n">${row.participants} (${row.percentParticipants}%)</td></tr>`);
  return `<table class="codes"><thead><tr><th>Code</th><th>Theme</th><th>Descriptor</th><th>Segments</th><th>Participants</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function structureTable(data: ReportData): string {
  const notes = data.notes();
  const rows = data.structure.map((row) => `<tr><td><b>${escapeHtml(row.code)}</b></td><td>${escapeHtml(row.name)}</td><td class="n">${row.segments} (${row.percentSegments}%)</td>${notes.map((note) => `<td class="n">${note.byTag.get(row.code) ?? 0}</td>`).join('')}</tr>`);
  return `<table class="codes"><thead><tr><th>Tag</th><th>Name</th><th>Segments</th>${notes.map((note) => `<th>${escapeHtml(note.label)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The section x theme table, when the accounts have section headings; empty otherwise. */
function sectionSection(data: ReportData): string {
  if (data.tally.sectionSegments.size === 0) return '';
  const [header, ...rows] = sectionTable(data.tally, data.codebook);
  const codes = header.slice(2).map(String);
  const body = rows.map(([section, segments, ...counts]) => `<tr><td>${escapeHtml(String(section))}</td><td class="n">${segments}</td>${counts.map((count) => `<td class="n">${count}</td>`).join('')}</tr>`);
  return `<section id="sections"><h2>Themes by section</h2><p>Segments under each heading of the accounts (Gibbs' stages, "Action plan:"...) and how many of them have each theme; also in <code>themes-by-section.csv</code>.</p><table class="codes"><thead><tr><th>Section</th><th>Segments</th>${codes.map((code) => `<th>${codeChip(code)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></section>\n`;
}

/** One section per `--by` column: the participants with each theme in each group, and whether the groups differ. */
function groupSections(data: ReportData): string {
  return data.comparisons
    .map((comparison) => {
      const { header, rows } = groupReportTable(comparison);
      const body = rows.map(([code, name, ...cells]) => `<tr><td>${codeChip(code)}</td><td>${escapeHtml(name)}</td>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
      return `<section class="groups"><h2>Themes by ${escapeHtml(comparison.column)}</h2><p>Participants with each theme in each group (the group's participants in brackets). "Differs" means the difference is larger than chance would often give (p under 0.05); with nine themes, one such result can still be chance. Full counts, segments and test figures: <code>themes-by-….csv</code>.</p><table class="codes"><thead><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></section>\n`;
    })
    .join('');
}

/** Says that only the first participants' grids are shown, and where the others are, when there are more. */
function gridsNote(data: ReportData): string {
  const { sample, participants } = data.tally;
  return sample.length < participants ? `\n<p class="lead"><b>The first ${sample.length} of ${participants} participants are shown here.</b> Every participant's grid is in the output folder (see the <code>grid</code> column of <code>participants.csv</code>), and every segment in <code>segments.csv</code>.</p>` : '';
}

/**
 * The start of `report.html`, up to the opening of the grids section:
 * head (style sheet, Content-Security-Policy), run summary and charts.
 */
export function reportHead(data: ReportData, facts: { codebook: CodebookFacts; rules: CodebookFacts }, figures: readonly Figure[]): string {
  const [themes, participants, cross, structure, cooccurrence] = figures;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reflect-code ${escapeHtml(VERSION)}">
<title>reflect-code report: ${escapeHtml(data.codebook.name)}</title>
<style>${STYLE}${codeStyles(data)}
</style>
</head>
<body>
<header><h1>Coding report</h1><p class="lead">${data.tally.participants} participants, ${data.tally.segments} segments coded with “${escapeHtml(data.codebook.name)}”. Automated coding is a first pass for a researcher to review.</p>
<nav><a href="#summary">Summary</a><a href="#themes">Themes</a><a href="#participant-themes">By participant</a><a href="#theme-structure">Themes × structure</a><a href="#theme-cooccurrence">Themes together</a><a href="#structure">Structure</a><a href="#grids">Coding grids</a><a href="#codebook">Codebook</a></nav></header>
<main>
${summary(data, facts.codebook, facts.rules)}${figure(themes, themeTable(data))}${figure(participants)}${figure(cross)}${figure(cooccurrence)}${figure(structure, structureTable(data))}${sectionSection(data)}${groupSections(data)}<section id="grids"><h2>Coding grids</h2>
<p class="lead">One grid per participant, as in the study's Figures 2 and 3. Click a participant to open the grid; hover over a theme or tag to see the words that gave it.</p>${gridsNote(data)}
<div class="tools"><label>Find participant <input id="grid-filter" type="search" placeholder="participant ID"></label><button id="grids-open" type="button">Open all</button><button id="grids-close" type="button">Close all</button></div>
`;
}

function codeRows(codes: readonly CodeDef[]): string {
  const list = (items: readonly string[]) => escapeHtml(items.join(', '));
  return codes.map((code) => `<tr><td>${codeChip(code.code)}</td><td>${escapeHtml(code.name)}${code.aliases.length ? `<br><small>merged: ${list(code.aliases)}</small>` : ''}</td><td>${escapeHtml(code.description)}</td><td><small>${list(code.rules.map(describeRule))}</small></td></tr>`).join('');
}

/** A codebook's or cue file's heading: name, version and description. */
function bookHeading(book: { name: string; version: string; description: string }): string {
  return `<h3>${escapeHtml(book.name)}${book.version ? ` (version ${escapeHtml(book.version)})` : ''}</h3>${book.description ? `<p>${escapeHtml(book.description)}</p>` : ''}`;
}

function codebookTable(codebook: Codebook): string {
  return `${bookHeading(codebook)}<table class="codes"><thead><tr><th>Code</th><th>Name</th><th>Descriptor</th><th>Rules (keywords, “phrases”, patterns)</th></tr></thead><tbody>${codeRows(codebook.codes)}</tbody></table>`;
}

/** How many of a model's features the appendix shows for each tag. */
export const TOP_FEATURES = 8;

/** A model's strongest features for each tag, with their weights (see `topFeatures`). */
export type TopFeatures = ReadonlyMap<string, ReadonlyArray<[string, number]>>;

/**
 * The structure tags in use and what decides them: the cues, each with its
 * weight and source, or for a model the features that weigh most for each
 * tag in written accounts (`top`), and its attribution.
 */
function cueTable(tags: ActiveTags, top: TopFeatures | undefined): string {
  const cues = (list: readonly Cue[]) => list.map((cue) => `${escapeHtml(cue.cue)} +${cue.weight} <small>(${escapeHtml(cue.source)})</small>`).join('<br>');
  const decides = (code: string, list: readonly Cue[]) => (top ? (top.get(code) ?? []).map(([name, weight]) => `<code>${escapeHtml(name)}</code> ${weight >= 0 ? '+' : ''}${weight.toFixed(2)}`).join('<br>') : cues(list));
  const rows = [
    ...tags.codes.map((tag) => `<tr><td><b>${escapeHtml(tag.code)}</b></td><td>${escapeHtml(tag.name)}</td><td>${escapeHtml(tag.description)}</td><td>${decides(tag.code, tag.cues)}</td></tr>`),
    ...tags.notes.map((note) => `<tr><td><b>${escapeHtml(note.tag)}</b> (${escapeHtml(note.note)})</td><td>note</td><td>${escapeHtml(note.description)}</td><td>${cues(note.cues)}</td></tr>`),
  ];
  const heading = top ? 'Strongest features (weight in written accounts); notes: cues' : 'Cues (weight, source)';
  const credit = tags.model?.attribution ? `<p><small>${escapeHtml(tags.model.attribution)}</small></p>` : '';
  return `${bookHeading(tags.file)}${credit}<table class="codes"><thead><tr><th>Tag</th><th>Name</th><th>Meaning</th><th>${heading}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The end of `report.html`: closes the grids section, then the codebook appendix (with a model's strongest features, `top`). */
export function reportTail(data: ReportData, top?: TopFeatures): string {
  return `</section>
<section id="codebook"><h2>Appendix: codebook</h2>${codebookTable(data.codebook)}${cueTable(data.rules, top)}</section>
</main>
<footer>Made by reflect-code ${escapeHtml(VERSION)}. This file makes no network requests; it can be read offline.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
