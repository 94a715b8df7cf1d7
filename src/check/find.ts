import type { Finding } from './kinds.js';
import { findNames } from './names.js';
import { DETECTORS } from './patterns.js';

/**
 * Finds what may identify a person in a text: e-mail and web addresses,
 * social media handles, NHS numbers (with a valid check digit), National
 * Insurance numbers, phone numbers, UK postcodes, full dates, house
 * addresses, and names. Findings never overlap (of two that overlap, the
 * one whose detector comes first wins) and come in text order. Text on
 * the allow-list (compared ignoring case) is not reported. Every step
 * takes time in proportion to the text.
 */
export function findIdentifiers(text: string, allowed: ReadonlySet<string> = new Set()): Finding[] {
  let kept: Finding[] = [];
  for (const detect of [...DETECTORS, (value: string) => findNames(value, allowed)]) {
    kept = keepApart(kept, detect(text).filter((finding) => !allowed.has(text.slice(finding.start, finding.end).toLowerCase())));
  }
  return kept;
}

/** `kept` (in text order, none overlapping) with those of `found` (in text order) that overlap nothing kept before them, in one sweep. */
function keepApart(kept: readonly Finding[], found: readonly Finding[]): Finding[] {
  const merged: Finding[] = [];
  let next = 0;
  for (const finding of found) {
    while (next < kept.length && kept[next].end <= finding.start) merged.push(kept[next++]);
    const last = merged.at(-1);
    if ((last && last.end > finding.start) || (next < kept.length && kept[next].start < finding.end)) continue;
    merged.push(finding);
  }
  return [...merged, ...kept.slice(next)];
}
