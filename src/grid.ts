import { loadCodingBooks, readCoding, type CodebookChoice } from './read/coding.js';
import { byParticipant, type SegmentRow } from './read/segments.js';
import { fail, type ReflectMessage } from './messages.js';
import { didYouMean } from './text/closest.js';

/** Options of {@link grid}. */
export interface GridOptions extends CodebookChoice {
  /** A `segments.csv`, as written by `analyse` or corrected by hand. */
  segments: string;
  participant: string;
  /** Keep codes the codebook does not list (with a warning) instead of stopping. */
  allowNewCodes?: boolean;
}

/**
 * One participant's coding grid rows from a coding, in segment order,
 * with its codes read as `tabulate` reads them (`co / t` is CO/T, a
 * theme's name is its code). An unknown participant is a fatal
 * `participant-not-found` message naming the closest ID.
 */
export async function grid(options: GridOptions): Promise<{ rows: SegmentRow[]; messages: ReflectMessage[] }> {
  const coding = await readCoding(options.segments, { ...(await loadCodingBooks(options)), allowNewCodes: options.allowNewCodes });
  const groups = byParticipant(coding.rows);
  const rows = groups.get(options.participant);
  if (!rows) {
    const known = [...groups.keys()];
    const listed = known.length > 8 ? `${known.slice(0, 8).join(', ')}, ...` : known.join(', ');
    throw fail(`expected a participant in the file, got no rows for "${options.participant}"${didYouMean(options.participant, known)}; participants: ${listed || 'none'}`, 'participant-not-found', { file: options.segments });
  }
  return { rows, messages: coding.messages };
}
