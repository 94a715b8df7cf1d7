import { readFile } from 'node:fs/promises';
import { describe, fail, ioReason } from '../../messages.js';

/** The format line every model file starts with, so a reader knows what it holds. */
export const MODEL_FORMAT = 'reflect-code structure model 1';

/** How a model was trained: the data and the settings, so anyone can train it again. */
export interface TrainingSummary {
  /** Each coded file, with the domain it stood for and its tagged clauses per tag. */
  files: Array<{ file: string; domain: string; clauses: Record<string, number> }>;
  l2: number;
  iterations: number;
  /** Features seen fewer times than this in training were left out. */
  min_count: number;
  /** Each written clause counted this many times against a spoken one. */
  written_weight: number;
}

/**
 * A clause-type model: a multinomial logistic regression over named,
 * interpretable features. A segment's score for tag k is `bias[k]` plus
 * `weights[f][k]` for each feature f it has; the highest score wins.
 */
export interface StructureModel {
  /** The file it was read from ('' when made in memory). */
  file: string;
  name: string;
  description: string;
  /** Credit owed to the data the model was trained on. */
  attribution: string;
  tags: string[];
  training: TrainingSummary;
  bias: number[];
  /** Feature name to one weight per tag, in `tags` order. */
  weights: Map<string, number[]>;
}

const round = (value: number) => Number(value.toFixed(4));

/**
 * The model as JSON, one feature a line in name order, weights rounded to
 * four decimals, so the same model always gives the same bytes and a
 * reader can look a feature up.
 */
export function modelJson(model: StructureModel): string {
  const broken = [...model.weights].find(([, values]) => !values.every(Number.isFinite));
  if (broken || !model.bias.every(Number.isFinite)) throw fail(`expected finite weights, got ${broken ? `${broken[1].join(', ')} for feature "${broken[0]}"` : `a bias of ${model.bias.join(', ')}`}; try a larger --l2`, 'model-not-finite');
  const head = {
    format: MODEL_FORMAT,
    name: model.name,
    description: model.description,
    attribution: model.attribution,
    tags: model.tags,
    training: model.training,
    bias: model.bias.map(round),
  };
  const names = [...model.weights.keys()].sort();
  const lines = names.map((name) => `    ${JSON.stringify(name)}: [${model.weights.get(name)!.map(round).join(', ')}]`);
  const top = JSON.stringify(head, null, 2).replace(/\n\}$/u, '');
  return `${top},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** Where in `source` the offset falls, as a 1-based line and column. */
function placeOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const isNumbers = (value: unknown, length: number): value is number[] => Array.isArray(value) && value.length === length && value.every((item) => typeof item === 'number' && Number.isFinite(item));

/**
 * Parses and checks a model file; a problem is a fatal `model-invalid`
 * message naming the file (and the line, for JSON syntax) and saying
 * what was expected and what was found.
 */
export function parseModel(source: string, file: string): StructureModel {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/u, ''));
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0].replace(/, ".*$/u, '');
    const offset = /position (\d+)/u.exec((error as Error).message);
    throw fail(`expected a structure model in JSON, got a syntax error: ${reason}`, 'model-invalid', { file, ...(offset ? placeOf(source, Number(offset[1])) : {}) });
  }
  const bad = (what: string, got: unknown) => fail(`expected ${what}, got ${describe(got)}`, 'model-invalid', { file });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bad('a JSON object (a model written by "reflect-code structure train")', data);
  const raw = data as Record<string, unknown>;
  if (raw.format !== MODEL_FORMAT) throw bad(`"format": "${MODEL_FORMAT}" (a model written by "reflect-code structure train")`, raw.format);
  const tags = raw.tags;
  if (!Array.isArray(tags) || tags.length < 2 || !tags.every((tag) => typeof tag === 'string' && tag !== '') || new Set(tags).size !== tags.length) throw bad('"tags" to list two or more different tags', tags);
  if (!isNumbers(raw.bias, tags.length)) throw bad(`"bias" to hold ${tags.length} numbers, one per tag`, raw.bias);
  if (typeof raw.weights !== 'object' || raw.weights === null || Array.isArray(raw.weights)) throw bad('"weights" to be an object of features', raw.weights);
  const weights = new Map<string, number[]>();
  for (const [name, value] of Object.entries(raw.weights)) {
    if (!isNumbers(value, tags.length)) throw bad(`the weights of feature "${name}" to be ${tags.length} numbers, one per tag`, value);
    weights.set(name, value);
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { file, name: text(raw.name), description: text(raw.description), attribution: text(raw.attribution), tags: tags as string[], training: raw.training as TrainingSummary, bias: raw.bias, weights };
}

/** Reads and checks a model file (see {@link parseModel}). */
export async function loadModel(file: string): Promise<StructureModel> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw fail(`expected a structure model file to read, got ${ioReason(error)}`, 'model-unreadable', { file });
  }
  return parseModel(source, file);
}
