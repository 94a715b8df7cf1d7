import { describe, expect, it } from 'vitest';
import { compareThemes, evaluateThemes, loadCodebook, readThemeReference, DEFAULT_CODEBOOK } from '../src/index.js';

/**
 * The default codebook against coding by hand from the Figure 1
 * descriptors (`npm run agreement:themes` prints the same figures). Pinned
 * a little below the measured values, so a change to the codebook or the
 * matcher that costs agreement fails here.
 */
const codebook = await loadCodebook(DEFAULT_CODEBOOK);

async function kappas(set: string) {
  const units = await compareThemes(await readThemeReference(`test/fixtures/themes/${set}.csv`), [`test/fixtures/themes/${set}-accounts.csv`], codebook);
  const { agreement } = evaluateThemes(units, codebook);
  return { units: units.length, pooled: agreement.overall.kappa ?? 0, byTheme: Object.fromEntries(agreement.codes.map((row) => [row.code, row.kappa ?? 0])) };
}

describe('theme agreement with coding by hand', () => {
  it('on the tuning accounts (the rules were tuned on these)', async () => {
    const { units, pooled, byTheme } = await kappas('tuning');
    expect(units).toBe(64);
    expect(pooled).toBeGreaterThanOrEqual(0.77);
    expect(Object.keys(byTheme)).toEqual(['P', 'CO', 'T', 'WB', 'LA', 'LB', 'B', 'ME', 'C']);
    for (const [code, floor] of Object.entries({ P: 0.55, CO: 0.62, T: 0.75, WB: 0.72, LA: 0.76, LB: 0.98, B: 0.54, ME: 0.84, C: 0.9 })) expect(byTheme[code], code).toBeGreaterThanOrEqual(floor);
  });

  it('on the second tuning accounts (the rules were tuned on these too)', async () => {
    const { units, pooled, byTheme } = await kappas('tuning2');
    expect(units).toBe(162);
    expect(pooled).toBeGreaterThanOrEqual(0.77);
    for (const [code, floor] of Object.entries({ P: 0.7, CO: 0.76, T: 0.71, WB: 0.82, LA: 0.8, LB: 0.77, B: 0.66, ME: 0.84, C: 0.79 })) expect(byTheme[code], code).toBeGreaterThanOrEqual(floor);
  });

  it('on the held-out accounts (never used for tuning)', async () => {
    const { units, pooled, byTheme } = await kappas('heldout');
    expect(units).toBe(67);
    expect(pooled).toBeGreaterThanOrEqual(0.6);
    for (const [code, floor] of Object.entries({ P: 0.42, CO: 0.55, T: 0.55, WB: 0.68, LA: 0.61, LB: 0.88, B: 0.33, ME: 0.74, C: 0.55 })) expect(byTheme[code], code).toBeGreaterThanOrEqual(floor);
  });
});
