/**
 * Paul Tol's "muted" palette: nine colours told apart with every common
 * colour-vision deficiency, in the order themes get them; each colour with
 * the text colour that reads on it.
 */
const TOL_MUTED: ReadonlyArray<{ fill: string; text: string }> = [
  { fill: '#CC6677', text: '#000000' }, // rose
  { fill: '#332288', text: '#FFFFFF' }, // indigo
  { fill: '#DDCC77', text: '#000000' }, // sand
  { fill: '#117733', text: '#FFFFFF' }, // green
  { fill: '#88CCEE', text: '#000000' }, // cyan
  { fill: '#882255', text: '#FFFFFF' }, // wine
  { fill: '#44AA99', text: '#000000' }, // teal
  { fill: '#999933', text: '#000000' }, // olive
  { fill: '#AA4499', text: '#FFFFFF' }, // purple
];

/** A theme's colours in every chart and grid of a report. */
export interface ThemeColour {
  fill: string;
  text: string;
}

/**
 * Gives each theme code its colour, in codebook order, so a theme has the
 * same colour in every chart and grid. Past nine codes the palette repeats (the
 * code is always written beside its colour).
 */
export function themeColours(codes: readonly string[]): Map<string, ThemeColour> {
  return new Map(codes.map((code, i) => [code, TOL_MUTED[i % TOL_MUTED.length]]));
}

/** Colour of structure tag bars (blue), then of the notes on them, Message first (orange): a colour-blind-safe pair. */
export const STRUCTURE_COLOURS = ['#4477AA', '#EE7733', '#BBBBBB', '#CCBB44'];

/** Sequential, colour-blind-safe scheme of the heatmaps (light = few, dark = many); empty cells are {@link EMPTY_CELL}. */
export const HEATMAP_SCHEME = 'blues';

/** Colour of a heatmap cell with no segments: pale grey, apart from the blues. */
export const EMPTY_CELL = '#F4F4F4';

/** Font of the charts and the page: a sans-serif every system has. */
export const FONT = 'Helvetica, Arial, "Liberation Sans", sans-serif';
