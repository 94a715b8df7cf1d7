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
}

/** How many deciding features the evidence lists. */
const EVIDENCE_SIZE = 3;

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;

/**
 * Compiles a model into a function that tags the segments (given as spans)
 * of one account from its tagged tokens. Only `allowed` tags (default all
 * of the model's) can be given. The evidence names the features whose
 * weights most separate the winning tag from the runner-up, a feature and
 * its domain-marked copy counted as one.
 */
export function compileModel(model: StructureModel, domain: Domain = 'written', allowed: readonly string[] = model.tags): (text: string, spans: readonly Span[], tagged: readonly TaggedToken[]) => ModelScore[] {
  const usable = model.tags.map((tag, k) => [tag, k] as const).filter(([tag]) => allowed.includes(tag));
  return (text, spans, tagged) => {
    const { features, cues } = spanFeatures(text, tagged, spans);
    return features.map((own, s) => {
      const present = domainFeatures(own, domain).filter((name) => model.weights.has(name));
      const totals = usable.map(([tag, k]) => ({ tag, k, total: present.reduce((sum, name) => sum + model.weights.get(name)![k], model.bias[k]) }));
      const ranked = [...totals].sort((a, b) => b.total - a.total || a.k - b.k);
      const [best, second] = ranked;
      const margins = new Map<string, number>();
      for (const name of present) {
        if (name.startsWith('domain:')) continue;
        const weights = model.weights.get(name)!;
        const base = baseFeature(name);
        margins.set(base, (margins.get(base) ?? 0) + weights[best.k] - (second ? weights[second.k] : 0));
      }
      const evidence = [...margins]
        .filter(([, margin]) => margin > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, EVIDENCE_SIZE)
        .map(([name, margin]) => `${name} ${signed(margin)}`);
      const note = cues[s].notesHeld.find((def) => def.tag === best.tag)?.note ?? '';
      return { tag: best.tag, scores: totals.map(({ tag, total }) => ({ tag, total })), evidence, note };
    });
  };
}
