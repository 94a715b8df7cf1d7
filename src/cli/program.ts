import { Command, CommanderError, Option } from 'commander';
import chalk from 'chalk';
import { analyse } from '../analyse.js';
import { participantRows } from '../read/segments.js';
import { UNITS, type Unit } from '../segment/index.js';
import { VERSION } from '../version.js';
import { gridCsv, gridMarkdown } from '../write/grid.js';
import { printFailure, printMessage, summary } from './report.js';

/** Exit codes: 0 success, 1 warnings under `--strict`, 2 bad input, options or codebook. */
export const EXIT = { ok: 0, findings: 1, bad: 2 } as const;

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

function program(setCode: (code: number) => void): Command {
  const cli = new Command('reflect-code')
    .description('Code written reflective accounts with a theme codebook and Labov & Waletzky structure tags.')
    .version(VERSION)
    .showHelpAfterError('(add --help for the options)')
    .addHelpText('after', `${examples(
      'reflect-code analyse samples/accounts.csv --out out',
      'reflect-code grid out/segments.csv --participant A32',
    )}\nExit codes: 0 done, 1 warnings with --strict, 2 bad input, options or codebook.\n`);

  cli
    .command('analyse')
    .alias('analyze')
    .summary('segment and code accounts; write segments.csv, frequency tables and coding grids')
    .description('Segment every account, code each segment with a theme codebook and a structure tag, and write segments.csv, themes.csv, structure.csv, participants.csv, theme-structure.csv, grids/, and a report (report.html, report.md, figures/) into the output folder.')
    .argument('<inputs...>', 'CSV/TSV exports, JSONL files, .txt files or folders of .txt files (file name = participant ID)')
    .option('-o, --out <folder>', 'output folder (must be new or empty unless --force)', 'reflect-code-out')
    .addOption(new Option('-u, --unit <unit>', 'segment unit: clause, sentence, or line (the physical lines, as in the study\'s figures)').choices(UNITS).default('clause'))
    .option('-c, --codebook <file>', 'theme codebook (YAML); default: the mentorship study\'s codebook')
    .option('--structure-rules <file>', 'structure cue file (YAML); default: Labov & Waletzky cues')
    .option('--id-column <name>', 'column (or JSONL key) with the participant ID', 'participant')
    .option('--text-column <name>', 'column (or JSONL key) with the account text', 'text')
    .option('-f, --force', 'replace the outputs of an earlier run in a non-empty output folder')
    .option('--no-report', 'skip report.html, report.md and figures/')
    .option('--deterministic', 'leave the date out of the report, so the same inputs give the same files byte for byte')
    .option('--strict', 'exit with code 1 when there are warnings (such as skipped empty accounts)')
    .option('-q, --quiet', 'print nothing but warnings and errors')
    .addHelpText('after', examples(
      'reflect-code analyse samples/accounts.csv --out out',
      'reflect-code analyse samples/study/accounts --unit line --out study-out',
      'reflect-code analyse export.csv --id-column ID --text-column Response --codebook my-codebook.yaml',
      'reflect-code analyse samples/accounts.csv --out out --force --deterministic',
    ))
    .action(async (inputs: string[], options: { out: string; unit: Unit; codebook?: string; structureRules?: string; idColumn: string; textColumn: string; force?: boolean; report: boolean; deterministic?: boolean; strict?: boolean; quiet?: boolean }) => {
      const result = await analyse({ ...options, inputs });
      for (const message of result.messages) printMessage(message);
      if (!options.quiet) process.stdout.write(summary(result));
      setCode(options.strict && result.messages.length > 0 ? EXIT.findings : EXIT.ok);
    });

  cli
    .command('grid')
    .summary('print one participant\'s coding grid from a segments.csv')
    .description('Print one participant\'s coding grid (segment, theme, Labov tag), like the study\'s Figures 2 and 3, from a segments.csv, including one you have corrected by hand.')
    .argument('<segments.csv>', 'a segments.csv written by analyse (and perhaps corrected)')
    .requiredOption('-p, --participant <id>', 'participant ID')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'csv']).default('md'))
    .addHelpText('after', examples(
      'reflect-code grid samples/study/coding.csv --participant A32',
      'reflect-code grid out/segments.csv --participant A44 --format csv > A44.csv',
    ))
    .action(async (file: string, options: { participant: string; format: 'md' | 'csv' }) => {
      const rows = await participantRows(file, options.participant);
      const render = options.format === 'csv' ? gridCsv : gridMarkdown;
      process.stdout.write(render(options.participant, rows));
      setCode(EXIT.ok);
    });

  return cli;
}

/**
 * Runs the command line with `argv` (as `process.argv`) and resolves to the
 * exit code; it never exits the process itself.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const cli = program((value) => {
    code = value;
  });
  cli.exitOverride();
  cli.configureOutput({ outputError: (text, write) => write(`reflect-code: ${chalk.red('error')}: ${text.replace(/^error: /, '')}`) });
  for (const command of cli.commands) {
    command.exitOverride();
    command.configureOutput({ outputError: (text, write) => write(`reflect-code: ${chalk.red('error')}: ${text.replace(/^error: /, '')}`) });
  }
  try {
    await cli.parseAsync(argv as string[]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.bad;
    printFailure(error);
    return EXIT.bad;
  }
}
