/**
 * True under `npm run test:long` (REFLECT_CODE_LONG=1): property tests run
 * their full number of cases and the corpus-size checks run too.
 */
export const LONG = process.env.REFLECT_CODE_LONG === '1';

/** How many cases a property test runs: `full` under `npm run test:long`, a tenth of it (at least 10) in `npm test`. */
export function runs(full: number): number {
  return LONG ? full : Math.max(10, Math.round(full / 10));
}
