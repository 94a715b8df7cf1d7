/** How many line breaks (CRLF, LF or CR) a text holds. */
export function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** `1 segment`, `2 segments`: a count with its word, plural when it is not one. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
