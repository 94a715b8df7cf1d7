import type { Command } from 'commander';

/** Adds the options that say how to read the inputs (columns, encoding, delimiter), shared by `analyse` and `check`. */
export function withInputOptions(command: Command): Command {
  return command
    .option('--id-column <name>', 'column (or JSONL key) with the participant ID', 'participant')
    .option('--text-column <name>', 'column (or JSONL key) with the account text', 'text')
    .option('--encoding <name>', 'text encoding of the inputs, e.g. utf-8, utf-16le, windows-1252 (default: detected per file)')
    .option('--delimiter <char>', 'CSV delimiter: , or ; or tab (default: detected from the header line)');
}
