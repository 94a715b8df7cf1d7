import chalk from 'chalk';
import type { AnalyseResult } from '../analyse.js';
import { ReflectMessage } from '../messages.js';
import type { TabulateResult } from '../tabulate.js';
import { plural } from '../text/count.js';

/**
 * Control characters shown as escapes, so a value echoed in a message (a
 * participant ID with a line break or a terminal escape) can neither
 * forge another line nor drive the terminal.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (char) => (char === '\n' ? '\\n' : char === '\r' ? '\\r' : char === '\t' ? '\\t' : `\\u{${char.codePointAt(0)!.toString(16)}}`));
}

/** Paths that messages show by another name (a temporary file holding standard input). */
const shownAs = new Map<string, string>();

/** Makes messages name `path` as `name`. */
export function showPathAs(path: string, name: string): void {
  shownAs.set(path, name);
}

/** Writes a message as one line on standard error: `reflect-code: file:line:column: reason [rule-id]`. */
export function printMessage(message: ReflectMessage): void {
  const label = message.fatal ? chalk.red('error') : chalk.yellow('warning');
  let text = message.toString();
  for (const [path, name] of shownAs) text = text.replaceAll(path, name);
  process.stderr.write(`reflect-code: ${label}: ${visible(text)}\n`);
}

/** Plain words for the file-system errors a run can meet; the earlier outputs stay whatever happens, as outputs are written aside first. */
const IO_REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full; expected room to write the outputs (the earlier outputs were left as they were): free some space or choose another --out',
  EDQUOT: 'the disk quota is used up; expected room to write the outputs (the earlier outputs were left as they were): free some space or choose another --out',
  EACCES: 'permission denied; expected a file or folder you may read (inputs) or write (--out)',
  EPERM: 'operation not permitted; expected a file or folder you may read (inputs) or write (--out)',
  EROFS: 'the disk is read-only; expected a folder that can be written, choose another --out',
  EIO: 'the disk could not be read or written (input/output error); check the drive, or copy the files elsewhere',
};

/** Prints any thrown value as one line on standard error: a file-system error as the file and what went wrong; unexpected errors are marked as bugs. */
export function printFailure(error: unknown): void {
  if (error instanceof ReflectMessage) printMessage(error);
  else if ((error as NodeJS.ErrnoException)?.code && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!)) {
    const { code, path, message } = error as NodeJS.ErrnoException;
    const reason = IO_REASONS[code!] ?? message.replace(/^[A-Z]+: /, '');
    process.stderr.write(`reflect-code: ${chalk.red('error')}: ${path === undefined ? '' : `${visible(path)}: `}${reason} [${code}]\n`);
  } else {
    process.stderr.write(`reflect-code: ${chalk.red('internal error')}: ${(error as Error)?.stack ?? String(error)}\nThis is a bug in reflect-code; please report it with the command you ran.\n`);
  }
}

/** The lines about the tables that `analyse` and `tabulate` print when they are done. */
function tableLines(result: TabulateResult): string[] {
  const top = result.themes.filter((row) => row.segments > 0).slice(0, 5);
  const gridFiles = result.files.filter((file) => file.startsWith('grids/') && file.endsWith('.md')).length;
  const tables = result.files.filter((file) => !file.includes('/') && !file.startsWith('report.') && !file.startsWith('grids.'));
  const grids = result.files.includes('grids.md') ? `, grids.csv and grids.md (${plural(result.participants, 'grid')})` : gridFiles > 0 || result.participants === 0 ? `, grids/ (${plural(gridFiles, 'grid')})` : '';
  const report = result.files.includes('report.html') ? ', report.html, report.md, figures/' : '';
  return [
    `Top themes: ${top.map((row) => `${chalk.bold(row.code)} ${row.name} ${plural(row.segments, 'segment')} (${plural(row.participants, 'participant')})`).join('; ') || 'none'}`,
    `Structure: ${result.structure.map((row) => `${row.code} ${row.segments}`).join(', ')}`,
    `Wrote ${result.out}: ${tables.join(', ')}${grids}${report}`,
  ];
}

/** The short summary `analyse` prints when it is done. */
export function summary(result: AnalyseResult): string {
  const lines = [
    `Coded ${chalk.bold(plural(result.participants, 'participant'))}, ${chalk.bold(plural(result.segments, 'segment'))} (unit: ${result.unit}) with "${result.codebook.name}"${result.codebook.version ? ` v${result.codebook.version}` : ''}.`,
    result.skipped > 0 ? `Skipped ${plural(result.skipped, 'empty account')} (see the warnings above).` : '',
    ...tableLines(result),
  ];
  return `${lines.filter(Boolean).join('\n')}\n`;
}

/** The short summary `tabulate` prints when it is done. */
export function tabulateSummary(result: TabulateResult): string {
  const lines = [
    `Tabulated ${chalk.bold(plural(result.participants, 'participant'))}, ${chalk.bold(plural(result.segments, 'segment'))} against "${result.codebook.name}"${result.codebook.version ? ` v${result.codebook.version}` : ''}.`,
    ...tableLines(result),
  ];
  return `${lines.join('\n')}\n`;
}
