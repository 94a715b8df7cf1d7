import type { Span } from '../../segment/span.js';
import type { TaggedToken } from '../grammar.js';
import { baseFeature, domainFeatures, type Domain } from './domain.js';
import { spanFeatures } from './featurise.js';
import type { StructureModel } from './model-file.js';

/** How the model tagged one segment: the tag, each tag's score, and the features that decided it. */
export interface ModelScore {
  tag: string;
  /** Each allowed tag's score (bias plus the weights of the segment's features), in the model's tag order. */
  scores: Array<{ tag: string; total: number }>;
  /** The features that most favoured the tag over the runner-up, as `feature +weight`, strongest first. */
  evidence: string[];
  /** The shipped cue file's note for the tag (such as `message`), or an empty string. */
  note: string;
  /** The segment's features that the model has weights for. */
  features: string[];
}

/** How many deciding features the evidence lists. */
const EVIDENCE_SIZE = 3;

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;

/**
 * The model's weights as one domain sees them: each feature's weights
 * plus those of its domain-marked copy, and the bias plus the domain's
 * own weights, so tagging adds each feature once.
 */
function forDomain(model: StructureModel, domain: Domain): { bias: number[]; weights: Map<string, number[]> } {
  const plus = (a: readonly number[], b: readonly number[] | undefined) => a.map((value, k) => value + (b?.[k] ?? 0));
  const weights = new Map<string, number[]>();
  for (const [name, values] of model.weights) {
    const base = baseFeature(name);
    if (base !== name && !name.startsWith(`${domain}|`)) continue;
    weights.set(base, plus(values, weights.get(base)));
  }
  const [marker] = domainFeatures([], domain);
  const bias = plus(model.bias, weights.get(marker));
  weights.delete(marker);
  return { bias, weights };
}

/**
 * The features that weigh most for each tag of a model in one domain, as
 * `[feature, weight]` pairs, heaviest first (the report's appendix shows them).
 */
export function topFeatures(model: StructureModel, domain: Domain, count: number): Map<string, Array<[string, number]>> {
  const { weights } = forDomain(model, domain);
  return new Map(model.tags.map((tag, k) => [tag, [...weights].map(([name, values]): [string, number] => [name, values[k]]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count)]));
}

/**
 * Compiles a model into a function that tags the segments (given as spans)
 * of one account from its tagged tokens. Only `allowed` tags (default all
 * of the model's) can be given. The evidence names the features whose
 * weights most separate the winning tag from the runner-up, a feature and
 * its domain-marked copy counted as one.
 */
export function compileModel(model: StructureModel, domain: Domain = 'written', allowed: readonly string[] = model.tags): (text: string, spans: readonly Span[], tagged: readonly TaggedToken[]) => ModelScore[] {
  const usable = model.tags.map((tag, k) => [tag, k] as const).filter(([tag]) => allowed.includes(tag));
  const { bias, weights } = forDomain(model, domain);
  return (text, spans, tagged) => {
    const { features, cues } = spanFeatures(text, tagged, spans);
    return features.map((own, s) => {
      const present: string[] = [];
      const values: number[][] = [];
      for (const name of own) {
        const weight = weights.get(name);
        if (weight) {
          present.push(name);
          values.push(weight);
        }
      }
      const totals = usable.map(([tag, k]) => {
        let total = bias[k];
        for (const weight of values) total += weight[k];
        return { tag, k, total };
      });
      const [best, second] = topTwo(totals);
      const margins = values.map((weight) => weight[best.k] - (second ? weight[second.k] : 0));
      const evidence = strongest(present, margins).map((i) => `${present[i]} ${signed(margins[i])}`);
      const note = cues[s].notesHeld.find((def) => def.tag === best.tag)?.note ?? '';
      return { tag: best.tag, scores: totals.map(({ tag, total }) => ({ tag, total })), evidence, note, features: present };
    });
  };
}

/** The highest and second-highest totals (on a tie, the tag first in the model's order), as a sort would rank them. */
function topTwo<T extends { k: number; total: number }>(totals: readonly T[]): [T, T | undefined] {
  const above = (a: T, b: T) => a.total > b.total || (a.total === b.total && a.k < b.k);
  let best = totals[0];
  let second: T | undefined;
  for (const entry of totals.slice(1)) {
    if (above(entry, best)) [best, second] = [entry, best];
    else if (!second || above(entry, second)) second = entry;
  }
  return [best, second];
}

/**
 * The indices of the {@link EVIDENCE_SIZE} features with the largest
 * positive margins, largest first, a tie going to the name first in
 * alphabetical order: what sorting them all would put first, without the sort.
 */
function strongest(names: readonly string[], margins: readonly number[]): number[] {
  const above = (i: number, j: number) => margins[i] > margins[j] || (margins[i] === margins[j] && names[i] < names[j]);
  const top: number[] = [];
  margins.forEach((margin, i) => {
    if (!(margin > 0)) return;
    let at = top.length;
    while (at > 0 && above(i, top[at - 1])) at--;
    if (at < EVIDENCE_SIZE) top.splice(at, 0, i);
    if (top.length > EVIDENCE_SIZE) top.pop();
  });
  return top;
}
