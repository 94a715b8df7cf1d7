import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { running } from './running.js';

/**
 * A new path beside `target` for a working file or folder of this run:
 * `.<name>.partial-<pid>-<random><suffix>`. Whatever a killed run leaves
 * under such a name is cleared away by {@link removeStale}.
 */
export function partialPath(target: string, suffix = ''): string {
  return join(dirname(target), `.${basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}${suffix}`);
}

/**
 * Removes the working files and folders beside `target` that runs killed
 * outright (power cut, SIGKILL) left behind: those whose process no
 * longer runs.
 */
export async function removeStale(target: string): Promise<void> {
  const prefix = `.${basename(target)}.partial-`;
  for (const name of await readdir(dirname(target))) {
    const pid = name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : Number.NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !running(pid)) await rm(join(dirname(target), name), { recursive: true, force: true });
  }
}
