/** A training example: the indices of its features (each worth 1), its class and its weight. */
export interface Example {
  features: readonly number[];
  label: number;
  weight: number;
}

/** Weights of a multinomial logistic regression: `weights[k][f]` for class k and feature f, and a bias per class. */
export interface SoftmaxWeights {
  bias: number[];
  weights: number[][];
}

/** Options of {@link fitSoftmax}. */
export interface FitOptions {
  /** L2 penalty on the feature weights (not the biases), per unit of example weight. */
  l2: number;
  /** Full passes over the data. */
  iterations: number;
  /** Adam's step size. */
  rate: number;
}

/** Each class's score for a set of features. */
export function scores(model: SoftmaxWeights, features: readonly number[]): number[] {
  return model.bias.map((bias, k) => {
    let total = bias;
    const row = model.weights[k];
    for (const f of features) total += row[f];
    return total;
  });
}

/** Probabilities from scores (numerically stable softmax). */
export function softmax(values: readonly number[]): number[] {
  const top = Math.max(...values);
  const exps = values.map((value) => Math.exp(value - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

/**
 * Fits a multinomial logistic regression by full-batch Adam on the
 * weighted mean log-loss plus an L2 penalty. Everything is computed in a
 * fixed order from zero weights, so the same examples give the same
 * weights, bit for bit.
 */
export function fitSoftmax(examples: readonly Example[], featureCount: number, classCount: number, options: FitOptions): SoftmaxWeights {
  const model: SoftmaxWeights = { bias: new Array(classCount).fill(0), weights: Array.from({ length: classCount }, () => new Array(featureCount).fill(0)) };
  const size = classCount * (featureCount + 1);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const grad = new Float64Array(size);
  const total = examples.reduce((sum, example) => sum + example.weight, 0);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  for (let step = 1; step <= options.iterations; step++) {
    grad.fill(0);
    for (const example of examples) {
      const p = softmax(scores(model, example.features));
      for (let k = 0; k < classCount; k++) {
        const error = (p[k] - (k === example.label ? 1 : 0)) * example.weight;
        const base = k * (featureCount + 1);
        grad[base + featureCount] += error;
        for (const f of example.features) grad[base + f] += error;
      }
    }
    for (let k = 0; k < classCount; k++) {
      const base = k * (featureCount + 1);
      for (let f = 0; f <= featureCount; f++) {
        const i = base + f;
        const value = f === featureCount ? model.bias[k] : model.weights[k][f];
        const g = grad[i] / total + (f === featureCount ? 0 : options.l2 * value);
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        const change = (options.rate * (m[i] / (1 - beta1 ** step))) / (Math.sqrt(v[i] / (1 - beta2 ** step)) + epsilon);
        if (f === featureCount) model.bias[k] -= change;
        else model.weights[k][f] -= change;
      }
    }
  }
  return model;
}
