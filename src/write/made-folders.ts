import { mkdir, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Creates `folder` and any missing folders above it; returns the first folder it created (undefined when `folder` was there). */
export async function makeFolders(folder: string): Promise<string | undefined> {
  return mkdir(folder, { recursive: true });
}

/**
 * Removes the folders {@link makeFolders} created, from `folder` up to
 * `first`, each only while it is empty, so that a failed run leaves no new
 * empty folders behind. It stops at the first folder it cannot remove (one
 * that now holds something is kept), never throwing: it runs while another
 * error is on its way.
 */
export async function removeMadeFolders(folder: string, first: string | undefined): Promise<void> {
  if (first === undefined) return;
  for (let current = folder; ; current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === first || dirname(current) === current) return;
  }
}
