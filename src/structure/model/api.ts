import { fail } from '../../messages.js';
import { writeSingleFile } from '../../write/single-file.js';
import { readCodedFile } from './corpus.js';
import { crossValidate, tagFigures, tagsOf, testModel, type TagFigures } from './evaluate-model.js';
import { loadModel, modelJson, type StructureModel } from './model-file.js';
import { trainModel, type TrainingSet, type TrainOptions } from './train.js';

/** Credit for the RTN corpus, carried by every model trained on it. */
export const RTN_ATTRIBUTION = 'Trained in part on the RTN corpus: Saldias, B., & Roy, D. (2020). Exploring aspects of similarity between spoken personal narratives by disentangling them into narrative clause types. Proceedings of the ACL 2020 Workshop on Narrative Understanding, Storylines, and Events (NUSE). Licensed CC BY 4.0.';

/** Options of {@link trainStructureModel}. */
export interface TrainStructureOptions extends TrainOptions {
  /** Coded files: segments.csv files a researcher reviewed, or the RTN corpus CSV. */
  inputs: readonly string[];
  /** The model file to write (JSON). */
  out: string;
  /** Replace an existing model file. */
  force?: boolean;
}

/** Options of {@link evaluateStructureModel}. */
export interface EvaluateStructureOptions extends TrainOptions {
  /** Coded files to test on. */
  inputs: readonly string[];
  /** A model file to test; without it, models are trained and tested by cross-validation on the inputs. */
  model?: string;
  /** Folds of the cross-validation; default 5. */
  folds?: number;
}

/** One evaluation: what was tested on what, and the figures. */
export interface StructureEvaluationResult {
  /** `model FILE on FILE`, or `5-fold cross-validation on FILE, FILE`. */
  label: string;
  figures: TagFigures;
}

/** Checks a numeric option up front: `expected --name to be ..., got ...`. */
function checkNumber(name: string, value: number | undefined, valid: (value: number) => boolean, what: string): void {
  if (value !== undefined && !(Number.isFinite(value) && valid(value))) throw fail(`expected --${name} to be ${what}, got ${String(value)}`, 'option-invalid');
}

/** Checks the training settings before anything is read. */
function checkTrainOptions(options: TrainOptions): void {
  checkNumber('l2', options.l2, (v) => v >= 0, 'a number of 0 or more');
  checkNumber('iterations', options.iterations, (v) => Number.isInteger(v) && v >= 1 && v <= 10_000, 'a whole number from 1 to 10000');
  checkNumber('min-count', options.minCount, (v) => Number.isInteger(v) && v >= 1, 'a whole number of 1 or more');
  checkNumber('written-weight', options.writtenWeight, (v) => v > 0, 'a number above 0');
}

/** Reads coded files, refusing one with no tagged clause. */
async function readSets(inputs: readonly string[]): Promise<TrainingSet[]> {
  if (inputs.length === 0) throw fail('expected at least one coded file, got none', 'option-invalid');
  const sets: TrainingSet[] = [];
  for (const input of inputs) {
    const set = await readCodedFile(input);
    if (tagsOf([set]).length === 0) throw fail('expected segments with a structure tag, got none; fill the structure column first', 'coded-file-untagged', { file: input });
    sets.push(set);
  }
  return sets;
}

/** Refuses training sets that do not hold two different tags: a model chooses between tags. */
function checkTrainable(sets: readonly TrainingSet[]): void {
  const tags = tagsOf(sets);
  if (tags.length < 2) throw fail(`expected tagged clauses of two or more tags to train on, got only ${tags[0]} in ${sets.map((set) => set.file).join(', ')}`, 'coded-file-one-tag', { file: sets[0].file });
}

/** The tags of the pairs' coding, in a model's order when there is one. */
function pairTags(pairs: ReadonlyArray<readonly [string, string]>, order: readonly string[]): string[] {
  const seen = new Set(pairs.flat());
  return [...order.filter((tag) => seen.has(tag)), ...[...seen].filter((tag) => !order.includes(tag)).sort()];
}

/**
 * Trains a clause-type model on coded files and writes it (atomically;
 * an existing file only with `force`, never an input). Training is
 * deterministic: the same files and settings give the same bytes.
 */
export async function trainStructureModel(options: TrainStructureOptions): Promise<{ model: StructureModel; out: string }> {
  checkTrainOptions(options);
  const sets = await readSets(options.inputs);
  checkTrainable(sets);
  const fromRtn = sets.some((set) => set.domain === 'spoken');
  const model = trainModel(sets, {
    ...options,
    name: options.name ?? 'Clause types trained by reflect-code structure train',
    attribution: options.attribution ?? (fromRtn ? RTN_ATTRIBUTION : ''),
  });
  await writeSingleFile(options.out, modelJson(model), { force: options.force, inputs: options.inputs });
  return { model: { ...model, file: options.out }, out: options.out };
}

/**
 * Measures how far structure tags agree with coded files: a model file's
 * tags on each file, or (without a model) k-fold cross-validation of
 * models trained on the files themselves, pooled. Accuracy, Cohen's kappa,
 * per-tag precision, recall and F1, the majority baseline and the
 * confusion matrix.
 */
export async function evaluateStructureModel(options: EvaluateStructureOptions): Promise<StructureEvaluationResult[]> {
  checkTrainOptions(options);
  const folds = options.folds ?? 5;
  checkNumber('folds', folds, (v) => Number.isInteger(v) && v >= 2, 'a whole number of 2 or more');
  const model = options.model === undefined ? undefined : await loadModel(options.model);
  const sets = await readSets(options.inputs);
  if (model) {
    return sets.map((set) => {
      const pairs = testModel(model, set);
      return { label: `model ${options.model} on ${set.file}`, figures: tagFigures(pairs, pairTags(pairs, model.tags)) };
    });
  }
  checkTrainable(sets);
  const accounts = sets.reduce((sum, set) => sum + set.accounts.filter((account) => tagsOf([{ ...set, accounts: [account] }]).length > 0).length, 0);
  const files = sets.map((set) => set.file).join(', ');
  if (accounts < 2) throw fail(`expected two or more accounts with tagged clauses to cross-validate, got ${accounts} in ${files}; to test a model on them, give --model`, 'option-invalid');
  if (accounts < folds) throw fail(`expected at least as many accounts with tagged clauses as folds (${folds}), got ${accounts} in ${files}; give --folds ${accounts} or fewer`, 'option-invalid');
  const pairs = crossValidate(sets, folds, options);
  return [{ label: `${folds}-fold cross-validation on ${sets.map((set) => set.file).join(', ')}`, figures: tagFigures(pairs, pairTags(pairs, ['OR', 'CA', 'EV', 'RE'])) }];
}

