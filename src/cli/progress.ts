import type { Progress } from '../analyse.js';

/** What progress is drawn on: a writable stream that may be a terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * True when progress should be drawn on `stream`: it is a terminal, and
 * the terminal is not a dumb one (`TERM=dumb`). Pipes, files and CI logs
 * get no progress.
 */
export function isInteractive(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Least time between two redraws of the progress line, in milliseconds. */
const REDRAW_MS = 250;

/** `1 min 05 s`, `42 s`, `3.2 s`: a duration for people. */
export function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/**
 * A progress line on a terminal: accounts coded, the rate, and the time
 * left (from the characters coded against the inputs' size), redrawn in
 * place at most four times a second. {@link ProgressLine.clear} rubs it
 * out before another line (a warning) is written.
 */
export class ProgressLine {
  private readonly started: number;
  private drawn = 0;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** Redraws the line for `progress`, unless it was drawn less than a quarter second ago. */
  update(progress: Progress): void {
    const now = this.now();
    if (now - this.drawn < REDRAW_MS) return;
    this.drawn = now;
    const elapsed = Math.max(now - this.started, 1);
    const rate = (progress.accounts * 1000) / elapsed;
    const share = progress.bytes > 0 ? Math.min(progress.characters / progress.bytes, 0.99) : 0;
    const left = share > 0.01 ? ` (${Math.floor(share * 100)}%), about ${duration((elapsed * (1 - share)) / share)} left` : '';
    this.stream.write(`\r\x1b[KCoding: ${progress.accounts.toLocaleString('en-GB')} accounts, ${Math.round(rate).toLocaleString('en-GB')} a second${left}`);
    this.shown = true;
  }

  /** Rubs out the line, if drawn; the next update draws it again. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
    this.drawn = 0;
  }

  /** Rubs out the line and writes how long the run took. */
  done(): void {
    this.clear();
    this.stream.write(`Done in ${duration(this.now() - this.started)}.\n`);
  }
}
