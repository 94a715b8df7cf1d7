import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { besidePath, besideStem } from './beside.js';
import { running } from './running.js';

/**
 * A new path beside `target` for a working file or folder of this run:
 * `.<name>.partial-<pid>-<random><suffix>` (a long name shortened, see
 * {@link besideStem}). Whatever a killed run leaves under such a name is
 * cleared away by the next run's {@link StaleRemoval}.
 */
export function partialPath(target: string, suffix = ''): string {
  return besidePath(target, `partial-${process.pid}-${randomBytes(4).toString('hex')}${suffix}`);
}

/** Entries removed at once while a folder is taken apart. */
const BATCH = 64;

/** How long, past the end of a run, the removal may go on before what is left is left for the next run. */
const GRACE_MS = 2000;

/**
 * Removes what runs killed outright (power cut, SIGKILL) left beside an
 * output folder, without making the next run wait for it: a killed run's
 * staging folder may hold a hundred thousand files, which take minutes to
 * delete on a slow disk. Each such entry is first renamed to a working
 * name of this run (one quick rename, after which no other run touches
 * it), then removed in the background, a few files at a time, while the
 * run does its work. {@link StaleRemoval.finish}, at the end of the run,
 * lets the removal go on for at most {@link GRACE_MS} more and then stops
 * it, leaving the rest, under this run's name, to the next run. An entry
 * that cannot be removed (no permission) is likewise left.
 */
export class StaleRemoval {
  private readonly queue: string[] = [];
  private stopped = false;
  private work: Promise<void> = Promise.resolve();

  /** A removal of what killed runs left beside the output folder `target`; nothing is removed until {@link StaleRemoval.put} or {@link StaleRemoval.sweep}. */
  constructor(private readonly target: string) {}

  /** Takes away the working entries beside the output folder of runs that no longer run, to remove them in the background. */
  async sweep(): Promise<void> {
    const prefix = `${besideStem(this.target)}.partial-`;
    for (const name of await readdir(dirname(this.target))) {
      const pid = name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : Number.NaN;
      if (Number.isInteger(pid) && pid !== process.pid && !running(pid)) await this.put(join(dirname(this.target), name));
    }
  }

  /** Takes `path` (beside the output folder) away under a name of this run and removes it in the background. */
  async put(path: string): Promise<void> {
    const own = partialPath(this.target, '.stale');
    try {
      await rename(path, own);
    } catch (error) {
      // Gone already (removed by hand, say): nothing to do.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    this.queue.push(own);
    if (this.queue.length === 1) this.work = this.work.then(() => this.drain());
  }

  /** Waits for the removal for at most `graceMs` (default {@link GRACE_MS}), then stops it after the files in hand. */
  async finish(graceMs = GRACE_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.work, grace]);
    clearTimeout(timer);
    this.stopped = true;
    await this.work;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      await removeTree(this.queue[0], () => this.stopped).catch(() => undefined);
      this.queue.shift();
    }
  }
}

/** Removes a file, or a folder and everything in it a batch at a time, until `stopped` says so; what is left stays where it is. */
async function removeTree(path: string, stopped: () => boolean): Promise<void> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    await rm(path, { force: true });
    return;
  }
  for (let i = 0; i < entries.length && !stopped(); i += BATCH) {
    await Promise.all(entries.slice(i, i + BATCH).map((entry) => (entry.isDirectory() ? removeTree(join(path, entry.name), stopped) : rm(join(path, entry.name), { force: true }))));
  }
  if (!stopped()) await rmdir(path);
}
