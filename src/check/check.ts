import type { Account } from '../document.js';
import { loadAccounts, planInputs } from '../load/inputs.js';
import type { LoadOptions } from '../load/options.js';
import { warn, type ReflectMessage } from '../messages.js';
import { BOM, toCsv } from '../write/csv.js';
import { OutputDir } from '../write/output-dir.js';
import { offsetUnits } from '../text/code-points.js';
import { readAllowList } from './allow-list.js';
import { findIdentifiers } from './find.js';
import { KIND_INFO, type Finding } from './kinds.js';
import { redact } from './redact.js';

/** Options of {@link check}. */
export interface CheckOptions extends LoadOptions {
  /** Input files and folders, as for `analyse`. */
  inputs: readonly string[];
  /** File of words and phrases never to report, one per line. */
  allowList?: string;
  /** Write a redacted copy of the accounts and a log of the replacements into `out`. */
  redact?: boolean;
  /** Folder for the redacted copy; default `reflect-code-redacted` (refused when that would be in an input's folder). */
  out?: string;
  /** Replace an earlier redacted copy in a non-empty `out`. */
  force?: boolean;
}

/** What {@link check} found. */
export interface CheckResult {
  accounts: number;
  /** Accounts with at least one finding. */
  flagged: number;
  /** One warning per finding (rule id `check-<kind>`), with participant and offset, never the text, among the warnings met while reading the inputs. */
  messages: ReflectMessage[];
  /** The columns read: `participant`, `text` and every other column (metadata), in that order. */
  columns: string[];
  /** With `redact`: the folder and the files written in it. */
  out?: string;
  files: string[];
}

/** The warning for one finding in the text or another column (`value`): where it is (in code points) and what kind it seems, not what it says. */
function findingMessage(account: Account, finding: Finding, value: string, column = 'text'): ReflectMessage {
  const units = offsetUnits(value);
  const [start, end] = [units.toCodePoints(finding.start), units.toCodePoints(finding.end)];
  const where = column === 'text' ? '' : `column "${column}", `;
  return warn(`participant "${account.participant}", ${where}offset ${start} (${end - start} character${end - start === 1 ? '' : 's'}): ${KIND_INFO[finding.kind].label}`, `check-${finding.kind}`, account.source);
}

/** The warning for a participant ID that looks identifying: IDs are never redacted, as the outputs are joined on them. */
function idMessage(account: Account, finding: Finding): ReflectMessage {
  return warn(`the participant ID looks like ${KIND_INFO[finding.kind].label}; IDs are copied as they are, even with --redact: replace them with codes (A1, A2...) before sharing`, `check-${finding.kind}`, account.source);
}

/**
 * Scans every account for what anonymisation missed (e-mail addresses,
 * handles, phone numbers, house addresses, UK postcodes, NHS and National
 * Insurance numbers, full dates, web addresses, names; see
 * {@link findIdentifiers}), in its text, its other
 * columns and its participant ID. With `redact`, writes `accounts.csv` with
 * each finding in the text and the other columns replaced by a placeholder
 * such as `[NAME]` (IDs are reported, never changed), and `redactions.csv`
 * logging every replacement by participant, column, kind and offsets (never
 * the replaced text), atomically into `out`.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const allowed = await readAllowList(options.allowList);
  const plan = await planInputs(options.inputs, options);
  const out = options.redact ? await OutputDir.open(options.out ?? 'reflect-code-redacted', { force: options.force, inputs: options.inputs, byDefault: options.out === undefined }) : undefined;
  const messages: ReflectMessage[] = [...plan.messages];
  let accounts = 0;
  let flagged = 0;
  try {
    const copy = await out?.open('accounts.csv');
    const log = await out?.open('redactions.csv');
    try {
      await copy?.write(BOM + toCsv([['participant', 'text', ...plan.metadataColumns]]));
      await log?.write(BOM + toCsv([['participant', 'column', 'kind', 'start', 'end', 'placeholder', 'redacted_start']]));
      for await (const item of loadAccounts(plan, options)) {
        if (!('participant' in item)) {
          messages.push(item);
          continue;
        }
        accounts++;
        const idFindings = findIdentifiers(item.participant, allowed);
        const cells = [['text', item.text], ...plan.metadataColumns.map((name) => [name, item.metadata[name] ?? ''])];
        const found = cells.map(([column, value]) => ({ column, value, findings: findIdentifiers(value, allowed) }));
        if (idFindings.length > 0 || found.some(({ findings }) => findings.length > 0)) flagged++;
        messages.push(...idFindings.map((finding) => idMessage(item, finding)));
        for (const { column, value, findings } of found) messages.push(...findings.map((finding) => findingMessage(item, finding, value, column)));
        if (!copy || !log) continue;
        const redacted = found.map(({ column, value, findings }) => ({ column, value, ...redact(value, findings) }));
        await copy.write(toCsv([[item.participant, ...redacted.map(({ text }) => text)]]));
        // Offsets in code points, as in segments.csv: into the original value, and into the redacted one.
        await log.write(toCsv(redacted.flatMap(({ column, value, text, redactions }) => {
          const [before, after] = [offsetUnits(value), offsetUnits(text)];
          return redactions.map((r) => [item.participant, column, r.kind, before.toCodePoints(r.start), before.toCodePoints(r.end), r.placeholder, after.toCodePoints(r.redactedStart)]);
        })));
      }
    } finally {
      await copy?.close();
      await log?.close();
    }
    await out?.commit();
  } catch (error) {
    await out?.abort();
    throw error;
  }
  return { accounts, flagged, messages, columns: ['participant', 'text', ...plan.metadataColumns], out: out ? (options.out ?? 'reflect-code-redacted') : undefined, files: out ? ['accounts.csv', 'redactions.csv'] : [] };
}
