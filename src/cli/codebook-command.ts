import { Option, type Command } from 'commander';
import type { AnyCodebook } from '../codebook/any.js';
import { EXPORT_FORMATS, type ExportFormat } from '../codebook/formats.js';
import { SHOW_FORMATS, type ShowFormat } from '../codebook/show.js';
import { UNITS, type Unit } from '../segment/index.js';
import { printMessage } from './report.js';
import { EXIT } from './exit.js';

/** `valid theme codebook "Name", 9 codes, 230 rules`. */
function describeBook(book: AnyCodebook): string {
  if (book.kind === 'structure') return `valid structure cue file "${book.cues.name}", ${book.cues.codes.length} tags, ${book.cues.codes.reduce((sum, code) => sum + code.cues.length, 0)} cues`;
  return `valid theme codebook "${book.codebook.name}", ${book.codebook.codes.length} codes, ${book.codebook.codes.reduce((sum, code) => sum + code.rules.length, 0)} rules`;
}

/** Exit codes of the codebook commands (a subset of the program's). */

/**
 * Adds the `codebook` command group: validate, show, explain, init, import
 * and export, for building a codebook and trading it with other QDA tools.
 */
export function addCodebookCommand(cli: Command, setCode: (code: number) => void, examples: (...lines: string[]) => string): void {
  const group = cli
    .command('codebook')
    .summary('check, show, explain, start, import and export codebooks')
    .description('Work on a theme codebook: check it for mistakes, list its codes, see which rules fire on a sentence, start a new one, and trade codebooks with LIWC, quanteda and REFI-QDA tools (NVivo, ATLAS.ti, MAXQDA...).')
    .addHelpText('after', examples(
      'reflect-code codebook validate codebooks/mentorship.yaml',
      'reflect-code codebook explain codebooks/mentorship.yaml "I am not getting sucked into staff problems as much."',
      'reflect-code codebook export codebooks/mentorship.yaml --format qdc --out mentorship.qdc',
    ));

  group
    .command('validate')
    .description('Check a theme codebook (or a structure cue file) and list every problem with its file:line:column. Exit 0 when there is none, 2 otherwise.')
    .argument('<file>', 'codebook YAML file')
    .addHelpText('after', examples('reflect-code codebook validate codebooks/mentorship.yaml'))
    .action(async (file: string) => {
      const { readAnyCodebook } = await import('../codebook/any.js');
      const { book, messages } = await readAnyCodebook(file);
      for (const message of messages) printMessage(message);
      if (book) {
        const warnings = messages.length ? `, ${messages.length} warning${messages.length === 1 ? '' : 's'}` : '';
        process.stdout.write(`${file}: ${describeBook(book)}${warnings}\n`);
      } else {
        process.stderr.write(`${file}: ${messages.length} problem${messages.length === 1 ? '' : 's'}\n`);
      }
      setCode(book ? EXIT.ok : EXIT.bad);
    });

  group
    .command('show')
    .description('List the codes of a theme codebook: code, name, parent, merged names, number of rules of each kind, exclude terms, min_matches and description.')
    .argument('<file>', 'codebook YAML file')
    .addOption(new Option('--format <format>', 'output format').choices(SHOW_FORMATS).default('md'))
    .addHelpText('after', examples('reflect-code codebook show codebooks/mentorship.yaml', 'reflect-code codebook show codebooks/mentorship.yaml --format csv > codes.csv'))
    .action(async (file: string, options: { format: ShowFormat }) => {
      const [{ showCodebook }, { loadCodebook }] = await Promise.all([import('../codebook/show.js'), import('../codebook/read.js')]);
      process.stdout.write(showCodebook(await loadCodebook(file), options.format));
      setCode(EXIT.ok);
    });

  group
    .command('explain')
    .description('Segment a text and show, for each segment, every rule that fired and every match vetoed by a negator, an except phrase or an exclude term; for a structure cue file, every tag\'s total and the cues that held.')
    .argument('<file>', 'theme codebook or structure cue file (YAML)')
    .argument('<text>', 'the text to explain, in quotes')
    .addOption(new Option('-u, --unit <unit>', 'segment unit').choices(UNITS).default('clause'))
    .addHelpText('after', examples(
      'reflect-code codebook explain codebooks/mentorship.yaml "I did not learn much, but I feel calmer."',
      'reflect-code codebook explain codebooks/labov.yaml "Then the inspector asked to see the care plans."',
    ))
    .action(async (file: string, text: string, options: { unit: Unit }) => {
      const [{ explainText }, { loadAnyCodebook }] = await Promise.all([import('../codebook/explain.js'), import('../codebook/any.js')]);
      process.stdout.write(`${explainText(await loadAnyCodebook(file), text, options.unit).join('\n')}\n`);
      setCode(EXIT.ok);
    });

  group
    .command('init')
    .description('Write a commented starter codebook with an example of every kind of rule.')
    .argument('[file]', 'where to write it', 'codebook.yaml')
    .option('-f, --force', 'replace an existing file')
    .addHelpText('after', examples('reflect-code codebook init my-codebook.yaml'))
    .action(async (file: string, options: { force?: boolean }) => {
      const { initCodebook } = await import('../codebook/exchange.js');
      await initCodebook(file, options);
      process.stdout.write(`Wrote ${file}. Check it with: reflect-code codebook validate ${file}\n`);
      setCode(EXIT.ok);
    });

  const convert = async (file: string, format: ExportFormat, options: { out?: string; force?: boolean }) => {
    const { exportCodebook } = await import('../codebook/exchange.js');
    const { text, messages } = await exportCodebook(file, { format, out: options.out, force: options.force });
    for (const message of messages) printMessage(message);
    if (options.out) process.stdout.write(`Wrote ${options.out}${messages.length ? ` (${messages.length} warning${messages.length === 1 ? '' : 's'} above)` : ''}.\n`);
    else process.stdout.write(text);
    setCode(EXIT.ok);
  };

  group
    .command('import')
    .description('Turn a LIWC .dic, LIWC-22 .dicx, quanteda YAML or REFI-QDA .qdc codebook into a reflect-code codebook (YAML). Entries become patterns (whole words, * any ending) or phrases; what cannot be kept is dropped with a warning naming its line. A .qdc brings names, descriptions and hierarchy; write the rules yourself.')
    .argument('<file>', '.dic, .dicx, .yaml/.yml or .qdc file')
    .option('-o, --out <file>', 'codebook YAML to write (default: print it)')
    .option('-f, --force', 'replace an existing output file')
    .addHelpText('after', examples('reflect-code codebook import my-dictionary.dic --out codebook.yaml', 'reflect-code codebook import nvivo-export.qdc --out codebook.yaml'))
    .action((file: string, options: { out?: string; force?: boolean }) => convert(file, 'yaml', options));

  group
    .command('export')
    .description('Write a codebook as REFI-QDA .qdc (for NVivo, ATLAS.ti, MAXQDA and other QDA tools: names, descriptions and hierarchy) or as reflect-code YAML.')
    .argument('<file>', 'codebook (YAML, or any file import reads)')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('qdc'))
    .option('-o, --out <file>', 'file to write (default: print it)')
    .option('-f, --force', 'replace an existing output file')
    .addHelpText('after', examples('reflect-code codebook export codebooks/mentorship.yaml --format qdc --out mentorship.qdc'))
    .action((file: string, options: { format: ExportFormat; out?: string; force?: boolean }) => convert(file, options.format, options));
}
