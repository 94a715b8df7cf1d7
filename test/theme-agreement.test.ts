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
    expect(pooled).toBeGreaterThanOrEqual(0.76);
    expect(Object.keys(byTheme)).toEqual(['P', 'CO', 'T', 'WB', 'LA', 'LB', 'B', 'ME', 'C']);
    for (const [code, floor] of Object.entries({ P: 0.51, CO: 0.64, T: 0.82, WB: 0.68, LA: 0.77, LB: 0.99, B: 0.56, ME: 0.85, C: 0.86 })) expect(byTheme[code], code).toBeGreaterThanOrEqual(floor);
  });

  it('on the second tuning accounts (the rules were tuned on these too)', async () => {
    const { units, pooled, byTheme } = await kappas('tuning2');
    expect(units).toBe(162);
    expect(pooled).toBeGreaterThanOrEqual(0.77);
    for (const [code, floor] of Object.entries({ P: 0.68, CO: 0.74, T: 0.72, WB: 0.84, LA: 0.75, LB: 0.78, B: 0.68, ME: 0.89, C: 0.81 })) expect(byTheme[code], code).toBeGreaterThanOrEqual(floor);
  });

  it('on the third, fourth and fifth tuning accounts (coded blind to the codebook, then tuned on)', async () => {
    const sets = {
      tuning3: { units: 149, pooled: 0.7, floors: { P: 0.78, CO: 0.63, T: 0.5, WB: 0.7, LA: 0.63, LB: 0.72, B: 0.78, ME: 0.81, C: 0.68 } },
      tuning4: { units: 158, pooled: 0.57, floors: { P: 0.53, CO: 0.53, T: 0.54, WB: 0.43, LA: 0.71, LB: 0.52, B: 0.6, ME: 0.63, C: 0.58 } },
      tuning5: { units: 164, pooled: 0.64, floors: { P: 0.67, CO: 0.51, T: 0.66, WB: 0.71, LA: 0.6, LB: 0.7, B: 0.63, ME: 0.55, C: 0.76 } },
    };
    for (const [set, expected] of Object.entries(sets)) {
      const { units, pooled, byTheme } = await kappas(set);
      expect(units, set).toBe(expected.units);
      expect(pooled, set).toBeGreaterThanOrEqual(expected.pooled);
      for (const [code, floor] of Object.entries(expected.floors)) expect(byTheme[code], `${set} ${code}`).toBeGreaterThanOrEqual(floor);
    }
  });

  it('on the sixth to ninth tuning accounts (coded blind to the codebook by four more coders, then tuned on)', async () => {
    const sets = { tuning6: [186, 0.62], tuning7: [171, 0.55], tuning8: [181, 0.6], tuning9: [190, 0.55] } as const;
    for (const [set, [count, floor]] of Object.entries(sets)) {
      const { units, pooled } = await kappas(set);
      expect(units, set).toBe(count);
      expect(pooled, set).toBeGreaterThanOrEqual(floor);
    }
  });

  it('on the held-out accounts (never used for tuning)', async () => {
    const { units, pooled, byTheme } = await kappas('heldout');
    expect(units).toBe(67);
    expect(pooled).toBeGreaterThanOrEqual(0.62);
    for (const [code, floor] of Object.entries({ P: 0.43, CO: 0.56, T: 0.61, WB: 0.69, LA: 0.62, LB: 0.81, B: 0.44, ME: 0.76, C: 0.56 })) expect(byTheme[code], code).toBeGreaterThanOrEqual(floor);
  });

  it('on the second held-out accounts (coded blind to the codebook after tuning, scored once, never tuned on)', async () => {
    const { units, pooled, byTheme } = await kappas('heldout2');
    expect(units).toBe(171);
    expect(pooled).toBeGreaterThanOrEqual(0.58);
    for (const [code, floor] of Object.entries({ P: 0.6, CO: 0.64, T: 0.63, WB: 0.51, LA: 0.58, LB: 0.47, B: 0.48, ME: 0.54, C: 0.65 })) expect(byTheme[code], code).toBeGreaterThanOrEqual(floor);
  });
});
