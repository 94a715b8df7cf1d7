import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Longest folder name, in UTF-8 bytes, kept whole in the names of the hidden entries beside it. */
const LONGEST_KEPT = 100;

/** How much of a longer name is kept, in UTF-8 bytes, before its hash. */
const KEPT_OF_LONGER = 60;

/**
 * The start of the names of the hidden entries a run keeps beside its
 * output folder `target` (its staging folder, lock and journal):
 * `.<name>`, or for a name of more than {@link LONGEST_KEPT} bytes its
 * first characters, `~` and a hash of the whole name, so that those names
 * stay well within the 255 bytes a file system allows a name whatever the
 * folder is called. The same folder always gives the same start.
 */
export function besideStem(target: string): string {
  const name = basename(target);
  if (Buffer.byteLength(name) <= LONGEST_KEPT) return `.${name}`;
  let kept = '';
  for (const char of name) {
    if (Buffer.byteLength(kept + char) > KEPT_OF_LONGER) break;
    kept += char;
  }
  return `.${kept}~${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}

/** The path of the hidden entry `.<name>.<suffix>` beside `target` (see {@link besideStem}). */
export function besidePath(target: string, suffix: string): string {
  return join(dirname(target), `${besideStem(target)}.${suffix}`);
}
