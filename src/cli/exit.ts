/**
 * Exit codes: 0 done; 1 findings (warnings under `--strict`, identifying
 * details found by `check`); 2 bad input, options or codebook.
 */
export const EXIT = { ok: 0, findings: 1, bad: 2 } as const;
