import { Option, type Command } from 'commander';
import { POSITION_UNITS, type PositionUnit } from '../exchange/project.js';
import { UNITS, type Unit } from '../segment/index.js';
import { EXIT } from './exit.js';
import { withInputOptions } from './input-options.js';
import { printMessage } from './report.js';

/**
 * Adds `export qdpx` to the program: write the accounts and their coding
 * as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder.
 */
export function addExportCommand(cli: Command, setCode: (code: number) => void, examples: (...lines: string[]) => string): void {
  const exportCommand = cli
    .command('export')
    .summary('export accounts and their coding as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder')
    .description('Export a whole coded project for qualitative data analysis software.');
  withInputOptions(exportCommand
    .command('qdpx')
    .summary('write a REFI-QDA project (.qdpx): accounts, cases, variables, codebook and codings')
    .description('Write a REFI-QDA project (.qdpx, the exchange standard NVivo, ATLAS.ti, MAXQDA and QualCoder import): each account a text source, each participant a case with the other input columns as variables, the theme codebook and the Labov & Waletzky tags as codes, and each coded segment a selection with its codes. The coding is a segments.csv (a reviewed one, say) given with --coding, or the accounts are coded afresh. Selection positions count Unicode code points, as the standard says; NVivo counts UTF-16 units instead (--positions utf16).')
    .argument('<inputs...>', 'the accounts, as given to analyse: CSV/TSV exports, JSONL files, .txt files or folders of .txt files')
    .requiredOption('-o, --out <file.qdpx>', 'the project file to write')
    .option('--coding <segments.csv>', 'the coding to export (a segments.csv from analyse, perhaps corrected); default: code the accounts afresh')
    .option('-c, --codebook <file>', 'theme codebook (YAML); default: the mentorship study\'s codebook')
    .option('--structure-model <file>', 'structure model (JSON) when coding afresh; default: the shipped model')
    .option('--structure-rules <file>', 'tag structure by a cue file (YAML) instead of a model')
    .addOption(new Option('-u, --unit <unit>', 'segment unit when coding afresh').choices(UNITS).default('clause'))
    .addOption(new Option('--positions <unit>', 'selection positions: code-points (the standard; QualCoder, ATLAS.ti, MAXQDA) or utf16 (NVivo)').choices(POSITION_UNITS).default('code-points'))
    .option('--coder <name>', 'the coder\'s name in the project (default: reflect-code, or researcher with --coding)')
    .option('--allow-new-codes', 'keep codes of --coding that the codebook does not list')
    .option('-f, --force', 'replace an existing project file')
    .option('-q, --quiet', 'print nothing but warnings and errors'))
    .addHelpText('after', examples(
      'reflect-code export qdpx samples/accounts.csv --out accounts.qdpx',
      'reflect-code export qdpx samples/accounts.csv --coding reviewed/segments.csv --coder "Dr Researcher" --out reviewed.qdpx',
      'reflect-code export qdpx samples/accounts.csv --positions utf16 --out for-nvivo.qdpx',
    ))
    .action(async (inputs: string[], options: { out: string; coding?: string; codebook?: string; structureModel?: string; structureRules?: string; unit: Unit; positions: PositionUnit; coder?: string; allowNewCodes?: boolean; force?: boolean; quiet?: boolean; idColumn: string; textColumn: string; encoding?: string; delimiter?: string; skipRows?: number }) => {
      const { exportQdpx } = await import('../exchange/export-qdpx.js');
      const result = await exportQdpx({ ...options, inputs });
      result.messages.forEach(printMessage);
      if (!options.quiet) process.stdout.write(`Wrote ${result.out}: ${result.accounts} account${result.accounts === 1 ? '' : 's'}, ${result.selections} coded segments, ${result.codings} codings (positions in ${options.positions === 'utf16' ? 'UTF-16 units' : 'code points'}).\n`);
      setCode(EXIT.ok);
    });
}
