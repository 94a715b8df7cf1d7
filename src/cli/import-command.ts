import { Option, type Command } from 'commander';
import { POSITION_UNITS, type PositionUnit } from '../exchange/project.js';
import { UNITS, type Unit } from '../segment/index.js';
import { EXIT } from './exit.js';
import { printMessage } from './report.js';

/**
 * Adds `import` to the program: read a REFI-QDA project coded by people
 * in another tool into accounts.csv and one segments file per coder.
 */
export function addImportCommand(cli: Command, setCode: (code: number) => void, examples: (...lines: string[]) => string): void {
  cli
    .command('import')
    .summary('read a REFI-QDA project (.qdpx) coded in NVivo, ATLAS.ti, MAXQDA or QualCoder: accounts.csv and a segments file per coder')
    .description('Read a REFI-QDA project (.qdpx) coded by people in another tool. Writes accounts.csv (each text source, by participant: its case\'s name, else the source\'s name) and, for each coder, segments-<coder>.csv: the sources cut into segments as analyse cuts accounts, each segment with the codes of the coder\'s selections that cover at least half of it. Codes are matched to the codebook by the code in their name ("Coaching (CO)") or by their name; codes under "Labov structure", or named like a tag, are structure tags. What the project holds that reflect-code cannot use (pictures, PDFs, audio, video, notes, sets, links, graphs) is listed as warnings.')
    .argument('<project.qdpx>', 'the REFI-QDA project file')
    .requiredOption('-o, --out <folder>', 'output folder, new or empty unless --force')
    .addOption(new Option('-u, --unit <unit>', 'segment unit, as for analyse').choices(UNITS).default('clause'))
    .addOption(new Option('--positions <unit>', 'what the selection positions count (default: detected from the selections\' text, else code points, as the standard says)').choices(POSITION_UNITS))
    .option('-c, --codebook <file>', 'theme codebook (YAML) the codes come from; default: the mentorship study\'s codebook')
    .option('--structure-rules <file>', 'structure cue file (YAML) the tags come from; default: Labov & Waletzky cues')
    .option('--allow-new-codes', 'keep codes the codebook does not list (as new theme codes) instead of stopping')
    .option('-f, --force', 'replace the outputs of an earlier import in a non-empty output folder')
    .option('-q, --quiet', 'print nothing but warnings and errors')
    .addHelpText('after', examples(
      'reflect-code import coded-in-nvivo.qdpx --out human',
      'reflect-code analyse human/accounts.csv --out tool',
      'reflect-code agree human/segments-Alice.csv tool/segments.csv',
    ))
    .action(async (project: string, options: { out: string; unit: Unit; positions?: PositionUnit; codebook?: string; structureRules?: string; allowNewCodes?: boolean; force?: boolean; quiet?: boolean }) => {
      const { importQdpx } = await import('../exchange/import-qdpx.js');
      const result = await importQdpx({ ...options, project });
      result.messages.forEach(printMessage);
      if (!options.quiet) {
        process.stdout.write(`Read ${result.accounts} text source${result.accounts === 1 ? '' : 's'} and ${result.coders.length} coder${result.coders.length === 1 ? '' : 's'} from ${project}.\n`);
        process.stdout.write(`Wrote ${result.out}: accounts.csv, ${result.coders.map((coder) => `${coder.file} (${coder.name}, ${coder.segments} segments)`).join(', ')}\n`);
      }
      setCode(EXIT.ok);
    });
}
