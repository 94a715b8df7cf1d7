import { KIND_INFO, type Finding } from './kinds.js';

/** One replacement made in a redacted text. */
export interface Redaction extends Finding {
  placeholder: string;
  /** Where the placeholder sits in the redacted text. */
  redactedStart: number;
}

/** Replaces each finding (in text order, not overlapping) with its kind's placeholder, e.g. `[EMAIL]`. */
export function redact(text: string, findings: readonly Finding[]): { text: string; redactions: Redaction[] } {
  let out = '';
  let from = 0;
  const redactions: Redaction[] = [];
  for (const finding of findings) {
    out += text.slice(from, finding.start);
    const { placeholder } = KIND_INFO[finding.kind];
    redactions.push({ ...finding, placeholder, redactedStart: out.length });
    out += placeholder;
    from = finding.end;
  }
  return { text: out + text.slice(from), redactions };
}
