import type { Finding } from './kinds.js';
import { findNames } from './names.js';
import { DETECTORS } from './patterns.js';

/**
 * Finds what may identify a person in a text: e-mail and web addresses,
 * NHS numbers (with a valid check digit), phone numbers, UK postcodes, full
 * dates, and capitalised names that are not common words. Findings never
 * overlap (of two that overlap, the one whose detector comes first wins) and come in
 * text order. Text on the allow-list (compared ignoring case) is not reported.
 */
export function findIdentifiers(text: string, allowed: ReadonlySet<string> = new Set()): Finding[] {
  const candidates = [...DETECTORS.flatMap((detect) => detect(text)), ...findNames(text, allowed)];
  const kept: Finding[] = [];
  for (const finding of candidates) {
    if (allowed.has(text.slice(finding.start, finding.end).toLowerCase())) continue;
    if (kept.some((other) => finding.start < other.end && other.start < finding.end)) continue;
    kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
