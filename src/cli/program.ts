import { extname } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import chalk from 'chalk';
import { DIMENSIONS, type Dimension } from '../agree/dimensions.js';
import { AGREE_FORMATS, formatAgreement, type AgreeFormat } from '../agree/format.js';
import { EXIT } from './exit.js';
import type { ReflectMessage } from '../messages.js';
import { LEVELS, type Level } from '../codebook/level.js';
import { UNITS, type Unit } from '../segment/index.js';
import { POSITION_UNITS, type PositionUnit } from '../exchange/project.js';
import { VERSION } from '../version.js';
import { gridCsv, gridMarkdown } from '../write/grid.js';
import { addCheckCommand } from './check-command.js';
import { addCodebookCommand } from './codebook-command.js';
import { addStructureCommand } from './structure-command.js';
import { addPhrasesCommand } from './phrases-command.js';
import { addExportCommand } from './export-command.js';
import { addImportCommand } from './import-command.js';
import { wholeNumber } from './numbers.js';
import { withInputOptions } from './input-options.js';
import { printFailure, printMessage, summary, tabulateSummary } from './report.js';
import { isInteractive, ProgressLine } from './progress.js';
import { WarningPrinter } from './warnings.js';
import { STDIN_NAME, stdinInputs } from './stdin.js';
import { GRID_FILES_LIMIT, GRID_MODES, type GridMode } from '../write/grids.js';


function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Runs `work` with a signal that Ctrl-C (or SIGTERM) raises, so a run stops cleanly at its next step (an account, an output file, the commit); a second Ctrl-C stops it at once. */
async function untilInterrupted<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const interrupt = new AbortController();
  const stop = () => interrupt.abort();
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    return await work(interrupt.signal);
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
}

/** Options of the commands that write a report: --no-report and --deterministic. */
function reportOptions(command: Command): Command {
  return command
    .option('--no-report', 'skip report.html, report.md and figures/')
    .option('--deterministic', 'leave the date out of the report, so the same inputs give the same files byte for byte');
}

/** Options of the commands that write an output folder: --force, --strict (with an example warning) and --quiet. */
function outputOptions(command: Command, warning: string): Command {
  return command
    .option('-f, --force', 'replace the outputs of an earlier run in a non-empty output folder')
    .option('--strict', `exit with code 1 when there are warnings (such as ${warning})`)
    .option('-q, --quiet', 'print nothing but warnings and errors');
}

/** `--structure-tags`: the tags in use, comma-separated. */
function structureTagsOption(): Option {
  return new Option('--structure-tags <tags>', 'structure tags to use, comma-separated (default: OR,CA,EV,RE; the shipped cue file also has AB and CODA)')
    .argParser((value: string) => value.split(',').map((tag) => tag.trim()).filter(Boolean));
}

/** `--grids`: how the coding grids are written. */
function gridsOption(): Option {
  return new Option('--grids <how>', `coding grids: files (grids/<participant>.md and .csv), combined (grids.csv and grids.md), none, or auto (files up to ${GRID_FILES_LIMIT} participants, combined above)`).choices(GRID_MODES).default('auto');
}

/** `--level`: count codes as coded or under their top-level codes. */
function levelOption(): Option {
  return new Option('--level <level>', 'count codes as coded (leaves) or each under its top-level code (parents) in grids, tables and report').choices(LEVELS).default('leaves');
}

/** `--by` and `--min-group-size`: compare the groups of metadata columns. */
function groupOptions(command: Command): Command {
  return command
    .option('--by <column>', 'compare groups of participants by this input column (such as site or role): themes-by-<column>.csv, structure-by-<column>.csv, with a chi-square test per code; repeat for more columns', (value: string, previous: string[] = []) => [...previous, value])
    .option('--min-group-size <n>', 'pool groups with fewer participants into "Other (small groups)", so no small group can identify anyone', wholeNumber(1), 5);
}

/** Options of the commands that read a coding: the codebooks its codes come from. */
function codingOptions(command: Command): Command {
  return command
    .option('-c, --codebook <file>', 'theme codebook (YAML) the codes come from; default: the mentorship study\'s codebook')
    .option('--structure-rules <file>', 'structure cue file (YAML) the tags come from; default: Labov & Waletzky cues')
    .addOption(structureTagsOption())
    .option('--allow-new-codes', 'keep codes the codebook does not list (a warning each) instead of stopping');
}

/** Prints the warnings, then `text` unless quiet, and gives the exit code: 1 for warnings (`warnings` of them, printed or not) under --strict. */
function report(messages: readonly ReflectMessage[], text: string, options: { strict?: boolean; quiet?: boolean }, warnings = messages.length): number {
  for (const message of messages) printMessage(message);
  if (!options.quiet) process.stdout.write(text);
  return options.strict && warnings > 0 ? EXIT.findings : EXIT.ok;
}

function program(setCode: (code: number) => void): Command {
  const cli = new Command('reflect-code')
    .description('Code written reflective accounts with a theme codebook and Labov & Waletzky structure tags.')
    .version(VERSION)
    .showHelpAfterError('(add --help for the options)')
    .addHelpText('after', `${examples(
      'reflect-code analyse samples/accounts.csv --out out',
      'reflect-code tabulate out/segments.csv --out out-reviewed',
      'reflect-code agree samples/study/coding.csv study-out/segments.csv',
      'reflect-code grid out/segments.csv --participant A32',
      'reflect-code check samples/accounts.csv',
      'reflect-code phrases samples/accounts.csv --kwic',
    )}\nExit codes: 0 done, 1 findings (warnings with --strict; identifying details found by check), 2 bad input, options or codebook.\nColours: --no-color (anywhere on the line) or the NO_COLOR environment variable turns them off; they are off when the output is not a terminal.\n`);

  const analyseCommand = cli
    .command('analyse')
    .alias('analyze')
    .summary('segment and code accounts; write segments.csv, frequency tables, coding grids and a report')
    .description('Segment every account, code each segment with a theme codebook and a structure tag, and write segments.csv, themes.csv, structure.csv, participants.csv, theme-structure.csv, theme-cooccurrence.csv, theme-cooccurrence-participants.csv (and with --by, themes-by-<column>.csv and structure-by-<column>.csv), grids/, and a report (report.html, report.md, figures/) into the output folder.')
    .argument('<inputs...>', 'CSV/TSV exports, JSONL files, .txt files or folders of .txt files (file name = participant ID); - reads a CSV or JSONL piped in on standard input')
    .option('-o, --out <folder>', 'output folder, new or empty unless --force (default: reflect-code-out, if that is not among the inputs)')
    .addOption(new Option('-u, --unit <unit>', 'segment unit: clause, sentence, line (the physical lines, as in the study\'s figures), paragraph, or section (everything under one heading); headings such as "Feelings:" are never coded but written in the section column').choices(UNITS).default('clause'))
    .option('-c, --codebook <file>', 'theme codebook (YAML); default: the mentorship study\'s codebook')
    .option('--structure-model <file>', 'structure model (JSON, from "reflect-code structure train"); default: the shipped Labov & Waletzky model')
    .option('--structure-rules <file>', 'tag structure by a cue file (YAML) instead of a model, such as codebooks/labov.yaml')
    .addOption(structureTagsOption())
    .addOption(levelOption())
    .option('--merge-duplicates', 'join the texts of a participant ID that appears more than once, instead of stopping')
    .option('--no-check', 'do not warn about identifying details left in the accounts (see reflect-code check)')
    .option('--allow-list <file>', 'words and phrases the anonymity check never reports, one per line')
    .addOption(gridsOption())
    .addOption(new Option('-j, --jobs <n>', 'how many accounts are coded at once, one per core (default: every core for inputs of 4 MB or more, about 3,000 accounts); 1 codes in one thread. The outputs are the same whatever the number').argParser(wholeNumber(1)));
  outputOptions(reportOptions(withInputOptions(groupOptions(analyseCommand))), 'skipped empty accounts')
    .addHelpText('after', examples(
      'reflect-code analyse samples/accounts.csv --out out',
      'reflect-code analyse samples/study/accounts --unit line --out study-out',
      'reflect-code analyse export.csv --id-column ID --text-column Response --codebook my-codebook.yaml',
      'reflect-code analyse old-excel-export.csv --encoding windows-1252 --delimiter ";"',
      'reflect-code analyse samples/accounts.csv --out out --force --deterministic',
      'reflect-code analyse samples/accounts.csv --out out --by site --by role',
      'reflect-code analyse whole-organisation.csv --out results --grids combined --jobs 4',
    ))
    .action(async (inputs: string[], options: { by?: string[]; minGroupSize: number; out?: string; unit: Unit; codebook?: string; structureRules?: string; structureModel?: string; structureTags?: string[]; level: Level; idColumn: string; textColumn: string; encoding?: string; delimiter?: string; mergeDuplicates?: boolean; check: boolean; allowList?: string; report: boolean; deterministic?: boolean; grids: GridMode; jobs?: number; force?: boolean; strict?: boolean; quiet?: boolean }) => {
      const { analyse } = await import('../analyse.js');
      const piped = await stdinInputs(inputs);
      const progress = !options.quiet && isInteractive(process.stderr) ? new ProgressLine(process.stderr) : undefined;
      const warnings = new WarningPrinter(() => progress?.clear());
      try {
        const inputNames = inputs.map((input) => (input === '-' ? STDIN_NAME : input));
        const result = await untilInterrupted((signal) => analyse({ ...options, inputs: piped.inputs, inputNames, signal, onMessage: (message) => warnings.print(message), onProgress: (done) => progress?.update(done) }));
        warnings.finish();
        progress?.done();
        setCode(report([], summary(result), options, warnings.total));
      } finally {
        progress?.clear();
        await piped.cleanup();
      }
    });

  const tabulateCommand = cli
    .command('tabulate')
    .summary('rebuild the tables and grids from a reviewed segments.csv')
    .description('Rebuild themes.csv, structure.csv, participants.csv, theme-structure.csv, theme-cooccurrence.csv, theme-cooccurrence-participants.csv, the --by tables, grids/ and the report (report.html, report.md, figures/) from a segments.csv you have reviewed and corrected (in a spreadsheet, say), exactly as analyse writes them.')
    .argument('<segments.csv>', 'a segments.csv written by analyse and corrected by hand (rows in any order; codes like "CO;T", "co / t" or "CO,T")')
    .requiredOption('-o, --out <folder>', 'output folder (must be new or empty unless --force, and apart from the segments.csv)');
  codingOptions(tabulateCommand)
    .addOption(levelOption())
    .option('--accounts <inputs...>', 'the source accounts (as given to analyse), to check every row\'s text against its offsets')
    .addOption(gridsOption());
  groupOptions(tabulateCommand);
  outputOptions(reportOptions(withInputOptions(tabulateCommand, 'with --accounts: ')), 'a text that no longer fits its offsets')
    .addHelpText('after', examples(
      'reflect-code tabulate samples/study/coding.csv --out study-tables',
      'reflect-code tabulate reviewed.csv --out reviewed-out --accounts samples/study/accounts',
      'reflect-code tabulate reviewed.csv --out reviewed-out --by site --min-group-size 10',
    ))
    .action(async (segments: string, options: { by?: string[]; minGroupSize: number; out: string; codebook?: string; structureRules?: string; structureTags?: string[]; level: Level; allowNewCodes?: boolean; accounts?: string[]; report: boolean; deterministic?: boolean; grids: GridMode; idColumn: string; textColumn: string; force?: boolean; strict?: boolean; quiet?: boolean }) => {
      const { tabulate } = await import('../tabulate.js');
      const result = await untilInterrupted((signal) => tabulate({ ...options, segments, signal }));
      setCode(report(result.messages, tabulateSummary(result), options));
    });

  const agreeCommand = cli
    .command('agree')
    .summary('measure how far two codings of the same accounts agree')
    .description('Compare two codings of the same accounts (two researchers, or reflect-code against a researcher), unit by unit: per code and overall, percent agreement, Cohen\'s kappa, Krippendorff\'s alpha and the Landis and Koch reading; for structure tags also a confusion matrix.')
    .argument('<a.csv>', 'the first coding: a segments.csv (written by analyse, or a researcher\'s, perhaps corrected), or a REFI-QDA project (.qdpx) coded in NVivo, ATLAS.ti, MAXQDA or QualCoder')
    .argument('<b.csv>', 'the second coding of the same accounts (a .qdpx project is read onto the units of the other coding: a segment gets the codes of the selections covering at least half of it)')
    .option('--user <name>', 'of a .qdpx project, the coder to compare (default: each coder in turn)')
    .addOption(new Option('--positions <unit>', 'of a .qdpx project, what its selection positions count (default: detected from the selections\' text, else code points)').choices(POSITION_UNITS))
    .addOption(new Option('-d, --dimension <dimension>', 'compare only themes or only structure tags (default: both)').choices(DIMENSIONS))
    .option('--exclude-uncoded', 'leave out units neither coding coded (they otherwise count as agreement)')
    .addOption(new Option('--format <format>', 'output format').choices(AGREE_FORMATS).default('table'));
  codingOptions(agreeCommand)
    .option('--strict', 'exit with code 1 when there are warnings (such as units only one coding has)')
    .addHelpText('after', examples(
      'reflect-code agree samples/study/coding.csv study-out/segments.csv',
      'reflect-code agree mine.csv yours.csv --dimension structure --exclude-uncoded --format csv > agreement.csv',
      'reflect-code agree coded-in-nvivo.qdpx out/segments.csv --user "Dr Researcher"',
    ))
    .action(async (a: string, b: string, options: { dimension?: Dimension; excludeUncoded?: boolean; format: AgreeFormat; codebook?: string; structureRules?: string; structureTags?: string[]; allowNewCodes?: boolean; strict?: boolean; user?: string; positions?: PositionUnit }) => {
      const { agree } = await import('../agree.js');
      const project = [a, b].find((file) => extname(file).toLowerCase() === '.qdpx');
      const users = project !== undefined && options.user === undefined ? await (await import('../exchange/human-coding.js')).projectCoders(project) : [options.user];
      let code: number = EXIT.ok;
      // Each coder is compared in turn; what the project's warnings say is printed once.
      const printed = new Set<string>();
      for (const user of users.length > 0 ? users : [undefined]) {
        const result = await agree({ ...options, a, b, user });
        const fresh = result.messages.filter((message) => !printed.has(message.toString()));
        fresh.forEach((message) => printed.add(message.toString()));
        code = Math.max(code, report(fresh, formatAgreement(result, options.format), options, result.messages.length));
      }
      setCode(code);
    });

  const gridCommand = cli
    .command('grid')
    .summary('print one participant\'s coding grid from a segments.csv')
    .description('Print one participant\'s coding grid (segment, theme, Labov tag), like the study\'s Figures 2 and 3, from a segments.csv, including one you have corrected by hand.')
    .argument('<segments.csv>', 'a segments.csv written by analyse (and perhaps corrected)')
    .requiredOption('-p, --participant <id>', 'participant ID')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'csv']).default('md'));
  codingOptions(gridCommand)
    .addHelpText('after', examples(
      'reflect-code grid samples/study/coding.csv --participant A32',
      'reflect-code grid out/segments.csv --participant A44 --format csv > A44.csv',
    ))
    .action(async (file: string, options: { participant: string; format: 'md' | 'csv'; codebook?: string; structureRules?: string; structureTags?: string[]; allowNewCodes?: boolean }) => {
      const { grid } = await import('../grid.js');
      const { rows, messages } = await grid({ ...options, segments: file });
      const render = options.format === 'csv' ? gridCsv : gridMarkdown;
      setCode(report(messages, render(options.participant, rows), {}));
    });

  addCheckCommand(cli, setCode, examples);
  addCodebookCommand(cli, setCode, examples);
  addStructureCommand(cli, setCode, examples);
  addPhrasesCommand(cli, setCode, examples);
  addExportCommand(cli, setCode, examples);
  addImportCommand(cli, setCode, examples);

  return cli;
}

/**
 * True when colours are turned off: `--no-color` anywhere on the command
 * line, or `NO_COLOR` set to anything but an empty string (no-color.org).
 */
function colourOff(argv: readonly string[]): boolean {
  return argv.includes('--no-color') || (process.env.NO_COLOR ?? '') !== '';
}

/**
 * Runs the command line with `argv` (as `process.argv`) and resolves to the
 * exit code; it never exits the process itself.
 */
export async function run(argv: readonly string[]): Promise<number> {
  if (colourOff(argv)) chalk.level = 0;
  // Every command takes --no-color; it is taken out here rather than declared on each.
  argv = argv.filter((arg) => arg !== '--no-color');
  let code: number = EXIT.ok;
  const cli = program((value) => {
    code = value;
  });
  cli.exitOverride();
  cli.configureOutput({ outputError: (text, write) => write(`reflect-code: ${chalk.red('error')}: ${text.replace(/^error: /, '')}`) });
  for (const command of cli.commands.flatMap((child) => [child, ...child.commands])) {
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
