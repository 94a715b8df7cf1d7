import { TRAIN_DEFAULTS } from './defaults.js';
import { fitSoftmax, type Example } from './softmax.js';
import type { LabelledAccount } from './corpus.js';
import { labelledFeatures } from './featurise.js';
import type { StructureModel } from './model-file.js';
import { domainFeatures, type Domain } from './domain.js';

/** The tags in narrative order; a model's other tags follow in the order first seen. */
const TAG_ORDER = ['OR', 'CA', 'EV', 'RE'];

/** Coded accounts from one file, and whether they are written or spoken narrative. */
export interface TrainingSet {
  file: string;
  domain: Domain;
  accounts: LabelledAccount[];
}

/** Settings of {@link trainModel}; each has a default chosen on the RTN val partition. */
export interface TrainOptions {
  /** L2 penalty; default 0.01. */
  l2?: number;
  /** Passes over the data; default 300. */
  iterations?: number;
  /** Leave out features seen fewer times; default 3. */
  minCount?: number;
  /** How many times a written clause counts against a spoken one; default 3. */
  writtenWeight?: number;
  name?: string;
  description?: string;
  attribution?: string;
}

/** Step size of the optimiser; fixed, as the penalty and passes are what a user tunes. */
const RATE = 0.05;

/**
 * Trains a clause-type model on coded accounts: every tagged clause is an
 * example with the features of {@link labelledFeatures}, given twice,
 * once as it is and once marked with its domain (written or spoken), so
 * the model learns what holds for both and what holds for one only.
 * Untagged clauses count only as context. Deterministic: the same sets
 * and options give the same model.
 */
export function trainModel(sets: readonly TrainingSet[], options: TrainOptions = {}): StructureModel {
  const { l2, iterations, minCount, writtenWeight } = { ...TRAIN_DEFAULTS, ...options };
  const rows: Array<{ names: string[]; tag: string; weight: number }> = [];
  const files: StructureModel['training']['files'] = [];
  for (const set of sets) {
    const clauses: Record<string, number> = {};
    for (const account of set.accounts) {
      labelledFeatures(account).forEach((names, i) => {
        const { tag } = account.clauses[i];
        if (tag === '') return;
        clauses[tag] = (clauses[tag] ?? 0) + 1;
        rows.push({ names: domainFeatures(names, set.domain), tag, weight: set.domain === 'written' ? writtenWeight : 1 });
      });
    }
    files.push({ file: set.file, domain: set.domain, clauses });
  }
  const seen = [...new Set(rows.map((row) => row.tag))];
  const tags = [...TAG_ORDER.filter((tag) => seen.includes(tag)), ...seen.filter((tag) => !TAG_ORDER.includes(tag))];
  const counts = new Map<string, number>();
  for (const row of rows) for (const name of row.names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts.keys()].filter((name) => counts.get(name)! >= minCount).sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const examples: Example[] = rows.map((row) => ({ features: row.names.flatMap((name) => (index.has(name) ? [index.get(name)!] : [])), label: tags.indexOf(row.tag), weight: row.weight }));
  const fitted = fitSoftmax(examples, names.length, tags.length, { l2, iterations, rate: RATE });
  return {
    file: '',
    name: options.name ?? 'Clause types',
    description: options.description ?? '',
    attribution: options.attribution ?? '',
    tags,
    training: { files, l2, iterations, min_count: minCount, written_weight: writtenWeight },
    bias: fitted.bias,
    weights: new Map(names.map((name, f) => [name, fitted.weights.map((row) => row[f])])),
  };
}
