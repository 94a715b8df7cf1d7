import { codingStages } from '../code/stages.js';
import { loadCodebook } from '../codebook/read.js';
import { DEFAULT_CODEBOOK } from '../codebook/shipped.js';
import { toDoc } from '../document.js';
import { loadAccounts, planInputs } from '../load/inputs.js';
import type { LoadOptions } from '../load/options.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { PhraseCounter, type Phrase } from './count.js';
import { UNITS, type Unit } from '../segment/index.js';
import { loadStructureTagger, type TaggerChoice } from '../structure/active-tags.js';

/** Options of {@link findPhrases}. */
export interface PhrasesOptions extends LoadOptions, TaggerChoice {
  /** Input files and folders, as for `analyse`. */
  inputs: readonly string[];
  /** Participants a phrase must occur in; default 3. */
  minParticipants?: number;
  /** Segmentation unit of the segments whose codes are reported; default `clause`. */
  unit?: Unit;
  /** Theme codebook file; default the shipped mentorship codebook. */
  codebook?: string;
}

/** The recurring phrases of some accounts, and how they were found. */
export interface PhrasesResult {
  participants: number;
  /** The participants a phrase had to occur in. */
  minParticipants: number;
  /** Most participants first, then most occurrences, then the longest. */
  phrases: Phrase[];
  messages: ReflectMessage[];
}

/** The shortest and longest phrases counted, in words. */
export const PHRASE_WORDS = { min: 2, max: 6 } as const;

/**
 * Finds the recurring phrases of the accounts: word sequences of 2 to 6
 * lemmas found in at least `minParticipants` participants, each with the
 * segments it occurs in (segmented and coded as `analyse` does), their
 * themes and structure tags, and every occurrence in context.
 */
export async function findPhrases(options: PhrasesOptions): Promise<PhrasesResult> {
  const wanted = options.minParticipants ?? 3;
  if (!Number.isInteger(wanted) || wanted < 1) throw fail(`expected --min-participants to be a whole number of 1 or more, got "${String(options.minParticipants)}"`, 'option-invalid');
  const unit = options.unit ?? 'clause';
  if (!UNITS.includes(unit)) throw fail(`expected --unit to be one of ${UNITS.join(', ')}, got "${String(unit)}"`, 'option-invalid');
  const codebook = await loadCodebook(options.codebook ?? DEFAULT_CODEBOOK);
  const stages = codingStages({ unit, codebook, rules: await loadStructureTagger(options) });
  const plan = await planInputs(options.inputs, options);
  const messages = [...plan.messages];
  const counter = new PhraseCounter({ minParticipants: wanted, minWords: PHRASE_WORDS.min, maxWords: PHRASE_WORDS.max });
  for await (const item of loadAccounts(plan, options)) {
    if (!('participant' in item)) {
      messages.push(item);
      continue;
    }
    const doc = toDoc(item);
    for (const stage of stages) stage(doc);
    counter.add(doc.participant, doc.text, doc.segments);
  }
  const { minParticipants } = counter;
  if (minParticipants < wanted) {
    messages.push(warn(`expected at least ${wanted} participants for --min-participants ${wanted}, got ${counter.participants}; listing the phrases that occur at least twice in any participant`, 'phrases-few-participants'));
  }
  return { participants: counter.participants, minParticipants, phrases: counter.recurring(), messages };
}
