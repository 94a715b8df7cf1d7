// Types for the part of `wink-lemmatizer` (a CommonJS module) that reflect-code uses.
declare module 'wink-lemmatizer' {
  const lemmatizer: {
    /** The dictionary form of a verb, from WordNet's base forms and irregular-verb exceptions. */
    verb(word: string): string;
    /** The dictionary form of a noun (singular). */
    noun(word: string): string;
    /** The dictionary form of an adjective (positive). */
    adjective(word: string): string;
  };
  export default lemmatizer;
}
