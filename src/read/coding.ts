import type { Codebook } from '../codebook/types.js';
import type { Account } from '../document.js';
import type { CodeList } from '../write/tables.js';
import { loadCodebook } from '../codebook/read.js';
import { DEFAULT_CODEBOOK } from '../codebook/shipped.js';
import { loadStructureTags, type ActiveTags } from '../structure/active-tags.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { splitCodes } from '../segments-format.js';
import { didYouMean } from '../text/closest.js';
import { codePointLength, offsetUnits, type OffsetUnits } from '../text/code-points.js';
import { readSegmentsFile, type SegmentRow, type SegmentsFile } from './segments.js';

/** Where the codes of a coding come from: a theme codebook and a structure cue file (defaults: the shipped ones). */
export interface CodebookChoice {
  /** Theme codebook file; default the shipped mentorship codebook. */
  codebook?: string;
  /** Structure cue file (for its tags); default the shipped Labov & Waletzky cues. */
  structureRules?: string;
  /** Structure tags in use; default every tag of the cue file not marked optional (OR, CA, EV, RE). */
  structureTags?: readonly string[];
}

/** Loads the theme codebook and structure tags a coding is read against. */
export async function loadCodingBooks(choice: CodebookChoice): Promise<{ codebook: Codebook; rules: ActiveTags }> {
  const codebook = await loadCodebook(choice.codebook ?? DEFAULT_CODEBOOK);
  return { codebook, rules: await loadStructureTags(choice.structureRules, choice.structureTags) };
}

/** Options of {@link readCoding}: the codebooks the codes must come from, and how strictly. */
export interface CodingOptions {
  /** The theme codebook the codes must come from. */
  codebook: Codebook;
  /** The structure tags the tags must come from. */
  rules: CodeList;
  /** Keep codes that are not in the codebook (with a warning) instead of stopping. */
  allowNewCodes?: boolean;
  /** The source accounts by participant ID, to check each row's text against its offsets, and that every participant has both rows and an account. */
  accounts?: ReadonlyMap<string, Account>;
}

interface NewCode {
  line: number;
  rows: number;
}

/**
 * Spells codes as their codebook does (`co` becomes `CO`; a theme's name
 * or one of its aliases, `Coaching` or `Attentiveness`, becomes its code)
 * and deals with codes it does not list.
 */
class CodeSpeller {
  private readonly known = new Map<string, string>();
  /** Codes not in the codebook, as first written, with their first line and row count. */
  readonly added = new Map<string, NewCode>();

  constructor(
    private readonly book: CodeList,
    private readonly what: 'theme code' | 'structure tag',
    private readonly allowNew: boolean,
  ) {
    for (const { code, name, aliases } of book.codes) {
      for (const spelling of [name, ...(aliases ?? [])]) this.known.set(spelling.toLowerCase(), code);
    }
    // Codes last: a code always means itself, even where it is also another theme's name.
    for (const { code } of book.codes) this.known.set(code.toLowerCase(), code);
  }

  spell(code: string, file: string, line: number): string {
    const known = this.known.get(code.toLowerCase());
    if (known !== undefined) return known;
    const codes = this.book.codes.map((def) => def.code);
    if (!this.allowNew) {
      throw fail(`${this.what} "${code}" is not in "${this.book.name}"${didYouMean(code, codes)}; expected one of ${codes.join(', ')}, or their names (add --allow-new-codes to keep new codes)`, 'segments-unknown-code', { file, line });
    }
    const key = [...this.added.keys()].find((other) => other.toLowerCase() === code.toLowerCase()) ?? code;
    const seen = this.added.get(key) ?? { line, rows: 0 };
    seen.rows++;
    this.added.set(key, seen);
    return key;
  }

  warnings(file: string): ReflectMessage[] {
    return [...this.added].map(([code, { line, rows }]) =>
      warn(`${this.what} "${code}" is not in "${this.book.name}"; kept as a new code (${rows} row${rows === 1 ? '' : 's'})`, 'segments-new-code', { file, line }));
  }
}

/** The accounts' texts with their offset units, each worked out once, when first needed. */
type AccountTexts = (participant: string) => { text: string; units: OffsetUnits } | undefined;

function accountTexts(accounts: ReadonlyMap<string, Account> | undefined): AccountTexts {
  const known = new Map<string, { text: string; units: OffsetUnits }>();
  return (participant) => {
    const text = accounts?.get(participant)?.text;
    if (text === undefined) return undefined;
    let entry = known.get(participant);
    if (!entry) known.set(participant, (entry = { text, units: offsetUnits(text) }));
    return entry;
  };
}

/** Warns when a row's text no longer fits its offsets (in code points), or (given the accounts) is not the account's text there. */
function checkOffsets(row: SegmentRow, file: string, accounts: AccountTexts): ReflectMessage | undefined {
  if (Number.isNaN(row.start) || Number.isNaN(row.end)) return undefined;
  const place = { file, line: row.line };
  const length = codePointLength(row.text);
  if (row.end - row.start !== length) {
    return warn(`the text is ${length} characters long but its offsets ${row.start}-${row.end} span ${row.end - row.start}; expected the account's text between the offsets (was the text edited?)`, 'segments-offsets-mismatch', place);
  }
  const account = accounts(row.participant);
  const there = account?.text.slice(account.units.toUtf16(row.start), account.units.toUtf16(row.end));
  if (there !== undefined && there !== row.text) {
    return warn(`the text is not the text of ${row.participant}'s account at offsets ${row.start}-${row.end}; expected "${there}"`, 'segments-text-mismatch', place);
  }
  return undefined;
}

/** Warnings for each participant with rows but no account among `accounts` (at its first row), and each account with no rows (at the account). */
function accountCoverage(rows: readonly SegmentRow[], accounts: ReadonlyMap<string, Account>, file: string): ReflectMessage[] {
  const firstLines = new Map<string, number>();
  for (const row of rows) if (!firstLines.has(row.participant)) firstLines.set(row.participant, row.line);
  const messages: ReflectMessage[] = [];
  for (const [participant, line] of firstLines) {
    if (!accounts.has(participant)) messages.push(warn(`participant "${participant}" has rows but no account in the --accounts inputs; expected an account for every participant coded (its rows were not checked against one)`, 'segments-no-account', { file, line }));
  }
  for (const [participant, account] of accounts) {
    if (!firstLines.has(participant)) messages.push(warn(`participant "${participant}" has an account but no rows in ${file}; expected rows for every account (was it left out of the coding?)`, 'segments-account-uncoded', account.source));
  }
  return messages;
}

/**
 * Reads a reviewed coding (a `segments.csv`, perhaps edited in a
 * spreadsheet) and checks it against the codebooks: codes are spelled as
 * the codebook spells them, a code listed twice in a cell counts once,
 * a structure cell holds at most one tag, and a code the codebook does not
 * list is fatal (naming the file and line) unless `allowNewCodes`, when it
 * is kept with a warning. Rows whose text does not fit their offsets,
 * segment numbers used twice for a participant, and (given the accounts)
 * participants with rows but no account or an account but no rows, are
 * warnings.
 */
export async function readCoding(file: string, options: CodingOptions): Promise<SegmentsFile> {
  const coding = await readSegmentsFile(file);
  const themes = new CodeSpeller(options.codebook, 'theme code', options.allowNewCodes ?? false);
  const tags = new CodeSpeller(options.rules, 'structure tag', options.allowNewCodes ?? false);
  const messages = [...coding.messages];
  const firstLines = new Map<string, number>();
  const accounts = accountTexts(options.accounts);
  const rows = coding.rows.map((row) => {
    const key = `${row.participant}\t${row.segment}`;
    const first = firstLines.get(key);
    if (first !== undefined) messages.push(warn(`${row.participant} segment ${row.segment} appears twice (first on line ${first}); expected one row per segment, both are counted`, 'segments-duplicate', { file, line: row.line }));
    else if (!Number.isNaN(row.segment)) firstLines.set(key, row.line);
    const structure = splitCodes(row.structure);
    if (structure.length > 1) throw fail(`expected at most one structure tag in a row, got "${row.structure}"`, 'segments-several-tags', { file, line: row.line });
    const mismatch = checkOffsets(row, file, accounts);
    if (mismatch) messages.push(mismatch);
    return {
      ...row,
      themes: [...new Set(row.themes.map((code) => themes.spell(code, file, row.line)))],
      structure: structure.length === 0 ? '' : tags.spell(structure[0], file, row.line),
    };
  });
  messages.push(...themes.warnings(file), ...tags.warnings(file));
  if (options.accounts) messages.push(...accountCoverage(rows, options.accounts, file));
  return { ...coding, rows, messages };
}
