import { Option, type Command } from 'commander';
import { PHRASE_FORMATS, type PhraseFormat } from '../phrases/formats.js';
import { UNITS, type Unit } from '../segment/index.js';
import { EXIT } from './exit.js';
import { wholeNumber } from './numbers.js';
import { withInputOptions } from './input-options.js';
import { printMessage } from './report.js';

/** Adds `phrases` to the program: the word sequences that recur across participants, with their codes and contexts. */
export function addPhrasesCommand(cli: Command, setCode: (code: number) => void, examples: (...lines: string[]) => string): void {
  withInputOptions(cli
    .command('phrases')
    .summary('find the phrases that recur across participants ("I have been trying", "I am managing")')
    .description('List the word sequences (2 to 6 words) that recur in the accounts of at least --min-participants participants, counted on dictionary forms (so "I am trying" and "I have been trying" share "be try to"), ignoring case and punctuation. Sequences of stop words only, and phrases that always occur inside a longer one, are left out. Each phrase is shown in its most common wording, with its participants, occurrences, the segments it occurs in and their themes and structure tags (as analyse codes them).')
    .argument('<inputs...>', 'CSV/TSV exports, JSONL files, .txt files or folders of .txt files, as for analyse')
    .option('--min-participants <n>', 'participants a phrase must occur in (with fewer participants in the inputs: phrases that occur twice in anyone)', wholeNumber(1), 3)
    .option('--top <n>', 'show the first n phrases only (0: all)', wholeNumber(0), 20)
    .option('--kwic', 'show every occurrence in its context (key word in context)')
    .addOption(new Option('--format <format>', 'output format').choices(PHRASE_FORMATS).default('text'))
    .addOption(new Option('-u, --unit <unit>', 'segment unit of the segments whose themes and tags are shown, as for analyse').choices(UNITS).default('clause'))
    .option('-c, --codebook <file>', 'theme codebook (YAML); default: the mentorship study\'s codebook')
    .option('--structure-model <file>', 'structure model (JSON, from "reflect-code structure train"); default: the shipped model')
    .option('--structure-rules <file>', 'tag structure by a cue file (YAML) instead of a model'))
    .option('--strict', 'exit with code 1 when there are warnings (such as fewer participants than --min-participants)')
    .addHelpText('after', examples(
      'reflect-code phrases samples/study/accounts --unit line',
      'reflect-code phrases samples/accounts.csv --min-participants 2 --kwic',
      'reflect-code phrases export.csv --format csv --top 0 > phrases.csv',
    ))
    .action(async (inputs: string[], options: { minParticipants: number; top: number; kwic?: boolean; format: PhraseFormat; unit: Unit; codebook?: string; structureModel?: string; structureRules?: string; idColumn: string; textColumn: string; encoding?: string; delimiter?: string; strict?: boolean }) => {
      const [{ findPhrases }, { formatPhrases }] = await Promise.all([import('../phrases/find.js'), import('../phrases/format.js')]);
      const result = await findPhrases({ ...options, inputs });
      for (const message of result.messages) printMessage(message);
      process.stdout.write(formatPhrases(result, options));
      setCode(options.strict && result.messages.length > 0 ? EXIT.findings : EXIT.ok);
    });
}
