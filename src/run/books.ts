import { readAllowList } from '../check/allow-list.js';
import { loadCodebook } from '../codebook/read.js';
import { DEFAULT_CODEBOOK } from '../codebook/shipped.js';
import type { Codebook } from '../codebook/types.js';
import type { Unit } from '../segment/index.js';
import { loadStructureTagger, type ActiveTags, type TaggerChoice } from '../structure/active-tags.js';

/** What codes an account, as options that can be sent to a worker thread: every book is named by its file. */
export interface CodingSetup extends TaggerChoice {
  unit: Unit;
  /** Theme codebook file; default the shipped one. */
  codebook?: string;
  /** Run the anonymity check; default true. */
  check?: boolean;
  /** The anonymity check's allow-list file. */
  allowList?: string;
}

/** The books a run codes with, loaded from a {@link CodingSetup}. */
export interface CodingBooks {
  unit: Unit;
  codebook: Codebook;
  rules: ActiveTags;
  /** The anonymity check's allow-list; no check when undefined. */
  allowed?: ReadonlySet<string>;
}

/** The setup's own fields of a larger options object, so that it can be sent to a worker. */
export function codingSetup(options: CodingSetup): CodingSetup {
  const { unit, codebook, check, allowList, structureRules, structureModel, structureTags } = options;
  return { unit, codebook, check, allowList, structureRules, structureModel, structureTags };
}

/** Loads the codebook, structure tagger and allow-list a setup names. */
export async function loadBooks(setup: CodingSetup): Promise<CodingBooks> {
  // One after the other, so that of two bad books the codebook is reported.
  const codebook = await loadCodebook(setup.codebook ?? DEFAULT_CODEBOOK);
  const rules = await loadStructureTagger(setup);
  const allowed = setup.check === false ? undefined : await readAllowList(setup.allowList);
  return { unit: setup.unit, codebook, rules, allowed };
}

