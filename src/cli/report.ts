import chalk from 'chalk';
import type { AnalyseResult } from '../analyse.js';
import { ReflectMessage } from '../messages.js';

/** Writes a message as one line on standard error: `reflect-code: file:line:column: reason [rule-id]`. */
export function printMessage(message: ReflectMessage): void {
  const label = message.fatal ? chalk.red('error') : chalk.yellow('warning');
  process.stderr.write(`reflect-code: ${label}: ${message.toString()}\n`);
}

/** Prints any thrown value as one line on standard error; unexpected errors are marked as bugs. */
export function printFailure(error: unknown): void {
  if (error instanceof ReflectMessage) printMessage(error);
  else if ((error as NodeJS.ErrnoException)?.code && (error as NodeJS.ErrnoException).path) {
    const { code, path, message } = error as NodeJS.ErrnoException;
    process.stderr.write(`reflect-code: ${chalk.red('error')}: ${path}: ${message.replace(/^[A-Z]+: /, '')} [${code}]\n`);
  } else {
    process.stderr.write(`reflect-code: ${chalk.red('internal error')}: ${(error as Error)?.stack ?? String(error)}\nThis is a bug in reflect-code; please report it with the command you ran.\n`);
  }
}

/** The short summary `analyse` prints when it is done. */
export function summary(result: AnalyseResult): string {
  const top = result.themes.filter((row) => row.segments > 0).slice(0, 5);
  const grids = result.files.filter((file) => file.startsWith('grids/') && file.endsWith('.md')).length;
  const lines = [
    `Coded ${chalk.bold(result.participants)} participants, ${chalk.bold(result.segments)} segments (unit: ${result.unit}) with "${result.codebook.name}"${result.codebook.version ? ` v${result.codebook.version}` : ''}.`,
    result.skipped > 0 ? `Skipped ${result.skipped} empty account${result.skipped === 1 ? '' : 's'} (see the warnings above).` : '',
    `Top themes: ${top.map((row) => `${chalk.bold(row.code)} ${row.name} ${row.segments} segments (${row.participants} participants)`).join('; ') || 'none'}`,
    `Structure: ${result.structure.map((row) => `${row.code} ${row.segments}`).join(', ')}`,
    `Wrote ${result.out}: segments.csv, themes.csv, structure.csv, participants.csv, theme-structure.csv, grids/ (${grids} grids)${result.files.includes('report.html') ? ', report.html, report.md, figures/' : ''}`,
  ];
  return `${lines.filter(Boolean).join('\n')}\n`;
}
