/** What two codings can be compared on: theme codes, structure tags, or (by default) both. */
export const DIMENSIONS = ['themes', 'structure'] as const;

/** One of {@link DIMENSIONS}. */
export type Dimension = (typeof DIMENSIONS)[number];
