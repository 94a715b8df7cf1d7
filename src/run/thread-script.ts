import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A thread's script in `src/run/` (such as `worker.js`). Built, it sits
 * beside this file; run from the TypeScript sources (as the tests do),
 * the built one in `dist/` is used.
 */
export function threadScript(name: string): URL {
  const beside = new URL(`./${name}`, import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL(`../../dist/run/${name}`, import.meta.url);
}
