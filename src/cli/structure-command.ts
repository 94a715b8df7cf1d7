import { Option, type Command } from 'commander';
import { DEFAULT_STRUCTURE_MODEL } from '../codebook/shipped.js';
import { UNITS, type Unit } from '../segment/index.js';
import { TRAIN_DEFAULTS } from '../structure/model/defaults.js';
import { EXIT } from './exit.js';

/** The training settings shared by train and evaluate (evaluate uses them for cross-validation). */
function trainingOptions(command: Command): Command {
  return command
    .addOption(new Option('--l2 <number>', 'L2 penalty: larger keeps weights smaller (less fitted to the training clauses)').argParser(Number).default(TRAIN_DEFAULTS.l2))
    .addOption(new Option('--iterations <n>', 'passes over the training clauses').argParser(Number).default(TRAIN_DEFAULTS.iterations))
    .addOption(new Option('--min-count <n>', 'leave out features seen fewer times than this').argParser(Number).default(TRAIN_DEFAULTS.minCount))
    .addOption(new Option('--written-weight <n>', 'how many times a written clause counts against a clause of spoken narrative (the RTN corpus)').argParser(Number).default(TRAIN_DEFAULTS.writtenWeight));
}

interface TrainingFlags {
  l2: number;
  iterations: number;
  minCount: number;
  writtenWeight: number;
}

/**
 * Adds the `structure` command group: explain how a model tags a text,
 * train a clause-type model on coded segments, and evaluate a model (or
 * cross-validate training) against them.
 */
export function addStructureCommand(cli: Command, setCode: (code: number) => void, examples: (...lines: string[]) => string): void {
  const group = cli
    .command('structure')
    .summary('train and evaluate structure tag models on coded segments')
    .description('Fit a model of Labov & Waletzky structure tags on segments you have coded (a reviewed segments.csv, or the RTN corpus CSV), measure how well a model tags them (accuracy, Cohen\'s kappa, per-tag precision and recall, the confusion matrix), and see why a model tags a text as it does.')
    .addHelpText('after', examples(
      'reflect-code structure explain "A resident fell. I called the nurse. She calmed down."',
      'reflect-code structure evaluate samples/study/coding.csv --model codebooks/labov-model.json',
      'reflect-code structure train reviewed/segments.csv --out my-model.json',
      'reflect-code analyse more-accounts.csv --structure-model my-model.json --out out',
    ));

  group
    .command('explain')
    .description('Segment a text and show, for each segment, the features the model weighs, every tag\'s score, and the tag given with the features that decided it.')
    .argument('<text>', 'the text to explain, in quotes')
    .option('-m, --model <file>', 'model file (default: the shipped model, codebooks/labov-model.json)')
    .addOption(new Option('-u, --unit <unit>', 'segment unit').choices(UNITS).default('clause'))
    .addHelpText('after', examples('reflect-code structure explain "Her team had lost two coordinators. I rang the agency."', 'reflect-code structure explain "I am trying to listen more." --model my-model.json'))
    .action(async (text: string, options: { model?: string; unit: Unit }) => {
      const [{ explainModel }, { loadModel }] = await Promise.all([import('../structure/model/explain-model.js'), import('../structure/model/model-file.js')]);
      process.stdout.write(`${explainModel(await loadModel(options.model ?? DEFAULT_STRUCTURE_MODEL), text, options.unit).join('\n')}\n`);
      setCode(EXIT.ok);
    });

  trainingOptions(
    group
      .command('train')
      .description('Train a structure model on coded segments and write it as JSON (one feature a line, with its weight per tag). The same files and settings always give the same model file.')
      .argument('<coded...>', 'coded files: segments.csv files with a structure column filled in (rows with it empty are context only), or the RTN corpus CSV')
      .requiredOption('-o, --out <file>', 'the model file to write (JSON)')
      .option('-f, --force', 'replace an existing model file'),
  )
    .addHelpText('after', examples('reflect-code structure train reviewed/segments.csv --out my-model.json', 'reflect-code structure evaluate reviewed/segments.csv'))
    .action(async (inputs: string[], options: TrainingFlags & { out: string; force?: boolean }) => {
      const { trainStructureModel } = await import('../structure/model/api.js');
      const { model, out } = await trainStructureModel({ ...options, inputs });
      const clauses = model.training.files.reduce((sum, file) => sum + Object.values(file.clauses).reduce((a, b) => a + b, 0), 0);
      process.stdout.write(`Trained on ${clauses} tagged clauses (${model.tags.join(', ')}); wrote ${out} with ${model.weights.size} features.\nUse it with: reflect-code analyse ACCOUNTS --structure-model ${out}\n`);
      setCode(EXIT.ok);
    });

  trainingOptions(
    group
      .command('evaluate')
      .description('Measure how far structure tags agree with coded segments. With --model, tag the coded files with that model; without it, k-fold cross-validation: models are trained on all but one fold of the accounts and tested on that fold, in turn.')
      .argument('<coded...>', 'coded files: segments.csv files with a structure column filled in, or the RTN corpus CSV')
      .option('-m, --model <file>', 'a model file to test (such as codebooks/labov-model.json); default: cross-validate training on the coded files')
      .addOption(new Option('--folds <n>', 'folds of the cross-validation').argParser(Number).default(5))
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  )
    .addHelpText('after', examples('reflect-code structure evaluate samples/study/coding.csv --model codebooks/labov-model.json', 'reflect-code structure evaluate reviewed/segments.csv --folds 10'))
    .action(async (inputs: string[], options: TrainingFlags & { model?: string; folds: number; format: 'text' | 'json' }) => {
      const [{ evaluateStructureModel }, { formatEvaluation }] = await Promise.all([import('../structure/model/api.js'), import('../structure/model/format-evaluation.js')]);
      const results = await evaluateStructureModel({ ...options, inputs });
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : formatEvaluation(results));
      setCode(EXIT.ok);
    });
}
