/**
 * The Landis and Koch (1977) reading of a kappa: below 0 poor, 0–0.20
 * slight, 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80 substantial,
 * 0.81–1 almost perfect; `n/a` when kappa is undefined.
 */
export function landisKoch(kappa: number | null): string {
  if (kappa === null) return 'n/a';
  // Rounded so that a kappa of exactly 0.4 computed as 0.40000000000000013 still reads "fair".
  const value = Math.round(kappa * 1e9) / 1e9;
  if (value < 0) return 'poor';
  const scale: Array<[number, string]> = [[0.2, 'slight'], [0.4, 'fair'], [0.6, 'moderate'], [0.8, 'substantial']];
  return scale.find(([top]) => value <= top)?.[1] ?? 'almost perfect';
}
