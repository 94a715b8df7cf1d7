import { trimSpan, type Span } from './span.js';

/** The physical lines of a text (CRLF, LF or CR endings), trimmed; blank lines dropped. */
export function splitLines(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/[^\r\n]+/g)) {
    const start = match.index ?? 0;
    const span = trimSpan(text, start, start + match[0].length);
    if (span) spans.push(span);
  }
  return spans;
}
