import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { Transform } from 'node:stream';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { fail, ioReason, warn, type ReflectMessage } from '../messages.js';
import { didYouMean } from '../text/closest.js';
import { binaryData, isUtf8, TextReader, type OnWarning } from './text-reader.js';

/** How much of a file is read to decide its encoding. */
const SAMPLE_BYTES = 64 * 1024;

/** Encodings named in hints and "did you mean" suggestions. */
const COMMON = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'macintosh'];

/** How a file's text is encoded, and how that was decided. */
export interface Encoding {
  /** An iconv-lite encoding name, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  name: string;
  /** `given` by `--encoding`, `bom` from a byte-order mark, `utf-8` valid UTF-8, `guessed` by chardet. */
  by: 'given' | 'bom' | 'utf-8' | 'guessed';
  /** For a given encoding: what the bytes say instead (a byte-order mark, or UTF-8 beyond ASCII), when they disagree. */
  contradicted?: string;
}

/** The names Windows Notepad and Excel give encodings in their "Save as" boxes. */
const WINDOWS_NAMES: Record<string, string> = { ansi: 'windows-1252', unicode: 'utf-16le', 'unicode big endian': 'utf-16be', 'utf-8 with bom': 'utf-8', 'utf-8-bom': 'utf-8' };

/** Checks an `--encoding` value before anything is read; returns the iconv-lite name, lower-cased. */
export function checkEncoding(given: string): string {
  const name = WINDOWS_NAMES[given.toLowerCase()] ?? given.toLowerCase();
  if (!iconv.encodingExists(name)) {
    throw fail(`expected --encoding to be an encoding such as ${COMMON.join(', ')}, got "${given}"${didYouMean(given, COMMON)}`, 'option-invalid');
  }
  return name;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** True when the bytes are UTF-8, allowing a character cut off at the end of a sample. */
function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

async function sample(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Decides a file's encoding from its first 64 KiB: the `given` one, else a
 * byte-order mark (UTF-8, UTF-16 LE/BE), else UTF-8 when the bytes are
 * valid UTF-8, else chardet's guess (ISO-8859-1 is read as its superset
 * Windows-1252, which Excel writes). NUL bytes without a BOM mean the file
 * is not text we can read, and are fatal.
 */
export async function detectEncoding(file: string, given?: string): Promise<Encoding> {
  let bytes: Uint8Array;
  try {
    bytes = await sample(file);
  } catch (error) {
    throw unreadable(error, file);
  }
  if (given) {
    const name = checkEncoding(given);
    const evident = bomEncoding(bytes) ?? (bytes.some((byte) => byte > 0x7f) && validUtf8(bytes) ? 'utf-8' : undefined);
    const agrees = !evident || evident === name || (isUtf8(evident) && isUtf8(name));
    return agrees ? { name, by: 'given' } : { name, by: 'given', contradicted: evident };
  }
  const bom = bomEncoding(bytes);
  if (bom) return { name: bom, by: 'bom' };
  if (bytes.includes(0)) throw binaryData(file);
  if (validUtf8(bytes)) return { name: 'utf-8', by: 'utf-8' };
  const guess = chardet.detect(bytes);
  const name = !guess || /^(iso-8859-1|ascii|utf-8)$/i.test(guess) || !iconv.encodingExists(guess) ? 'windows-1252' : guess.toLowerCase();
  return { name, by: 'guessed' };
}

/** A warning for a guessed encoding, or a given one the bytes contradict, so that mangled text is never silent. */
export function encodingWarning(file: string, encoding: Encoding): ReflectMessage | undefined {
  if (encoding.contradicted) {
    return warn(`read as ${encoding.name} as --encoding says, but the file looks like ${encoding.contradicted}; if accented letters or quotes look wrong in the outputs, leave out --encoding`, 'input-encoding-mismatch', { file });
  }
  if (encoding.by !== 'guessed') return undefined;
  return warn(`the file is not UTF-8; read it as ${encoding.name}: if accented letters or quotes look wrong in the outputs, give the right --encoding (such as windows-1252 or macintosh)`, 'input-encoding-guessed', { file });
}

function unreadable(error: unknown, file: string): ReflectMessage {
  return fail(`expected a file to read, got ${ioReason(error)}`, 'input-unreadable', { file });
}

/**
 * A stream stage that turns a file's bytes into text in its encoding, as a
 * {@link TextReader} does: a bad byte or a NUL stops the stream with a
 * fatal message naming its line; a mended character is a warning.
 */
function decodeStage(file: string, encoding: string, onWarning: OnWarning): Transform {
  const text = new TextReader(file, encoding, onWarning);
  const emit = (stream: Transform, read: () => string, done: (error?: Error) => void) => {
    try {
      const out = read();
      if (out !== '') stream.push(out);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
  return new Transform({
    readableObjectMode: true,
    transform(bytes: Buffer, _encoding, done) {
      emit(this, () => text.read(bytes), done);
    },
    flush(done) {
      emit(this, () => text.end(), done);
    },
  });
}

/** Streams a file's text, decoded as {@link decodeStage} does; errors (a missing file, a bad byte) come out of the stream, warnings go to `onWarning`. */
export function decodedStream(file: string, encoding: string, onWarning: OnWarning): Transform {
  const stage = decodeStage(file, encoding, onWarning);
  const source = createReadStream(file).on('error', (error) => stage.destroy(unreadable(error, file)));
  // A reader that stops early (after the header, or at a fault) closes the file too, rather than leave it to garbage collection.
  stage.on('close', () => source.destroy());
  return source.pipe(stage);
}

/** The text of a file's first 64 KiB, decoded leniently (a character cut off at the end is dropped). */
export async function sampleText(file: string, encoding: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await sample(file);
  } catch (error) {
    throw unreadable(error, file);
  }
  return iconv.getDecoder(encoding).write(Buffer.from(bytes)).replace(/^\uFEFF/, '');
}

/** Reads a whole file as text in its encoding (detected unless given), checked as a {@link TextReader} checks it; warnings go to `onWarning`. */
export async function readDecoded(file: string, given: string | undefined, onWarning: OnWarning): Promise<string> {
  const { name } = await detectEncoding(file, given);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadable(error, file);
  }
  const text = new TextReader(file, name, onWarning);
  return text.read(bytes) + text.end();
}
