import { mkdir, open, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail } from '../messages.js';
import { besideStem } from './beside.js';
import { exists } from './exists.js';
import { isEntryName } from './manifest.js';

/** The folder, inside the staging folder, that the entries a switch-over replaces are moved to. */
const ASIDE = '.replaced';

/** The journal as first written, inside the staging folder, before it is renamed into place whole. */
const DRAFT = '.journal.json';

/**
 * What a switch-over moves, as its journal records it. Paths are relative
 * to the folder the output folder is in, so a journal stays right if that
 * whole folder is moved.
 */
interface Journal {
  /** The process that wrote it. */
  pid: number;
  /** The staging folder, beside the output folder. */
  staging: string;
  /** The folder, inside the staging folder, that `replaced` entries are moved to. */
  aside: string;
  /** Entries of the output folder moved aside, first: those written again and earlier outputs not written again. */
  replaced: string[];
  /** Entries of the staging folder then moved into the output folder. */
  written: string[];
}

/**
 * A rename of the commit. Test hook: with `REFLECT_CODE_TEST_KILL_AFTER_RENAME=N`
 * in the environment, the process kills itself (SIGKILL, as `kill -9` or a
 * power cut would stop it) right after the commit's Nth rename, so a test
 * can stop a commit at every point. Read only here; unset, it does nothing.
 */
function commitRenames(): (from: string, to: string) => Promise<void> {
  const killAfter = Number(process.env.REFLECT_CODE_TEST_KILL_AFTER_RENAME);
  let done = 0;
  return async (from, to) => {
    await rename(from, to);
    if (++done === killAfter) process.kill(process.pid, 'SIGKILL');
  };
}

/** Renames `from` to `to` if `from` is there. */
async function moveIfThere(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Writes the data of its renames and removals to disk, where the system can sync a folder (not Windows). */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Writes a new file and waits until its content is on disk. */
async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The prefix of the names of the journals beside `target`. */
function journalPrefix(target: string): string {
  return `${besideStem(target)}.commit-`;
}

/** The journal this process writes for a switch-over into `target`. */
function journalPath(target: string): string {
  return join(dirname(target), `${journalPrefix(target)}${process.pid}.json`);
}

/** True when `value` is a journal of a switch-over into `target`, naming only entries and working folders of it. */
function isJournal(value: unknown, target: string): value is Journal {
  const journal = value as Partial<Journal> | null;
  const names = (list: unknown) => Array.isArray(list) && list.every((name) => typeof name === 'string' && isEntryName(name));
  return typeof journal === 'object' && journal !== null && Number.isInteger(journal.pid)
    && typeof journal.staging === 'string' && isEntryName(journal.staging) && journal.staging.startsWith(`${besideStem(target)}.partial-`)
    && typeof journal.aside === 'string' && dirname(journal.aside) === journal.staging && isEntryName(basename(journal.aside))
    && names(journal.replaced) && names(journal.written);
}

async function readJournal(file: string, target: string, shown: string): Promise<Journal> {
  let journal: unknown;
  try {
    journal = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  if (isJournal(journal, target)) return journal;
  throw fail(`expected ${basename(file)} beside the output folder to be the journal of a run's last step, got a file reflect-code cannot read; the earlier outputs may be in the hidden ${besideStem(target)}.partial-... folder beside it: put them back by hand, then delete the journal`, 'out-journal-unreadable', { file: shown });
}

/**
 * Finishes or undoes the switch-over a journal records. When every new
 * entry has left the staging folder, the new outputs are all in place and
 * only the clearing up is left; otherwise the new entries already moved
 * go back into the staging folder and the replaced ones back into the
 * output folder. Each step checks where the entry is, so running this
 * again after it was itself stopped half-way is safe. The journal goes
 * first, then the staging folder with whatever was set aside is handed to
 * `dispose`; if the run is stopped in between, the next run clears that
 * away as a stale staging folder.
 */
async function recover(target: string, file: string, journal: Journal, dispose: (path: string) => Promise<void>): Promise<void> {
  const parent = dirname(target);
  const staging = join(parent, journal.staging);
  const moved: string[] = [];
  await mkdir(target, { recursive: true });
  for (const name of journal.written) if (!(await exists(join(staging, name)))) moved.push(name);
  if (moved.length < journal.written.length) {
    for (const name of moved) await moveIfThere(join(target, name), join(staging, name));
    for (const name of journal.replaced) await moveIfThere(join(parent, journal.aside, name), join(target, name));
  }
  await syncFolder(target);
  await rm(file);
  await dispose(staging);
}

/** Removes a folder and everything in it, there and then. */
async function removeNow(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

/**
 * Recovers the switch-overs into `target` (shown in messages as `shown`)
 * that runs killed during their commit left half done: every journal
 * beside it, which leaves the output folder holding either all the
 * earlier outputs or all the new ones; each staging folder then left over
 * goes to `dispose` (which may remove it in the background). Call it
 * holding the folder's lock, before anything else touches the folder
 * (stale staging folders are
 * cleared only after it, so an aside folder a journal needs is never
 * removed; if a journal cannot be read this throws and the folder is left
 * as it is): only the holder commits, so a journal found then is a dead
 * run's, even if its process ID has since been given to another process.
 */
export async function recoverSwitchOvers(target: string, shown: string, dispose: (path: string) => Promise<void>): Promise<void> {
  const parent = dirname(target);
  const prefix = journalPrefix(target);
  for (const name of (await readdir(parent)).filter((entry) => entry.startsWith(prefix) && /^\d+\.json$/.test(entry.slice(prefix.length)))) {
    const file = join(parent, name);
    await recover(target, file, await readJournal(file, target, shown), dispose);
  }
}

/** Moves the staging folder into place as the output folder `target`, which is new (or an empty folder, first removed): one rename. */
export async function moveIntoPlace(target: string, staging: string, emptyFolder: boolean): Promise<void> {
  if (emptyFolder) await rmdir(target);
  await commitRenames()(staging, target);
}

/**
 * Switches the output folder `target` from its earlier outputs to the new
 * ones in `staging`, which holds exactly the entries `written`; the
 * entries `replaced` (those written again, and earlier outputs not
 * written again) are moved aside into the staging folder, and removed
 * with it at the end. Before the first of these renames a journal
 * (`.<name>.commit-<pid>.json`, written to disk and synced) records them
 * all, and every entry is set aside before any new one moves in, so a
 * run killed at any point leaves a state {@link recoverSwitchOvers} turns
 * into all the earlier outputs or all the new ones, and nothing earlier
 * is deleted before every new entry is in place. The entries move, not
 * the folder itself, which may be open in a file manager or a terminal,
 * be a link, or carry permissions of its own. An error on the way
 * (a file held open elsewhere, say) undoes the switch-over at once and is
 * thrown; if even that fails, the journal and the staging folder are
 * left for the next run to recover (see {@link switchOverLeft}).
 */
export async function switchOver(target: string, staging: string, replaced: readonly string[], written: readonly string[]): Promise<void> {
  const parent = dirname(target);
  const journal: Journal = { pid: process.pid, staging: basename(staging), aside: join(basename(staging), ASIDE), replaced: [...replaced], written: [...written] };
  const file = journalPath(target);
  const move = commitRenames();
  await mkdir(join(parent, journal.aside));
  const draft = join(staging, DRAFT);
  await writeDurably(draft, `${JSON.stringify(journal, null, 2)}\n`);
  try {
    await move(draft, file);
    await syncFolder(parent);
    for (const name of replaced) await move(join(target, name), join(parent, journal.aside, name));
    for (const name of written) await move(join(staging, name), join(target, name));
  } catch (error) {
    if (await exists(file)) await recover(target, file, journal, removeNow);
    throw error;
  }
  // Every new entry is in place: clear up as the next run would.
  await recover(target, file, journal, removeNow);
}

/** True while this process's journal of a switch-over into `target` is still there: its staging folder then holds outputs that must be kept. */
export async function switchOverLeft(target: string): Promise<boolean> {
  return exists(journalPath(target));
}
