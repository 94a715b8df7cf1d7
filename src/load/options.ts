/** How accounts are found in tabular inputs (CSV and JSONL). */
export interface LoadOptions {
  /** Column (CSV) or key (JSONL) holding the participant ID. Default `participant`. */
  idColumn?: string;
  /** Column (CSV) or key (JSONL) holding the account's text. Default `text`. */
  textColumn?: string;
}

/** The load options with defaults filled in. */
export function columnsOf(options: LoadOptions): { id: string; text: string } {
  return { id: options.idColumn ?? 'participant', text: options.textColumn ?? 'text' };
}
