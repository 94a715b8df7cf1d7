import { lstat } from 'node:fs/promises';

/** True when `path` exists (a link counts, whatever it leads to). */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
