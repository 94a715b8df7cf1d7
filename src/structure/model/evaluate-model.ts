import { cohensKappa, observedAgreement } from '../../agree/kappa.js';
import { confusion, type Confusion } from '../../agree/confusion.js';
import { tagAccount } from '../grammar.js';
import { fail } from '../../messages.js';
import type { LabelledAccount } from './corpus.js';
import { joinClauses } from './featurise.js';
import type { StructureModel } from './model-file.js';
import { compileModel } from './predict.js';
import { trainModel, type TrainingSet, type TrainOptions } from './train.js';

/** A tagged clause: the person's tag and the model's. */
export type TagPair = readonly [gold: string, got: string];

/** How far a model's tags agree with a person's, as a researcher reads it. */
export interface TagFigures {
  clauses: number;
  accuracy: number | null;
  kappa: number | null;
  /** The accuracy of always answering the commonest tag, and that tag: the floor to beat. */
  majority: { tag: string; accuracy: number | null };
  perTag: Array<{ tag: string; clauses: number; precision: number | null; recall: number | null; f1: number | null }>;
  /** The person's tags (rows) against the model's (columns). */
  confusion: Confusion;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Accuracy, Cohen's kappa, per-tag precision, recall and F1, the majority baseline and the confusion matrix of tag pairs. */
export function tagFigures(pairs: readonly TagPair[], tags: readonly string[]): TagFigures {
  const matrix = confusion(pairs, tags);
  const count = (test: (pair: TagPair) => boolean) => pairs.filter(test).length;
  const perTag = matrix.labels.map((tag) => {
    const hit = count(([gold, got]) => gold === tag && got === tag);
    const precision = share(hit, count(([, got]) => got === tag));
    const recall = share(hit, count(([gold]) => gold === tag));
    const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
    return { tag, clauses: count(([gold]) => gold === tag), precision, recall, f1 };
  });
  const commonest = perTag.reduce((best, row) => (row.clauses > best.clauses ? row : best), perTag[0]);
  return {
    clauses: pairs.length,
    accuracy: observedAgreement(matrix.counts),
    kappa: cohensKappa(matrix.counts),
    majority: { tag: commonest?.tag ?? '', accuracy: share(commonest?.clauses ?? 0, pairs.length) },
    perTag,
    confusion: matrix,
  };
}

/**
 * The model's tag beside the person's for every tagged clause of a set.
 * In spoken narrative (the RTN corpus) a resolution counts as evaluation,
 * as that corpus's guidelines fold resolution-like outcomes into it.
 */
export function testModel(model: StructureModel, set: TrainingSet): TagPair[] {
  const score = compileModel(model, set.domain);
  return set.accounts.flatMap((account) => {
    const { text, spans } = joinClauses(account);
    return score(text, spans, tagAccount(text)).flatMap((scored, i): TagPair[] => {
      const gold = account.clauses[i].tag;
      if (gold === '') return [];
      return [[gold, set.domain === 'spoken' && scored.tag === 'RE' ? 'EV' : scored.tag]];
    });
  });
}

/** The different tags of the sets' tagged clauses, in the order first seen. */
export function tagsOf(sets: readonly TrainingSet[]): string[] {
  return [...new Set(sets.flatMap((set) => set.accounts.flatMap((account) => account.clauses.map((clause) => clause.tag))))].filter((tag) => tag !== '');
}

/**
 * k-fold cross-validation by account: the accounts with a tagged clause,
 * of all the sets together, are dealt into `folds` folds in turn; each
 * fold is tagged by a model trained on the others. Every tagged clause is
 * tested once, by a model that never saw its account. A fold whose
 * training part has fewer than two tags stops with an `option-invalid` message.
 */
export function crossValidate(sets: readonly TrainingSet[], folds: number, options: TrainOptions = {}): TagPair[] {
  const dealt = new Map<LabelledAccount, number>();
  for (const set of sets) for (const account of set.accounts) if (account.clauses.some((clause) => clause.tag !== '')) dealt.set(account, dealt.size % folds);
  const pairs: TagPair[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const part = (training: boolean) => sets.map((set) => ({ ...set, accounts: set.accounts.filter((account) => dealt.has(account) && (dealt.get(account) === fold) !== training) }));
    const training = part(true);
    const tags = tagsOf(training);
    if (tags.length < 2) throw fail(`expected the accounts outside fold ${fold + 1} of ${folds} to have clauses of two or more tags, got ${tags.length === 0 ? 'none' : `only ${tags[0]}`}; tag more accounts or give fewer --folds`, 'option-invalid');
    const model = trainModel(training, options);
    for (const set of part(false)) pairs.push(...testModel(model, set));
  }
  return pairs;
}
