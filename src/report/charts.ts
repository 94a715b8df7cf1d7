import type { TopLevelSpec } from 'vega-lite';
import { xmlChars } from '../text/xml-chars.js';
import type { ReportData } from './data.js';
import { EMPTY_CELL, FONT, HEATMAP_SCHEME, STRUCTURE_COLOURS } from './palette.js';

/** One chart of a report: the file name under `figures/` (without `.svg`), its heading, a caption and the SVG. */
export interface Figure {
  name: string;
  title: string;
  caption: string;
  svg: string;
  /** The SVG's width in pixels. */
  width: number;
}

const CONFIG = {
  font: FONT,
  background: 'white',
  padding: 12,
  title: { fontSize: 16, fontWeight: 'bold', subtitleFontSize: 12, subtitleColor: '#444444', anchor: 'start', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'bold', labelColor: '#222222', titleColor: '#222222', labelLimit: 320, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'bold' },
  header: { labelFontSize: 13, titleFontSize: 13 },
  view: { stroke: null },
} as const;

/** Bars of segments and participants per theme, most frequent first, in the theme colours. */
function themeSpec(data: ReportData): TopLevelSpec {
  const rows = data.themes.map((row) => ({ ...row, label: data.label(row.code) }));
  const order = rows.map((row) => row.label);
  const panel = (field: 'segments' | 'participants', percent: 'percentSegments' | 'percentParticipants', title: string, labels: boolean) => ({
    width: 240,
    height: { step: 24 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: order, title: labels ? 'Theme' : null, axis: labels ? { labelPadding: 6 } : { labels: false, ticks: false, domain: false } },
      x: { field, type: 'quantitative', title, axis: { tickMinStep: 1, format: 'd' } },
    },
    layer: [
      {
        mark: { type: 'bar', stroke: '#4d4d4d', strokeWidth: 0.5 },
        encoding: { color: { field: 'code', type: 'nominal', scale: { domain: data.codes, range: data.codes.map((code) => data.colour(code).fill) }, legend: null } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#222222' },
        encoding: { text: { field: 'text', type: 'nominal' } },
        transform: [{ calculate: `datum.${field} + ' (' + datum.${percent} + '%)'`, as: 'text' }],
      },
    ],
  });
  return {
    title: { text: 'Theme frequencies', subtitle: `Codebook "${data.codebook.name}", ${data.tally.segments} segments of ${data.tally.participants} participants; most frequent first` },
    data: { values: rows },
    hconcat: [
      panel('segments', 'percentSegments', 'Segments coded with the theme', true),
      panel('participants', 'percentParticipants', 'Participants with the theme', false),
    ],
    spacing: 70,
  } as TopLevelSpec;
}

/** Heatmap cell colour: the count on a sequential scale, empty cells pale grey. */
function cellColour(legend: object) {
  return { condition: { test: 'datum.count === 0', value: EMPTY_CELL }, field: 'count', type: 'quantitative', scale: { scheme: HEATMAP_SCHEME, domainMin: 1 }, title: 'Segments', legend };
}

/** Count of a heatmap cell, white on dark cells, none on empty ones. */
function cellText(max: number, fontSize: number) {
  return {
    transform: [{ filter: 'datum.count > 0' }],
    mark: { type: 'text', fontSize, aria: false },
    encoding: {
      text: { field: 'count', type: 'quantitative' },
      color: { condition: { test: `datum.count > ${max / 2}`, value: 'white' }, value: '#222222' },
    },
  };
}

/** The largest count, at least 1 (a loop: spreading many values into `Math.max` overflows the stack). */
function largest(counts: readonly number[]): number {
  let max = 1;
  for (const count of counts) if (count > max) max = count;
  return max;
}

/** Step of a heatmap row: smaller for more rows, so 500 participants stay one screenful or two. */
function rowStep(rows: number): number {
  return Math.max(2, Math.min(18, Math.floor(1500 / Math.max(rows, 1))));
}

/** Participant x theme counts, participants grouped by their most frequent theme. */
function participantSpec(data: ReportData): TopLevelSpec {
  const order = data.participantOrder();
  const step = rowStep(order.length);
  const labelled = step >= 10;
  // Rows are sorted by a rank field: a sort list of thousands of names would become one huge Vega expression.
  const values = order.flatMap((p, rank) => data.themes.map((row) => ({ participant: p.participant, rank, theme: data.label(row.code), count: p.themes.get(row.code) ?? 0 })));
  const max = largest(values.map((v) => v.count));
  return {
    title: { text: 'Themes by participant', subtitle: `Segments per participant and theme; participants grouped by their most frequent theme${order.length < data.tally.participants ? `; the first ${order.length} of ${data.tally.participants} participants (all in participants.csv)` : ''}` },
    data: { values },
    width: { step: 44 },
    height: { step },
    encoding: {
      x: { field: 'theme', type: 'nominal', sort: data.themes.map((row) => data.label(row.code)), title: 'Theme (most frequent first)', axis: { orient: 'top', labelAngle: -35, labelAlign: 'left' } },
      y: {
        field: 'participant', type: 'nominal', sort: { field: 'rank', op: 'min' },
        title: labelled ? 'Participant' : `Participants (${order.length})`,
        axis: labelled ? {} : { labels: false, ticks: false },
      },
    },
    layer: [
      { mark: { type: 'rect', aria: false, stroke: labelled ? 'white' : null, strokeWidth: 1 }, encoding: { color: cellColour({ gradientLength: Math.max(80, Math.min(200, step * order.length)) }) } },
      ...(labelled ? [cellText(max, 10)] : []),
    ],
  } as TopLevelSpec;
}

/** Theme x structure tag counts, with the count in each cell. */
function crossSpec(data: ReportData): TopLevelSpec {
  const values = data.themes.flatMap((row) => data.tags.map((tag) => ({ theme: data.label(row.code), tag: tag.code, name: tag.name, count: data.tally.cross.get(row.code)?.get(tag.code) ?? 0 })));
  const max = largest(values.map((v) => v.count));
  return {
    title: { text: 'Themes by structure tag', subtitle: [`Segments coded with each theme, by their Labov & Waletzky tag`, data.tags.map((tag) => `${tag.code} ${tag.name}`).join(' · ')] },
    data: { values },
    width: { step: 64 },
    height: { step: 26 },
    encoding: {
      x: { field: 'tag', type: 'nominal', sort: data.tags.map((tag) => tag.code), title: 'Structure tag', axis: { orient: 'top', labelAngle: 0 } },
      y: { field: 'theme', type: 'nominal', sort: data.themes.map((row) => data.label(row.code)), title: 'Theme' },
    },
    layer: [
      { mark: { type: 'rect', stroke: 'white', strokeWidth: 1 }, encoding: { color: cellColour({}) } },
      cellText(max, 12),
    ],
  } as TopLevelSpec;
}

/** Theme x theme: segments coded with both, the diagonal (a theme's own total) left blank. */
function cooccurrenceSpec(data: ReportData): TopLevelSpec {
  const labels = data.themes.map((row) => data.label(row.code));
  const values = data.themes.flatMap((a) => data.themes.map((b) => ({ a: data.label(a.code), b: b.code, count: a.code === b.code ? 0 : (data.tally.cooccurrence.get(a.code)?.get(b.code) ?? 0) })));
  const max = Math.max(1, ...values.map((v) => v.count));
  return {
    title: { text: 'Themes coded together', subtitle: 'Segments coded with both themes (theme-cooccurrence.csv); most frequent themes first' },
    data: { values },
    width: { step: 44 },
    height: { step: 26 },
    encoding: {
      x: { field: 'b', type: 'nominal', sort: data.themes.map((row) => row.code), title: 'Theme', axis: { orient: 'top', labelAngle: 0 } },
      y: { field: 'a', type: 'nominal', sort: labels, title: 'Theme' },
    },
    layer: [
      { mark: { type: 'rect', stroke: 'white', strokeWidth: 1 }, encoding: { color: cellColour({}) } },
      cellText(max, 12),
    ],
  } as TopLevelSpec;
}

/** Segments per structure tag, the noted ones (such as Messages) stacked apart. */
function structureSpec(data: ReportData): TopLevelSpec {
  const notes = data.notes();
  const parts = ['Other segments', ...notes.map((note) => note.label)];
  const values = data.tags.flatMap((tag) => {
    const noted = notes.map((note) => ({ part: note.label, count: note.byTag.get(tag.code) ?? 0 }));
    const total = data.tally.tagSegments.get(tag.code) ?? 0;
    const rest = total - noted.reduce((sum, part) => sum + part.count, 0);
    return [{ part: 'Other segments', count: rest }, ...noted].map((part, rank) => ({ ...part, label: data.tagLabel(tag.code), total, rank }));
  });
  const noted = notes.map((note) => `${note.total} ${note.label} segment${note.total === 1 ? '' : 's'}`).join(', ');
  return {
    title: { text: 'Structure tags', subtitle: `${data.tally.segments} segments; ${noted || 'no Message notes'}` },
    data: { values },
    width: 360,
    height: { step: 28 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: data.tags.map((tag) => data.tagLabel(tag.code)), title: 'Structure tag', axis: { labelPadding: 6 } },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'count', type: 'quantitative', stack: 'zero', title: 'Segments', axis: { tickMinStep: 1, format: 'd' } },
          color: { field: 'part', type: 'nominal', scale: { domain: parts, range: STRUCTURE_COLOURS }, title: null, legend: notes.length > 0 ? { orient: 'bottom', direction: 'horizontal' } : null },
          order: { field: 'rank' },
        },
      },
      {
        transform: [{ filter: 'datum.rank === 0' }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#222222' },
        encoding: { x: { field: 'total', type: 'quantitative' }, text: { field: 'total', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}

/** Approximate width of Helvetica-like text, so labels get the room they need without a canvas. */
function textWidth(item: { fontSize?: number }, text: string): number {
  let ems = 0;
  for (const char of String(text)) ems += /[ijlI.,:;'|!]/.test(char) ? 0.28 : /[frt() -]/.test(char) ? 0.36 : /[mwMW]/.test(char) ? 0.85 : /[A-Z]/.test(char) ? 0.68 : 0.56;
  return ems * (item.fontSize ?? 11);
}

/**
 * Renders the report's charts to SVG with Vega-Lite and Vega's headless
 * SVG renderer. Renders one at a time, numbering SVG ids afresh for each
 * report, so the same data always gives the same bytes.
 */
export async function renderFigures(data: ReportData): Promise<Figure[]> {
  const [{ compile }, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const figures = [
    { name: 'themes', title: 'Theme frequencies', caption: 'Segments and participants coded with each theme, most frequent first.', spec: themeSpec(data) },
    { name: 'participant-themes', title: 'Themes by participant', caption: 'Segments per participant and theme. Participants are grouped by their most frequent theme, so that participants with a similar profile sit together.', spec: participantSpec(data) },
    { name: 'theme-structure', title: 'Themes by structure tag', caption: 'Which themes are told as orientation, complicating action, evaluation or resolution.', spec: crossSpec(data) },
    { name: 'structure', title: 'Structure tags', caption: 'Segments per Labov & Waletzky tag; segments with a note (such as a Message) are shown apart.', spec: structureSpec(data) },
    { name: 'theme-cooccurrence', title: 'Themes coded together', caption: 'How many segments were coded with both themes: themes that are often told together.', spec: cooccurrenceSpec(data) },
  ];
  // Vega measures text with a canvas when there is one, else this function (not in its typings).
  const metrics = (vega as unknown as { textMetrics: { width: typeof textWidth } }).textMetrics;
  const measure = metrics.width;
  metrics.width = textWidth;
  vega.resetSVGDefIds();
  try {
    const rendered: Figure[] = [];
    for (const { spec, ...figure } of figures) {
      const view = new vega.View(vega.parse(compile({ ...spec, config: CONFIG } as TopLevelSpec).spec), { renderer: 'none' });
      try {
        // Vega writes labels as they are; a control character in an ID would make the SVG unreadable as XML.
        const svg = xmlChars(await view.toSVG());
        rendered.push({ ...figure, svg, width: Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]) });
      } finally {
        view.finalize();
      }
    }
    return rendered;
  } finally {
    metrics.width = measure;
  }
}
