import { readFileSync } from 'node:fs';

/** reflect-code's version, from its package.json (works from `src/` and `dist/`). */
export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
