import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fail } from '../messages.js';
import { BufferedFile } from './buffered-file.js';

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

async function entries(folder: string): Promise<string[] | undefined> {
  try {
    if (!(await stat(folder)).isDirectory()) throw fail('expected a folder for the outputs, got a file', 'out-not-folder', { file: folder });
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** True while a process with this ID runs on this machine. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging folders beside `target` that a run killed outright
 * (power cut, SIGKILL) left behind: those whose process no longer runs.
 */
async function removeStale(target: string): Promise<void> {
  const prefix = `.${basename(target)}.partial-`;
  for (const name of await readdir(dirname(target))) {
    const pid = name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : Number.NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !running(pid)) await rm(join(dirname(target), name), { recursive: true, force: true });
  }
}

/**
 * An output folder written atomically: every file goes first into a
 * hidden staging folder beside it, and only {@link OutputDir.commit} moves
 * the finished files into place. {@link OutputDir.abort} (on any error)
 * removes the staging folder, so a failed run leaves the earlier outputs,
 * or nothing, never a half-written file.
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
    private readonly staging: string,
  ) {}

  /**
   * Checks the folder (refusing a non-empty one without `force`, one that
   * holds an input, and a default one that would sit among the inputs) and
   * creates the staging folder.
   */
  static async open(path: string, options: OutputOptions = {}): Promise<OutputDir> {
    const target = resolve(path);
    const real = await realTarget(target);
    for (const input of options.inputs ?? []) {
      if (within(target, resolve(input)) || within(real, await realTarget(resolve(input)))) {
        throw fail(`the output folder holds an input (${input}); expected an output folder apart from the inputs, choose another --out`, 'out-holds-input', { file: path });
      }
      const inputFolder = (await stat(input)).isDirectory() ? resolve(input) : dirname(resolve(input));
      if (options.byDefault && within(inputFolder, target)) {
        throw fail(`the default output folder would be among the inputs (in the folder of ${input}); expected outputs apart from the data, name a folder elsewhere with --out`, 'out-among-inputs', { file: path });
      }
    }
    const existing = await entries(target);
    if (existing && existing.length > 0 && !options.force) {
      throw fail('the output folder is not empty; expected an empty or new folder (add --force to replace the earlier outputs)', 'out-not-empty', { file: path });
    }
    await mkdir(dirname(target), { recursive: true });
    await removeStale(target);
    const staging = join(dirname(target), `.${basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(staging);
    return new OutputDir(target, staging);
  }

  private async prepare(name: string): Promise<string> {
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
  async write(name: string, content: string): Promise<void> {
    this.rethrow();
    const task: Promise<void> = this.prepare(name)
      .then((file) => writeFile(file, content, 'utf8'))
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
    return new BufferedFile(handle);
  }

  /**
   * Moves the finished outputs into place. Each top-level file or folder
   * replaces the one of the same name; files of the folder that this run
   * did not write are left alone.
   */
  async commit(): Promise<void> {
    await this.settle();
    await rm(join(this.staging, WORK), { recursive: true, force: true });
    const existing = await entries(this.path);
    if (!existing || existing.length === 0) {
      if (existing) await rm(this.path, { recursive: true });
      await rename(this.staging, this.path);
      return;
    }
    const replaced = join(this.staging, `.replaced-${randomBytes(4).toString('hex')}`);
    await mkdir(replaced);
    for (const name of await readdir(this.staging)) {
      if (join(this.staging, name) === replaced) continue;
      if (existing.includes(name)) await rename(join(this.path, name), join(replaced, name));
      await rename(join(this.staging, name), join(this.path, name));
    }
    await rm(this.staging, { recursive: true, force: true });
  }

  /** Removes the staging folder and everything written to it. */
  async abort(): Promise<void> {
    await Promise.all(this.pending);
    // Closing a handle a second time does nothing.
    await Promise.all([...this.handles].map((handle) => handle.close()));
    await rm(this.staging, { recursive: true, force: true });
  }
}
