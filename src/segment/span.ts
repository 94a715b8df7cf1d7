/** A half-open range `[start, end)` of character offsets into an account's text. */
export interface Span {
  start: number;
  end: number;
}

/** Shrinks a span to exclude surrounding white space; undefined when nothing else is left. */
export function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}
