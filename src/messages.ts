/** Where a problem was found: a file and, when known, a 1-based line and column. */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
}

/**
 * A problem found while reading inputs, codebooks or options.
 * Modelled on vfile-message: a reason, a stable rule id, a place and a
 * source. `fatal` messages stop the run; the others are warnings.
 */
export class ReflectMessage extends Error {
  /** Stable identifier of the rule that produced the message, e.g. `input-missing-column`. */
  readonly ruleId: string;
  /** Always `reflect-code`, so messages can be told apart when mixed with others. */
  readonly source = 'reflect-code';
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** True when the run cannot go on. */
  readonly fatal: boolean;

  constructor(reason: string, ruleId: string, place: Place = {}, fatal = true) {
    super(reason);
    this.name = 'ReflectMessage';
    this.ruleId = ruleId;
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
    this.fatal = fatal;
  }

  /** `file:line:column` (as much of it as is known), or an empty string. */
  get position(): string {
    if (!this.file) return '';
    let text = this.file;
    if (this.line !== undefined) text += `:${this.line}`;
    if (this.line !== undefined && this.column !== undefined) text += `:${this.column}`;
    return text;
  }

  /** One line: `file:line:column: reason [rule-id]`. */
  override toString(): string {
    const where = this.position;
    return `${where ? `${where}: ` : ''}${this.message} [${this.ruleId}]`;
  }
}

/** Creates a fatal message; throw it to stop the run with exit code 2. */
export function fail(reason: string, ruleId: string, place?: Place): ReflectMessage {
  return new ReflectMessage(reason, ruleId, place, true);
}

/** Creates a warning: the run goes on and the message is reported. */
export function warn(reason: string, ruleId: string, place?: Place): ReflectMessage {
  return new ReflectMessage(reason, ruleId, place, false);
}

/** Describes a value for "expected ..., got ..." messages. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 37)}..."` : `"${value}"`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

/** What went wrong reading a file, for "got ..." text: "no such file" or the system's own words. */
export function ioReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
}

/** The fatal message of a run stopped (Ctrl-C) before its outputs were moved into place: the output folder `out` is left as it was. */
export function interrupted(out: string): ReflectMessage {
  return fail('interrupted before the end; the output folder was left as it was', 'interrupted', { file: out });
}
