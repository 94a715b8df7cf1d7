import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail } from '../messages.js';
import { showPathAs } from './report.js';

/** How messages name the accounts read from standard input. */
export const STDIN_NAME = 'standard input';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/**
 * Lets `-` among the inputs stand for accounts piped in on standard input
 * (`... | reflect-code analyse -`): CSV, or JSONL when the first thing in it
 * is `{`. The input is kept in a private temporary file, as the loader
 * reads a file more than once (encoding, delimiter, records); messages
 * name it "standard input". Call `cleanup` when the run is over.
 */
export async function stdinInputs(inputs: readonly string[], stdin: NodeJS.ReadStream = process.stdin): Promise<{ inputs: string[]; cleanup: () => Promise<void> }> {
  const dashes = inputs.filter((input) => input === '-').length;
  if (dashes === 0) return { inputs: [...inputs], cleanup: async () => {} };
  if (dashes > 1) throw fail('expected "-" (standard input) at most once among the inputs, got it twice', 'option-invalid');
  if (stdin.isTTY) throw fail('expected accounts piped in on standard input for "-" (for example: cat accounts.csv | reflect-code analyse -), got a terminal', 'input-none');
  const bytes = await readAll(stdin);
  const folder = await mkdtemp(join(tmpdir(), 'reflect-code-stdin-'));
  const file = join(folder, /^\s*\{/.test(bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '')) ? 'input.jsonl' : 'input.csv');
  await writeFile(file, bytes, { mode: 0o600 });
  showPathAs(file, STDIN_NAME);
  return { inputs: inputs.map((input) => (input === '-' ? file : input)), cleanup: () => rm(folder, { recursive: true, force: true }) };
}
