import { codeIsFromName } from '../codebook/draft.js';

/** A code's name as REFI-QDA tools show it: `Coaching (CO)`, or the name alone when the code is the name or was made from it (an imported name). */
export function refiName(code: string, name: string): string {
  if (name === '') return code;
  return codeIsFromName(code, name) ? name : `${name} (${code})`;
}

/** Reads back a {@link refiName}: `Coaching (CO)` gives the code `CO` and the name `Coaching`; a plain name is its own code. */
export function fromRefiName(label: string): { code: string; name: string } {
  const named = /^(.*\S) \(([\p{L}\p{N}][\p{L}\p{N}_.:-]*)\)$/u.exec(label);
  return named ? { code: named[2], name: named[1] } : { code: label, name: label };
}
