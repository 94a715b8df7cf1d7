/** The output formats of `phrases`. */
export const PHRASE_FORMATS = ['text', 'csv', 'json'] as const;

/** One of {@link PHRASE_FORMATS}. */
export type PhraseFormat = (typeof PHRASE_FORMATS)[number];
