import { structureAgreement, type DimensionAgreement } from '../agree/measures.js';
import { alignReference } from '../load/align-reference.js';
import { namedRows } from '../load/named-columns.js';
import type { ActiveTags } from './active-tags.js';
import { tagFigures } from './model/evaluate-model.js';
import { structureScorer } from './scorer.js';

/** One segment of a reference coding, as a trained analyst tagged it. */
export interface ReferenceUnit {
  participant: string;
  text: string;
  /** The analyst's tag; empty when the analyst left it blank (not scored). */
  structure: string;
  note: string;
  /** The line of the reference file. */
  line: number;
}

/** One scored unit: the analyst's tag and note beside the tagger's. */
export interface ComparedUnit extends ReferenceUnit {
  got: string;
  gotNote: string;
  evidence: string[];
}

/** Reads a reference coding: a CSV with `participant`, `text`, `structure` and optionally `structure_note` columns. */
export async function readReference(file: string): Promise<ReferenceUnit[]> {
  const units: ReferenceUnit[] = [];
  for await (const { cell, line } of namedRows(file, ['participant', 'text', 'structure'], 'a reference coding')) {
    units.push({ participant: cell('participant'), text: cell('text'), structure: cell('structure').toUpperCase(), note: cell('structure_note').toLowerCase(), line });
  }
  return units;
}

/**
 * Tags the reference units with the tagger, each in the context of its
 * whole account (read from `inputs`): the units are found in the account's
 * text in order, so the tagger sees the same segments the analyst coded.
 */
export async function compareStructure(reference: readonly ReferenceUnit[], inputs: readonly string[], tags: ActiveTags, file = 'reference'): Promise<ComparedUnit[]> {
  const score = structureScorer(tags);
  const compared: ComparedUnit[] = [];
  for await (const { account, units, spans } of alignReference(reference, inputs, file)) {
    score(account.text, spans).forEach((scored, i) => compared.push({ ...units[i], got: scored.tag, gotNote: scored.note, evidence: scored.evidence }));
  }
  return compared;
}

/** How the tagger agrees with a reference coding: kappa and alpha from `agree`, per-tag precision and recall, the message note. */
export interface StructureEvaluation {
  agreement: DimensionAgreement;
  /** Per tag: of the units the tagger gave the tag, the share the analyst did too (precision), and the reverse (recall). */
  tags: Array<{ tag: string; precision: number | null; recall: number | null }>;
  message: { precision: number | null; recall: number | null };
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * Scores compared units (those the analyst tagged) as `agree` does, with
 * the analyst as coding A and the tagger as B, plus precision and recall.
 */
export function evaluateStructure(units: readonly ComparedUnit[], tags: ActiveTags): StructureEvaluation {
  const scored = units.filter((unit) => unit.structure !== '');
  const agreement = structureAgreement(scored.map((unit) => ({ a: unit.structure, b: unit.got })), tags.codes);
  const count = (test: (unit: ComparedUnit) => boolean) => scored.filter(test).length;
  const { perTag } = tagFigures(scored.map((unit) => [unit.structure, unit.got] as const), tags.codes.map(({ code }) => code));
  return {
    agreement,
    tags: tags.codes.map(({ code }) => {
      const row = perTag.find((figures) => figures.tag === code)!;
      return { tag: code, precision: row.precision, recall: row.recall };
    }),
    message: {
      precision: share(count((u) => u.gotNote === 'message' && u.note === 'message'), count((u) => u.gotNote === 'message')),
      recall: share(count((u) => u.gotNote === 'message' && u.note === 'message'), count((u) => u.note === 'message')),
    },
  };
}
