import type { Command } from 'commander';
import { withInputOptions } from './input-options.js';
import { printMessage } from './report.js';
import { EXIT } from './exit.js';

/** The exit codes `check` gives (a subset of the program's). */

/**
 * Adds `check` to the program: scan accounts for identifying details and,
 * with `--redact`, write a redacted copy. Exit 0 when nothing is found (or
 * everything found was redacted), 1 when something is found.
 */
export function addCheckCommand(cli: Command, setCode: (code: number) => void, examples: (...lines: string[]) => string): void {
  withInputOptions(cli
    .command('check')
    .summary('look for what anonymisation missed (e-mails, phones, addresses, postcodes, NHS and NI numbers, dates, web addresses, handles, names)')
    .description('Scan accounts (the text, every other column and the participant ID) for details that may identify someone: e-mail addresses, social media handles, UK and international phone numbers, house addresses, UK postcodes, NHS numbers (with a valid check digit), National Insurance numbers, full dates such as dates of birth, web addresses, and names (capitalised words that are not common English words, words after a title such as Dr or Mrs, and listed names in capitals or small letters). Each finding is reported by participant, offset and kind, never by its text. With --redact, write a copy with each finding in the text and the other columns replaced by [EMAIL], [PHONE], [NAME]... and a log of the replacements; participant IDs are reported, never changed.')
    .argument('<inputs...>', 'CSV/TSV exports, JSONL files, .txt files or folders of .txt files, as for analyse')
    .option('--allow-list <file>', 'words and phrases never to report, one per line (# starts a comment)')
    .option('--redact', 'write accounts.csv (redacted) and redactions.csv (what was replaced, where) into --out')
    .option('-o, --out <folder>', 'output folder for --redact, new or empty unless --force (default: reflect-code-redacted, if that is not among the inputs)')
    .option('-f, --force', 'replace an earlier redacted copy in a non-empty output folder'))
    .option('-q, --quiet', 'print the findings only, not the summary')
    .addHelpText('after', `${examples(
      'reflect-code check samples/accounts.csv',
      'reflect-code check samples/accounts.csv --allow-list samples/allow-list.txt',
      'reflect-code check samples/accounts.csv --redact --out redacted',
    )}\nExit codes: 0 nothing found (or all of it redacted), 1 something found, 2 bad input or options.\n`)
    .action(async (inputs: string[], options: { allowList?: string; redact?: boolean; out?: string; force?: boolean; idColumn: string; textColumn: string; encoding?: string; delimiter?: string; quiet?: boolean }) => {
      const { check } = await import('../check/check.js');
      const result = await check({ ...options, inputs });
      const found = result.messages.filter((message) => message.ruleId.startsWith('check-'));
      for (const message of result.messages) {
        if (message.ruleId.startsWith('check-')) process.stdout.write(`${message.toString()}\n`);
        else printMessage(message);
      }
      if (!options.quiet) {
        process.stdout.write(`Found ${found.length} possible identifying detail${found.length === 1 ? '' : 's'} in ${result.flagged} of ${result.accounts} accounts (columns checked: ${result.columns.join(', ')}).\n`);
        if (result.out) process.stdout.write(`Wrote ${result.out}: accounts.csv (redacted), redactions.csv (what was replaced, where).\n`);
      }
      setCode(found.length > 0 && !options.redact ? EXIT.findings : EXIT.ok);
    });
}
