import { mkdir, open, readdir, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fail, interrupted } from '../messages.js';
import { BufferedFile } from './buffered-file.js';
import { FolderLock } from './folder-lock.js';
import { MANIFEST, readManifest, writeManifest } from './manifest.js';
import { makeFolders, removeMadeFolders } from './made-folders.js';
import { partialPath, StaleRemoval } from './partials.js';
import { moveIntoPlace, recoverSwitchOvers, switchOver, switchOverLeft } from './switch-over.js';

/** Folder of the staging folder for working files, never committed. */
const WORK = '.work';

/** Most whole-file writes an output folder keeps in flight at once. */
const MAX_IN_FLIGHT = 32;

/** Options for an output folder. */
export interface OutputOptions {
  /** Replace the outputs of an earlier run in a non-empty folder. */
  force?: boolean;
  /** Paths that must never be overwritten or sit inside the output folder. */
  inputs?: readonly string[];
  /** The folder is the default one, not one the user named: it may then not be put among the inputs. */
  byDefault?: boolean;
  /** Raised to stop the run (Ctrl-C): every write and the commit then throw the `interrupted` message, and nothing is moved into place. */
  signal?: AbortSignal;
}

/** True when `path` is `folder` or inside it. */
function within(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

/**
 * The real path of `path` with every symbolic link resolved; for a path
 * that does not exist yet, that of its nearest existing folder with the
 * rest appended. A link named as the output folder is then seen to lead
 * to the inputs it would overwrite.
 */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(path) === path) throw error;
    return join(await realTarget(dirname(path)), basename(path));
  }
}

/**
 * Refuses an output folder `target` (given as `path`) that is, or holds,
 * one of the inputs, or lies inside a folder given as an input, compared
 * both as given and by real path (a symbolic link leads where it leads);
 * and a default output folder inside the folder of an input.
 */
async function checkApart(path: string, target: string, options: OutputOptions): Promise<void> {
  const real = await realTarget(target);
  for (const input of options.inputs ?? []) {
    const given = resolve(input);
    const realInput = await realTarget(given);
    if (within(target, given) || within(real, realInput)) {
      throw fail(`the output folder holds an input (${input}); expected an output folder apart from the inputs, choose another --out`, 'out-holds-input', { file: path });
    }
    const isFolder = (await stat(input)).isDirectory();
    if (isFolder && (within(given, target) || within(realInput, real))) {
      throw fail(`the output folder is inside a folder of inputs (${input}); expected an output folder apart from the inputs, choose another --out`, 'out-in-input', { file: path });
    }
    if (options.byDefault && within(isFolder ? given : dirname(given), target)) {
      throw fail(`the default output folder would be among the inputs (in the folder of ${input}); expected outputs apart from the data, name a folder elsewhere with --out`, 'out-among-inputs', { file: path });
    }
  }
}

async function entries(folder: string): Promise<string[] | undefined> {
  try {
    if (!(await stat(folder)).isDirectory()) throw fail('expected a folder for the outputs, got a file', 'out-not-folder', { file: folder });
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * An output folder written atomically: every file goes first into a
 * hidden staging folder beside it, and only {@link OutputDir.commit} moves
 * the finished files into place. {@link OutputDir.abort} (on any error,
 * or when the run's signal is raised) removes the staging folder, so a
 * failed or interrupted run leaves the earlier outputs, or nothing, never
 * a half-written file. A lock beside the folder keeps a second run out
 * while one writes it (see {@link FolderLock}); the commit is journalled,
 * so even a run killed outright while moving the files leaves what the
 * next run turns back into the complete earlier outputs, or completes
 * into the new ones (see {@link switchOver}).
 */
export class OutputDir {
  /** Folders already created in the staging folder. */
  private readonly made = new Set<string>();
  /** Whole-file writes still in flight; they never reject (see `failure`). */
  private readonly pending = new Set<Promise<void>>();
  /** The first error of a write in flight, thrown by the next `write` or `settle`. */
  private failure: unknown;
  /** Files opened to write in pieces; `abort` closes those a failed run left open. */
  private readonly handles = new Set<FileHandle>();

  private constructor(
    /** The folder the outputs end up in. */
    readonly path: string,
    /** The folder as the user gave it, for messages. */
    private readonly shown: string,
    private readonly staging: string,
    private readonly lock: FolderLock,
    private readonly signal: AbortSignal | undefined,
    /** The removal of what killed runs left beside the folder, going on in the background. */
    private readonly stale: StaleRemoval,
    /** The first folder above the output folder that this run created, if any: removed again (when empty) if the run fails. */
    private readonly madeFolder: string | undefined,
  ) {}

  /**
   * Checks the folder (refusing one that holds an input or lies inside a
   * folder given as an input, and a default one that would sit among the
   * inputs), takes its lock (refusing a folder another run is writing),
   * recovers a commit a killed run left half done, refuses a non-empty
   * folder without `force`, starts clearing away what killed runs left
   * beside it (in the background, see {@link StaleRemoval}), and creates
   * the staging folder.
   */
  static async open(path: string, options: OutputOptions = {}): Promise<OutputDir> {
    const target = resolve(path);
    await checkApart(path, target, options);
    const madeFolder = await makeFolders(dirname(target));
    let lock: FolderLock | undefined;
    const stale = new StaleRemoval(target);
    try {
      lock = await FolderLock.take(target, path);
      await recoverSwitchOvers(target, path, (leftover) => stale.put(leftover));
      const existing = await entries(target);
      if (existing && existing.length > 0 && !options.force) {
        throw fail('the output folder is not empty; expected an empty or new folder (add --force to replace the earlier outputs)', 'out-not-empty', { file: path });
      }
      await stale.sweep();
      const staging = partialPath(target);
      await mkdir(staging);
      return new OutputDir(target, path, staging, lock, options.signal, stale, madeFolder);
    } catch (error) {
      await stale.finish();
      await lock?.release();
      await removeMadeFolders(dirname(target), madeFolder);
      throw error;
    }
  }

  /** Throws the `interrupted` message once the run's signal is raised; a run calls it between its own steps too. */
  stopIfInterrupted(): void {
    if (this.signal?.aborted) throw interrupted(this.shown);
  }

  private async prepare(name: string): Promise<string> {
    this.stopIfInterrupted();
    const file = join(this.staging, name);
    const folder = dirname(file);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    return file;
  }

  /**
   * Writes a whole file (path relative to the output folder). Up to
   * {@link MAX_IN_FLIGHT} writes run at once, so thousands of small grid
   * files do not wait on each other; call {@link OutputDir.settle} (or
   * `commit`) to wait for them all.
   */
  async write(name: string, content: string | Uint8Array): Promise<void> {
    this.rethrow();
    const task: Promise<void> = this.prepare(name)
      .then((file) => writeFile(file, content))
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
    if (this.pending.size >= MAX_IN_FLIGHT) await Promise.race(this.pending);
  }

  /** Waits for every write in flight; throws the first error any of them met. */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  /** Opens a file to write in pieces (path relative to the output folder). */
  async open(name: string): Promise<BufferedFile> {
    return this.openFile(await this.prepare(name));
  }

  /**
   * Opens a working file of this run (such as parts of an output put
   * together at the end); it is removed by `commit` and `abort`, never
   * moved into the output folder. Returns the file and its path, to read
   * it back once closed.
   */
  async openWork(name: string): Promise<{ file: BufferedFile; path: string }> {
    const path = await this.prepare(join(WORK, name));
    return { file: await this.openFile(path), path };
  }

  /** Makes a closed working file (from {@link OutputDir.openWork}) an output named `name`. */
  async keep(path: string, name: string): Promise<void> {
    await rename(path, await this.prepare(name));
  }

  private async openFile(path: string): Promise<BufferedFile> {
    const handle = await open(path, 'w');
    this.handles.add(handle);
    return new BufferedFile(handle, path);
  }

  /**
   * Moves the finished outputs into place, unless the run's signal has
   * been raised, and gives up the lock. Each top-level file or folder
   * replaces the one of the same name, and the earlier outputs that this
   * run did not write (as the folder's manifest, {@link MANIFEST}, lists
   * them) are removed; every other file of the folder is left alone. The
   * new manifest lists what this run wrote.
   */
  async commit(): Promise<void> {
    await this.settle();
    this.stopIfInterrupted();
    await rm(join(this.staging, WORK), { recursive: true, force: true });
    const written = [...(await readdir(this.staging)), MANIFEST];
    await writeManifest(this.staging, written);
    const existing = await entries(this.path);
    if (!existing || existing.length === 0) {
      await moveIntoPlace(this.path, this.staging, existing !== undefined);
    } else {
      const listed = await readManifest(this.path);
      await switchOver(this.path, this.staging, existing.filter((name) => written.includes(name) || listed?.has(name)), written);
    }
    await this.stale.finish();
    await this.lock.release();
  }

  /**
   * Removes the staging folder and everything written to it (unless a
   * failed commit left it for the next run to recover), gives up the lock,
   * and removes the folders above the output folder that this run created
   * while they are empty.
   */
  async abort(): Promise<void> {
    await Promise.all(this.pending);
    // Closing a handle a second time does nothing.
    await Promise.all([...this.handles].map((handle) => handle.close()));
    if (!(await switchOverLeft(this.path))) await rm(this.staging, { recursive: true, force: true });
    await this.stale.finish();
    await this.lock.release();
    await removeMadeFolders(dirname(this.path), this.madeFolder);
  }
}
