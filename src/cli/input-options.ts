import type { Command } from 'commander';
import { wholeNumber } from './numbers.js';

/**
 * Adds the options that say how to read the inputs (columns, encoding,
 * delimiter), shared by `analyse`, `check` and `tabulate --accounts`;
 * `prefix` starts each description (e.g. `with --accounts: `).
 */
export function withInputOptions(command: Command, prefix = ''): Command {
  return command
    .option('--id-column <name>', `${prefix}column (or JSONL key) with the participant ID`, 'participant')
    .option('--text-column <name>', `${prefix}column (or JSONL key) with the account text: a name, its unambiguous beginning, or a column number (1 = the first)`, 'text')
    .option('--encoding <name>', `${prefix}text encoding of the inputs, e.g. utf-8, utf-16le, windows-1252 (default: detected per file)`)
    .option('--delimiter <char>', `${prefix}CSV delimiter: , or ; or tab (default: detected from the header line)`)
    .option('--skip-rows <n>', `${prefix}rows right after a CSV's header row to skip, such as a survey export's question texts (default: a Qualtrics-style export's question-text and {"ImportId": ...} rows are found and skipped)`, wholeNumber(0));
}
