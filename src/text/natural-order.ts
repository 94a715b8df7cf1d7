/** Compares names in natural order: digits by value, so `A2` comes before `A10`. */
export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
