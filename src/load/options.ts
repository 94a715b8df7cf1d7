/** How accounts are found and read in the inputs. */
export interface LoadOptions {
  /** Column (CSV) or key (JSONL) holding the participant ID. Default `participant`. */
  idColumn?: string;
  /** Column (CSV) or key (JSONL) holding the account's text. Default `text`. */
  textColumn?: string;
  /** Text encoding of every input (e.g. `windows-1252`); detected per file when not given. */
  encoding?: string;
  /** CSV field delimiter (one character, or `tab`); detected from the header line when not given. */
  delimiter?: string;
  /** Rows right after a CSV's header row to skip (a survey export's extra header rows); detected for Qualtrics-style exports when not given. */
  skipRows?: number;
  /** Join the texts of a participant ID seen more than once, instead of stopping. */
  mergeDuplicates?: boolean;
}

/** The ID and text column names, with their defaults filled in. */
export function columnsOf(options: LoadOptions): { id: string; text: string } {
  return { id: options.idColumn ?? 'participant', text: options.textColumn ?? 'text' };
}
