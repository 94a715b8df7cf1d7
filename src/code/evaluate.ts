import { themeAgreement, type DimensionAgreement } from '../agree/measures.js';
import type { Codebook } from '../codebook/types.js';
import { toDoc } from '../document.js';
import { namedRows } from '../load/named-columns.js';
import { alignReference } from '../load/align-reference.js';
import { splitCodes } from '../segments-format.js';
import { codeThemes } from './themes.js';

/** One segment of a hand coding of themes. */
export interface ThemeReferenceUnit {
  participant: string;
  /** The segment exactly as it stands in the account. */
  text: string;
  /** The analyst's codes; empty for none. */
  themes: string[];
  /** The line of the reference file. */
  line: number;
}

/** A hand-coded segment beside the codes the codebook gave it. */
export interface ComparedThemes extends ThemeReferenceUnit {
  got: string[];
}

/** Reads a hand coding: a CSV with `participant`, `text` and `themes` columns (other columns, such as `reason`, are ignored). */
export async function readThemeReference(file: string): Promise<ThemeReferenceUnit[]> {
  const units: ThemeReferenceUnit[] = [];
  for await (const { cell, line } of namedRows(file, ['participant', 'text', 'themes'], 'a hand coding')) {
    units.push({ participant: cell('participant'), text: cell('text'), themes: splitCodes(cell('themes')), line });
  }
  return units;
}

/**
 * Codes the hand-coded segments with a codebook, each in the context of
 * its whole account (read from `inputs`, found in the account's text in
 * order), through the same theme stage `analyse` runs.
 */
export async function compareThemes(reference: readonly ThemeReferenceUnit[], inputs: readonly string[], codebook: Codebook, file = 'reference'): Promise<ComparedThemes[]> {
  const stage = codeThemes({ codebook });
  const compared: ComparedThemes[] = [];
  for await (const { account, units, spans } of alignReference(reference, inputs, file)) {
    const doc = toDoc(account);
    doc.segments = spans.map((span, i) => ({ index: i + 1, ...span, text: units[i].text, themes: [] }));
    stage(doc);
    doc.segments.forEach((segment, i) => compared.push({ ...units[i], got: segment.themes.map((hit) => hit.code) }));
  }
  return compared;
}

/** How a codebook agrees with a hand coding, beside a coder who gives no theme at all (the majority baseline). */
export interface ThemeEvaluation {
  agreement: DimensionAgreement;
  baseline: DimensionAgreement;
  /** Of the analyst's (segment, theme) decisions, the share the codebook also made. */
  recall: number | null;
  /** Of the codebook's (segment, theme) decisions, the share the analyst also made. */
  precision: number | null;
}

/**
 * Scores compared segments as `agree` does, with the analyst as coding A
 * and the codebook as B: Cohen's kappa per theme (present/absent) and
 * pooled over every segment x theme decision of the codebook's codes.
 */
export function evaluateThemes(units: readonly ComparedThemes[], codebook: Codebook): ThemeEvaluation {
  const both = units.reduce((sum, unit) => sum + unit.got.filter((code) => unit.themes.includes(code)).length, 0);
  const given = (pick: (unit: ComparedThemes) => readonly string[]) => units.reduce((sum, unit) => sum + pick(unit).length, 0);
  const share = (whole: number) => (whole === 0 ? null : both / whole);
  return {
    agreement: themeAgreement(units.map((unit) => ({ a: unit.themes, b: unit.got })), codebook.codes),
    baseline: themeAgreement(units.map((unit) => ({ a: unit.themes, b: [] })), codebook.codes),
    recall: share(given((unit) => unit.themes)),
    precision: share(given((unit) => unit.got)),
  };
}
