import type { FeatureName } from './clause-features.js';

/** Written accounts (what reflect-code codes) or transcribed spoken narrative (the RTN corpus). */
export type Domain = 'written' | 'spoken';

/**
 * A clause's features for a model that learns across domains (Daumé
 * 2007): each feature as it is, and again marked with the domain
 * (`written|tense:simple-past`), plus the domain itself, so what differs
 * between written reflection and spoken narrative has its own weights.
 */
export function domainFeatures(names: readonly FeatureName[], domain: Domain): FeatureName[] {
  return [`domain:${domain}`, ...names, ...names.map((name) => `${domain}|${name}`)];
}

/** The feature a domain-marked name stands for (`written|tense:simple-past` → `tense:simple-past`). */
export function baseFeature(name: FeatureName): FeatureName {
  const bar = name.indexOf('|');
  return bar < 0 ? name : name.slice(bar + 1);
}
