import { plural } from '../text/count.js';
import type { ReflectMessage } from '../messages.js';
import { printMessage } from './report.js';

/** How many warnings of one rule are printed before the rest are only counted. */
export const WARNINGS_SHOWN = 20;

/**
 * Prints warnings as they happen: the first {@link WARNINGS_SHOWN} of each
 * rule id in full, then only counts them; {@link WarningPrinter.finish}
 * prints one line per rule with the number left unprinted.
 */
export class WarningPrinter {
  /** Warnings printed or counted, by rule id. */
  private readonly counts = new Map<string, number>();
  /** All warnings so far. */
  total = 0;

  constructor(private readonly before: () => void = () => {}) {}

  /** Prints (or counts) one warning; `before` runs first, to clear a progress line. */
  print(message: ReflectMessage): void {
    this.total++;
    const count = (this.counts.get(message.ruleId) ?? 0) + 1;
    this.counts.set(message.ruleId, count);
    if (count > WARNINGS_SHOWN) return;
    this.before();
    printMessage(message);
  }

  /** Prints how many warnings of each rule were counted but not printed. */
  finish(): void {
    for (const [ruleId, count] of this.counts) {
      if (count <= WARNINGS_SHOWN) continue;
      this.before();
      process.stderr.write(`reflect-code: ${plural(count - WARNINGS_SHOWN, 'more warning')} [${ruleId}] not shown (${count} in all)\n`);
    }
  }
}
