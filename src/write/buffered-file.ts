import type { FileHandle } from 'node:fs/promises';

/** Appends text to an open file in 64 KiB chunks; errors surface on `write` or `close`, naming `path` when given (a file handle's own errors name no file). */
export class BufferedFile {
  private buffer = '';

  constructor(
    private readonly handle: FileHandle,
    private readonly path?: string,
  ) {}

  /** Queues text, writing the buffer out when it is full. */
  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= 65536) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    try {
      await this.handle.writeFile(text, 'utf8');
    } catch (error) {
      const failure = error as NodeJS.ErrnoException;
      if (this.path !== undefined && failure.code !== undefined && failure.path === undefined) failure.path = this.path;
      throw error;
    }
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }
}
