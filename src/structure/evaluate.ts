import { structureAgreement, type DimensionAgreement } from '../agree/measures.js';
import { loadAccounts, planInputs } from '../load/inputs.js';
import { csvRecords } from '../load/csv.js';
import { fail } from '../messages.js';
import type { Span } from '../segment/span.js';
import type { ActiveTags } from './active-tags.js';
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
  let columns: Record<string, number> | undefined;
  for await (const { cells, line } of csvRecords(file)) {
    if (!columns) {
      const names = cells.map((cell) => cell.trim().toLowerCase());
      columns = Object.fromEntries(['participant', 'text', 'structure', 'structure_note'].map((name) => [name, names.indexOf(name)]));
      const missing = ['participant', 'text', 'structure'].find((name) => columns![name] < 0);
      if (missing) throw fail(`expected a reference coding with participant, text and structure columns, got no "${missing}" column`, 'reference-missing-column', { file, line });
      continue;
    }
    const cell = (name: string) => (columns![name] >= 0 ? (cells[columns![name]] ?? '').trim() : '');
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
  const byParticipant = new Map<string, ReferenceUnit[]>();
  for (const unit of reference) byParticipant.set(unit.participant, [...(byParticipant.get(unit.participant) ?? []), unit]);
  const compared: ComparedUnit[] = [];
  for await (const account of loadAccounts(await planInputs(inputs))) {
    if (!('participant' in account)) continue;
    const units = byParticipant.get(account.participant);
    if (!units) continue;
    byParticipant.delete(account.participant);
    let cursor = 0;
    const spans: Span[] = units.map((unit) => {
      const start = account.text.indexOf(unit.text, cursor);
      if (start < 0) throw fail(`expected this segment's text in the account of "${unit.participant}" after offset ${cursor}, got no match`, 'reference-text-not-found', { file, line: unit.line });
      cursor = start + unit.text.length;
      return { start, end: cursor };
    });
    score(account.text, spans).forEach((scored, i) => compared.push({ ...units[i], got: scored.tag, gotNote: scored.note, evidence: scored.evidence }));
  }
  const missing = [...byParticipant.keys()];
  if (missing.length > 0) throw fail(`expected an account for every participant of the reference, got none for ${missing.join(', ')}`, 'reference-account-missing', { file });
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
  return {
    agreement,
    tags: tags.codes.map(({ code }) => ({
      tag: code,
      precision: share(count((u) => u.got === code && u.structure === code), count((u) => u.got === code)),
      recall: share(count((u) => u.got === code && u.structure === code), count((u) => u.structure === code)),
    })),
    message: {
      precision: share(count((u) => u.gotNote === 'message' && u.note === 'message'), count((u) => u.gotNote === 'message')),
      recall: share(count((u) => u.gotNote === 'message' && u.note === 'message'), count((u) => u.note === 'message')),
    },
  };
}
