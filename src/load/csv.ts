import { pipeline } from 'node:stream';
import { parse, CsvError, type Options } from 'csv-parse';
import type { Account } from '../document.js';
import { fail, warn, ReflectMessage } from '../messages.js';
import { makeAccount, metadataRecord } from './account.js';
import { mapColumns, type ColumnMap } from './columns.js';
import { decodedStream, detectEncoding, sampleText } from './decode.js';
import { refuseMended, type OnWarning } from './text-reader.js';
import { detectDelimiter } from './delimiter.js';
import { SURVEY_ROWS_SEEN, surveyHeaderRows } from './survey-rows.js';
import { columnsOf, type LoadOptions } from './options.js';
import { unescapeFormula } from '../write/csv.js';
import { lineBreaks } from '../text/count.js';

/** How a delimited file is read; what is not given is detected. */
export interface CsvFormat {
  /** Field delimiter; detected from the header line when not given. */
  delimiter?: string;
  /** Text encoding; detected (BOM, UTF-8, or chardet's guess) when not given. */
  encoding?: string;
  /**
   * Remove the `'` reflect-code writes before a formula-like cell (see
   * {@link unescapeFormula}): only for a file reflect-code wrote. Default
   * false: the text of the user's own data is never changed.
   */
  unescapeFormulas?: boolean;
  /** The file begins with the `sep=;` line Excel writes to name the delimiter, which is skipped (always detected). */
  separatorLine?: boolean;
}

/** The line Excel may write before the header to name the delimiter: `sep=,`, `sep=;`. */
const SEPARATOR_LINE = /^sep=([^\r\n])(?:\r\n|\n|\r)/i;

/** Explains csv-parse's errors in a reader's terms, at the file and line where they happened. */
function csvFault(error: unknown, file: string, line: number): ReflectMessage {
  if (error instanceof ReflectMessage) return error;
  if (!(error instanceof CsvError)) return fail(`cannot read the file: ${(error as Error).message}`, 'input-unreadable', { file });
  const context = error as CsvError & { record?: string[] };
  const place = { file, line };
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fail('a quoted field is never closed; expected a closing " before the end of the file', 'csv-unclosed-quote', place);
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return fail(`expected as many fields as the header has, got ${context.record?.length ?? 'a different number'}; check for an unquoted delimiter in a text`, 'csv-ragged-row', place);
    case 'INVALID_OPENING_QUOTE':
      return fail('expected a text with " in it to be quoted as a whole, got a " inside an unquoted text; put the text in quotes and double each " inside it ("")', 'csv-bad-quote', place);
    case 'CSV_MAX_RECORD_SIZE':
      return fail(`expected a row of at most ${LONGEST_ROW.toLocaleString('en-GB')} characters, got a longer one (a quote left open, or a whole document in one cell?)`, 'csv-row-too-long', place);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return fail('expected a delimiter or line end after a closing quote, got another character; double a quote inside a quoted text ("")', 'csv-bad-quote', place);
    default:
      return fail(`expected a well-formed CSV row, got: ${error.message}`, 'csv-malformed', place);
  }
}

/** Longest row read, in characters: twenty times the longest account, so a runaway field stops the read early instead of filling memory. */
const LONGEST_ROW = 2_000_000;

/** A CSV record with the line it starts on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** The format of a delimited file, with what was not given detected; an Excel `sep=` line names the delimiter unless one is given. */
export async function csvFormat(file: string, format: CsvFormat = {}): Promise<Required<CsvFormat>> {
  const encoding = format.encoding ?? (await detectEncoding(file)).name;
  const sample = await sampleText(file, encoding);
  const separator = SEPARATOR_LINE.exec(sample);
  const delimiter = format.delimiter ?? separator?.[1] ?? detectDelimiter(sample);
  return { encoding, delimiter, unescapeFormulas: format.unescapeFormulas ?? false, separatorLine: separator !== null };
}

/**
 * Streams the records of a delimited file (decoded, BOM removed, blank
 * lines skipped; with `unescapeFormulas`, the `'` guarding a formula-like
 * cell removed, so the CSVs this tool writes read back as they were);
 * parse faults become fatal messages naming the file and line. A
 * character mended while decoding is a warning passed to `onWarning`,
 * which stops the read unless given.
 */
export async function* csvRecords(file: string, format: CsvFormat = {}, onWarning: OnWarning = refuseMended): AsyncGenerator<CsvRecord> {
  const { delimiter, encoding, unescapeFormulas, separatorLine } = await csvFormat(file, format);
  // Lines are counted here, as records are parsed (csv-parse counts a CRLF
  // inside quotes twice), so a fault is placed right after the last good record.
  let breaks = separatorLine ? 1 : 0;
  const options: Options<CsvRecord, { record: string[]; raw: string }> = {
    delimiter,
    from_line: separatorLine ? 2 : 1,
    raw: true,
    skip_empty_lines: true,
    max_record_size: LONGEST_ROW,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: ({ record, raw }) => {
      const line = breaks + 1 + lineBreaks(/^[\r\n]*/.exec(raw)?.[0] ?? '');
      breaks += lineBreaks(raw);
      return { cells: unescapeFormulas ? record.map(unescapeFormula) : record, line };
    },
  };
  // csv-parse's typings cannot express a raw record mapped by on_record.
  const parser = parse(options as unknown as Options);
  // pipeline passes a decoding fault (a bad byte, a missing file) on to the parser's readers.
  const records: AsyncIterable<CsvRecord> = pipeline(decodedStream(file, encoding, onWarning), parser, () => {});
  try {
    yield* records;
  } catch (error) {
    throw csvFault(error, file, breaks + 1);
  }
}

/** Options for reading accounts from a delimited file. */
export type CsvOptions = LoadOptions & CsvFormat;

function emptyFile(file: string): ReflectMessage {
  return fail('expected a header row and accounts, got an empty file', 'input-empty-file', { file });
}

/** Reads the header of a delimited file and locates the ID, text and metadata columns. */
export async function readCsvHeader(file: string, options: CsvOptions): Promise<ColumnMap> {
  // Characters mended while decoding are reported when the file is read in full.
  for await (const { cells, line } of csvRecords(file, options, () => {})) return mapColumns(cells, columnsOf(options), file, line);
  throw emptyFile(file);
}

/** Streams the accounts of a delimited file, one per row; empty texts come out as warnings. Extra header rows (`skipRows`, or a Qualtrics-style export's question-text and `{"ImportId": ...}` rows) are skipped, with a warning. */
export async function* readCsv(file: string, options: CsvOptions): AsyncGenerator<Account | ReflectMessage> {
  let columns: ColumnMap | undefined;
  let headerLine = 0;
  let accounts = 0;
  /** The first data rows, held until it is known which of them are extra header rows; undefined once decided. */
  let held: CsvRecord[] | undefined = [];
  const given = options.skipRows ?? 0;
  const seen = Math.max(given, SURVEY_ROWS_SEEN);
  const format = await csvFormat(file, options);
  if (format.separatorLine) yield warn(`skipped the "sep=" line Excel writes before the header; read the columns as separated by ${format.delimiter === '\t' ? 'tabs' : `"${format.delimiter}"`}`, 'input-excel-sep-line', { file, line: 1 });
  function* account(cells: readonly string[], line: number): Generator<Account | ReflectMessage> {
    const metadata = metadataRecord();
    for (const { index, name } of columns!.metadata) metadata[name] = cells[index] ?? '';
    accounts++;
    yield makeAccount(cells[columns!.id] ?? '', cells[columns!.text] ?? '', metadata, file, line);
  }
  function* release(rows: CsvRecord[]): Generator<Account | ReflectMessage> {
    held = undefined;
    const skip = given > 0 ? Math.min(given, rows.length) : surveyHeaderRows(rows);
    if (skip > 0 && given === 0) yield warn(`skipped ${skip === 1 ? 'the row' : `the ${skip} rows`} after the header (a survey export's ${skip === 1 ? '{"ImportId": ...} row' : 'question texts and {"ImportId": ...} row'}); expected accounts, got extra header rows (set --skip-rows to say how many there are)`, 'input-survey-rows', { file, line: rows[0].line });
    for (const record of rows.slice(skip)) yield* account(record.cells, record.line);
  }
  const mended: ReflectMessage[] = [];
  for await (const record of csvRecords(file, { ...options, ...format }, (message) => mended.push(message))) {
    yield* mended.splice(0);
    if (!columns) {
      columns = mapColumns(record.cells, columnsOf(options), file, record.line);
      headerLine = record.line;
      continue;
    }
    if (held) {
      held.push(record);
      if (held.length === seen) yield* release(held);
    } else yield* account(record.cells, record.line);
  }
  yield* mended.splice(0);
  if (held && held.length > 0) yield* release(held);
  if (!columns) throw emptyFile(file);
  if (accounts === 0) throw fail('expected accounts below the header row, got none', 'input-no-accounts', { file, line: headerLine });
}
