/** One code of a codebook, with the rules that apply it. */
export interface CodeDef {
  code: string;
  name: string;
  description: string;
  /** Names of themes merged into this code. */
  aliases: string[];
  keywords: string[];
  phrases: string[];
  patterns: string[];
}

/** A validated codebook. */
export interface Codebook {
  /** The file it was read from, as given. */
  file: string;
  name: string;
  version: string;
  description: string;
  codes: CodeDef[];
}
