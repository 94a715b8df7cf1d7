import iconv from 'iconv-lite';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { lineBreaks } from '../text/count.js';

/** Takes a warning met while a file's text is read (a character that had to be mended). */
export type OnWarning = (message: ReflectMessage) => void;

/** For a reader with no way to pass a warning on: a character that would have to be mended stops the read instead, in the same words. */
export const refuseMended: OnWarning = (message) => {
  throw fail(message.message, message.ruleId, message);
};

/** True for the names of UTF-8. */
export function isUtf8(name: string): boolean {
  return /^utf-?8$/i.test(name);
}

/** Bytes in one code unit of an encoding: 2 for UTF-16, 4 for UTF-32, else 1. */
function unitBytes(name: string): number {
  if (/^(utf-?16|ucs-?2)/i.test(name)) return 2;
  return /^(utf-?32|ucs-?4)/i.test(name) ? 4 : 1;
}

/** Encodings that can hold U+FFFD itself; in any other, a U+FFFD in the text is the decoder's replacement for a byte it could not read. */
const HOLDS_REPLACEMENT = /^(utf|ucs|cesu|gb18030)/i;

/** Half of a UTF-16 surrogate pair without its other half (no character at all); in Unicode mode a whole pair is one character and never matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** A decoder for one encoding: UTF-8 is decoded strictly (a bad byte is an error), others by iconv-lite. */
function decoder(name: string): { write(bytes: Buffer): string; end(): string } {
  if (isUtf8(name)) {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    return { write: (bytes) => utf8.decode(bytes, { stream: true }), end: () => utf8.decode() };
  }
  const other = iconv.getDecoder(name);
  return { write: (bytes) => other.write(bytes), end: () => other.end() ?? '' };
}

function notUtf8(file: string, line: number): ReflectMessage {
  return fail('expected UTF-8 text, got a byte that is not UTF-8; save the file as UTF-8 ("CSV UTF-8" in Excel), or give its encoding, e.g. --encoding windows-1252', 'input-not-utf8', { file, line });
}

/** The message for a file that holds a NUL: binary data, not text, wherever in the file it is. */
export function binaryData(file: string, line?: number): ReflectMessage {
  return fail('expected a text file, got binary data (a spreadsheet, or UTF-16 text without a byte-order mark); save it as "CSV UTF-8" or plain text', 'input-binary', { file, line });
}

/** The line of the first byte that is not UTF-8 in `bytes`, counting from `line`. */
function badLine(bytes: Buffer, line: number): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  return line + lineBreaks(text.slice(0, Math.max(0, text.indexOf('\uFFFD'))));
}

/**
 * Turns a file's bytes, piece by piece, into its text in one encoding,
 * the byte-order mark removed, and never changes a character without
 * saying so: a byte that is not UTF-8 in a UTF-8 file, or a NUL anywhere
 * (binary data), stops the read with its line; a lone UTF-16 surrogate
 * is replaced with U+FFFD, a byte another encoding cannot read (which its
 * decoder replaced with U+FFFD) is kept so, and a last incomplete UTF-16
 * or UTF-32 character is dropped, each with a warning naming the line
 * (`input-bad-character`).
 */
export class TextReader {
  private readonly decoder: { write(bytes: Buffer): string; end(): string };
  private line = 1;
  private started = false;
  /** A high surrogate (or a CR) that ended the last piece, held until the next shows whether its low half (or an LF) follows. */
  private held = '';
  private bytes = 0;

  constructor(
    private readonly file: string,
    private readonly encoding: string,
    private readonly onWarning: OnWarning,
  ) {
    this.decoder = decoder(encoding);
  }

  /** The text of the next piece of the file. */
  read(bytes: Buffer): string {
    this.bytes += bytes.length;
    let text: string;
    try {
      text = this.decoder.write(bytes);
    } catch {
      throw notUtf8(this.file, badLine(bytes, this.line));
    }
    return this.checked(text, false);
  }

  /** The rest of the text, once the whole file has been read. */
  end(): string {
    let text: string;
    try {
      text = this.decoder.end();
    } catch {
      throw notUtf8(this.file, this.line);
    }
    const rest = this.checked(text, true);
    const unit = unitBytes(this.encoding);
    if (this.bytes % unit !== 0) {
      this.onWarning(warn(`expected ${this.encoding} text in whole ${unit}-byte units, got ${this.bytes % unit} byte${this.bytes % unit === 1 ? '' : 's'} over at the end of the file; dropped ${this.bytes % unit === 1 ? 'it' : 'them'}`, 'input-bad-character', { file: this.file, line: this.line }));
    }
    return rest;
  }

  private checked(piece: string, last: boolean): string {
    let text = this.held + piece;
    this.held = '';
    if (!last && /[\uD800-\uDBFF\r]$/u.test(text)) {
      this.held = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (!this.started) {
      text = text.replace(/^\uFEFF/, '');
      this.started = text !== '';
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) throw binaryData(this.file, this.line + lineBreaks(text.slice(0, nul)));
    text = this.mended(text);
    this.line += lineBreaks(text);
    return text;
  }

  /** The text with each lone surrogate replaced with U+FFFD; one warning per line for those, or for the decoder's own replacements of bytes it could not read. */
  private mended(text: string): string {
    const byDecoder = !HOLDS_REPLACEMENT.test(this.encoding);
    const found = byDecoder ? /\uFFFD/g : LONE_SURROGATE;
    if (text.search(found) < 0) return text;
    const perLine = new Map<number, number>();
    let line = this.line;
    let from = 0;
    for (const match of text.matchAll(found)) {
      line += lineBreaks(text.slice(from, match.index));
      from = match.index;
      perLine.set(line, (perLine.get(line) ?? 0) + 1);
    }
    for (const [at, count] of perLine) {
      const got = byDecoder
        ? `${count === 1 ? 'a byte' : `${count} bytes`} ${this.encoding} has no character for`
        : `${count === 1 ? 'a lone surrogate (half a character)' : `${count} lone surrogates (half characters)`}`;
      this.onWarning(warn(`expected ${this.encoding} text, got ${got}; replaced ${count === 1 ? 'it' : 'them'} with U+FFFD`, 'input-bad-character', { file: this.file, line: at }));
    }
    return byDecoder ? text : text.replace(LONE_SURROGATE, '\uFFFD');
  }
}
