import { toDoc, type Account, type Transform } from '../document.js';
import { ReflectMessage } from '../messages.js';
import { gridRow, rowCells, type LocatedRow } from '../segments-format.js';
import { offsetUnits } from '../text/code-points.js';
import { toCsv } from '../write/csv.js';

/** A message as plain data, to cross between threads. */
export interface MessageData {
  reason: string;
  ruleId: string;
  file?: string;
  line?: number;
  column?: number;
  fatal: boolean;
}

/** A message as plain data. */
export function messageData(message: ReflectMessage): MessageData {
  return { reason: message.message, ruleId: message.ruleId, file: message.file, line: message.line, column: message.column, fatal: message.fatal };
}

/** A message again, from plain data. */
export function fromMessageData(data: MessageData): ReflectMessage {
  return new ReflectMessage(data.reason, data.ruleId, { file: data.file, line: data.line, column: data.column }, data.fatal);
}

/** One coded account, as plain data: what the outputs need of it. */
export interface CodedAccount {
  participant: string;
  metadata: Record<string, string>;
  /** The account's rows of `segments.csv`, as CSV text. */
  csv: string;
  /** Its coding grid's rows, with each segment's number and code-point offsets. */
  rows: LocatedRow[];
  /** The stages' warnings. */
  messages: MessageData[];
  /** Length of the account's text, in characters, for progress. */
  length: number;
}

/** Runs the stages over one account and keeps what the outputs need; `metadataColumns` are `segments.csv`'s. */
export function codeAccount(account: Account, stages: readonly Transform[], metadataColumns: readonly string[]): CodedAccount {
  const doc = toDoc(account);
  for (const stage of stages) stage(doc);
  const units = offsetUnits(doc.text);
  const rows = doc.segments.map((segment): LocatedRow => ({ ...gridRow(segment), segment: segment.index, start: units.toCodePoints(segment.start), end: units.toCodePoints(segment.end) }));
  return {
    participant: doc.participant,
    metadata: doc.metadata,
    csv: toCsv(rows.map((row) => rowCells({ participant: doc.participant, ...row }, row, metadataColumns.map((name) => doc.metadata[name] ?? '')))),
    rows,
    messages: doc.messages.map(messageData),
    length: doc.text.length,
  };
}
