import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail } from '../messages.js';
import { besidePath } from './beside.js';
import { exists } from './exists.js';
import { partialPath } from './partials.js';
import { running } from './running.js';

/** The tokens (see {@link FolderLock}) of the locks this process holds, so that a lock naming this process's ID but not held by it is known to be left by an earlier process given the same ID (as in a container). */
const held = new Set<string>();

/** The process a lock's token names, if it is a token. */
function pidOf(token: string): number | undefined {
  const match = /^(\d+)-[0-9a-f]+$/.exec(token);
  return match ? Number(match[1]) : undefined;
}

/** True when the lock token `token` names a run that is still going. */
function live(token: string): boolean {
  const pid = pidOf(token);
  return pid !== undefined && running(pid) && (pid !== process.pid || held.has(token));
}

/** Removes `folder` if it is empty; a folder not empty (a lock taken in the meantime) or gone is left as it is. */
async function removeIfEmpty(folder: string): Promise<void> {
  try {
    await rmdir(folder);
  } catch (error) {
    if (!['ENOENT', 'ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}

/**
 * A lock on an output folder for the length of one run: the hidden
 * folder `.<name>.lock` beside it (a long name shortened, see
 * {@link besidePath}), holding one empty file, the token
 * `<pid>-<random>`, named for the run's process and new each time a lock
 * is taken. The lock is made whole under a working name and renamed into
 * place, which fails while a lock is there (a folder that is not empty is
 * never replaced), so of two runs started at once exactly one gets it,
 * and no run ever sees a lock without its token. A lock whose process no
 * longer runs (a run killed outright), or that names this process
 * without this process having taken it, is taken over by removing
 * exactly the token seen and then the folder only if it is empty: a lock
 * that another run took in the meantime has another token and is never
 * removed, however many runs start at once. Only the run holding the lock
 * recovers an unfinished switch-over, clears away what killed runs left,
 * and commits.
 */
export class FolderLock {
  private constructor(
    private readonly folder: string,
    private readonly token: string,
  ) {}

  /**
   * Takes the lock on the output folder `target` (shown in messages as
   * `shown`); a fatal `out-locked` message when a running process holds it.
   */
  static async take(target: string, shown: string): Promise<FolderLock> {
    const lock = besidePath(target, 'lock');
    const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const draft = partialPath(target, '.lock');
    await mkdir(draft);
    try {
      await writeFile(join(draft, token), '');
      for (;;) {
        try {
          await rename(draft, lock);
          held.add(token);
          return new FolderLock(lock, token);
        } catch (error) {
          // A lock is there: ENOTEMPTY or EEXIST, or EPERM on Windows (where it may also mean no right to write here).
          const code = (error as NodeJS.ErrnoException).code ?? '';
          if (!['ENOTEMPTY', 'EEXIST', 'EPERM'].includes(code) || (code === 'EPERM' && !(await exists(lock)))) throw error;
        }
        const tokens = await readdir(lock).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        });
        const holder = tokens.find(live);
        if (holder !== undefined) {
          throw fail(`another reflect-code run is writing this folder (process ${pidOf(holder)}); expected one run per output folder, wait for it or choose another --out`, 'out-locked', { file: shown });
        }
        for (const stale of tokens) await rm(join(lock, stale), { force: true });
        await removeIfEmpty(lock);
      }
    } finally {
      await rm(draft, { recursive: true, force: true });
    }
  }

  /** Gives the lock up; safe to call more than once. */
  async release(): Promise<void> {
    held.delete(this.token);
    await rm(join(this.folder, this.token), { force: true });
    await removeIfEmpty(this.folder);
  }
}
