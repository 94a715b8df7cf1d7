import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text of the `nth` fenced block (0 = the first) after `marker` in the README. */
export function block(marker: string, nth = 0): string {
  let at = README.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= nth; i++) {
    const open = README.indexOf('```', at);
    const start = README.indexOf('\n', open) + 1;
    at = README.indexOf('```', start);
    if (i === nth) return README.slice(start, at);
    at += 3;
  }
  return '';
}
