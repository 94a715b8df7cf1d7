import { loadCodingBooks, type CodebookChoice } from '../read/coding.js';
import type { ReflectMessage } from '../messages.js';
import { fail } from '../messages.js';
import { SEGMENT_COLUMNS, rowCells } from '../segments-format.js';
import { UNITS, type Unit } from '../segment/index.js';
import { BOM, toCsv } from '../write/csv.js';
import { FileNamer } from '../write/file-names.js';
import { OutputDir } from '../write/output-dir.js';
import { humanCoding, projectCoders } from './human-coding.js';
import { POSITION_UNITS, type PositionUnit } from './project.js';

/** Options of {@link importQdpx}. */
export interface ImportQdpxOptions extends CodebookChoice {
  /** The REFI-QDA project (`.qdpx`) to read. */
  project: string;
  /** The output folder. */
  out: string;
  /** The unit each source is cut into, as `analyse --unit`; default `clause`. */
  unit?: Unit;
  /** The units of the selections' positions; detected when not given. */
  positions?: PositionUnit;
  allowNewCodes?: boolean;
  force?: boolean;
}

/** What an import wrote: the coders, with the file of each, and warnings. */
export interface ImportQdpxResult {
  out: string;
  accounts: number;
  coders: Array<{ name: string; file: string; segments: number }>;
  messages: ReflectMessage[];
}

/**
 * Reads a REFI-QDA project coded by people in another tool into
 * reflect-code's files: `accounts.csv` (each text source's text, by
 * participant: its case's name, else the source's name) and, for each
 * coder, `segments-<coder>.csv`, the sources cut into `unit`s as `analyse`
 * cuts accounts, each unit with the codes of the coder's selections that
 * cover at least half of it. `analyse accounts.csv` then codes the same
 * texts, and `agree` compares a coder's file with it unit by unit.
 */
export async function importQdpx(options: ImportQdpxOptions): Promise<ImportQdpxResult> {
  const unit = options.unit ?? 'clause';
  if (!UNITS.includes(unit)) throw fail(`expected --unit to be one of ${UNITS.join(', ')}, got "${String(unit)}"`, 'option-invalid');
  if (options.positions !== undefined && !POSITION_UNITS.includes(options.positions)) throw fail(`expected --positions to be one of ${POSITION_UNITS.join(', ')}, got "${String(options.positions)}"`, 'option-invalid');
  const { codebook, rules } = await loadCodingBooks(options);
  const names = await projectCoders(options.project);
  if (names.length === 0) throw fail('expected a project with coded text selections, got none', 'qdpx-no-codings', { file: options.project });
  const out = await OutputDir.open(options.out, { force: options.force, inputs: [options.project] });
  try {
    const namer = new FileNamer();
    const coders: ImportQdpxResult['coders'] = [];
    const messages: ReflectMessage[] = [];
    let accounts = 0;
    for (const [i, name] of names.entries()) {
      const coding = await humanCoding(options.project, unit, { codebook, rules, user: name, positions: options.positions, allowNewCodes: options.allowNewCodes });
      if (i === 0) {
        messages.push(...coding.messages);
        accounts = coding.texts.length;
        await out.write('accounts.csv', BOM + toCsv([['participant', 'text'], ...coding.texts.map(({ participant, text }) => [participant, text])]));
      }
      const file = `segments-${namer.name(name)}.csv`;
      await out.write(file, BOM + toCsv([[...SEGMENT_COLUMNS], ...coding.rows.map((row) => rowCells(row, row, []))]));
      coders.push({ name, file, segments: coding.rows.length });
    }
    await out.commit();
    return { out: options.out, accounts, coders, messages };
  } catch (error) {
    await out.abort();
    throw error;
  }
}
