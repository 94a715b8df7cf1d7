import { basename, extname } from 'node:path';
import type { Codebook } from '../codebook/types.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import type { SegmentRow } from '../read/segments.js';
import { split, type Unit } from '../segment/index.js';
import { offsetUnits } from '../text/code-points.js';
import type { CodeList } from '../write/tables.js';
import type { PositionUnit } from './project.js';
import { projectCodes, type CodeMeaning } from './project-codes.js';
import { codesOver, placedSelections, selectionUnits } from './project-onto.js';
import { readQdpx, type QdpxProject, type QdpxSource } from './read-qdpx.js';

/** How to read a person's coding out of a REFI-QDA project. */
export interface HumanCodingOptions {
  codebook: Codebook;
  rules: CodeList;
  /** The user whose coding is read, by name or GUID; needed when several users coded. */
  user?: string;
  /** The units of the selections' positions; detected when not given (see {@link selectionUnits}). */
  positions?: PositionUnit;
  allowNewCodes?: boolean;
}

/** A project read for one user: the project, the user's GUID and name, what each code means, and the positions' units. */
interface UserView {
  project: QdpxProject;
  user: string;
  name: string;
  meaning: Map<string, CodeMeaning>;
  positions: PositionUnit;
  messages: ReflectMessage[];
}

/** The users who coded something in a project, by GUID, with their names (a GUID for a user the project does not list). */
function coders(project: QdpxProject): Map<string, string> {
  const found = new Map<string, string>();
  for (const source of project.sources) for (const selection of source.selections) for (const { user } of selection.codings) found.set(user, project.users.get(user) ?? (user || 'unknown user'));
  return found;
}

/** The names of the users who coded something in a project file. */
export async function projectCoders(file: string): Promise<string[]> {
  return [...coders(await readQdpx(file)).values()];
}

async function userView(file: string, options: HumanCodingOptions): Promise<UserView> {
  const project = await readQdpx(file);
  const found = coders(project);
  const wanted = options.user?.trim().toLowerCase();
  const chosen = wanted === undefined ? [...found] : [...found].filter(([guid, name]) => name.toLowerCase() === wanted || guid.toLowerCase() === wanted);
  if (found.size === 0) throw fail('expected a project with coded text selections, got none', 'qdpx-no-codings', { file });
  if (chosen.length !== 1) {
    const names = [...found.values()].map((name) => `"${name}"`).join(', ');
    throw fail(wanted === undefined ? `expected --user to say whose coding to read: the project has ${found.size} coders (${names})` : `expected --user to name a coder of the project (${names}), got "${options.user}"`, 'qdpx-user', { file });
  }
  const { meaning, messages } = projectCodes(project, options.codebook, options.rules, options.allowNewCodes ?? false);
  return { project, user: chosen[0][0], name: chosen[0][1], meaning, positions: options.positions ?? selectionUnits(project), messages: [...project.messages, ...messages] };
}

/** The participant a source stands for: its case's name, else its own name without a file extension. */
function participantOf(project: QdpxProject, source: QdpxSource): string {
  return project.caseOf.get(source.guid) ?? basename(source.name, extname(source.name));
}

/** Line ends as one `\n`, with a map from each offset of the result back to the original's. */
function unifiedLineEnds(text: string): { text: string; back: (offset: number) => number } {
  if (!text.includes('\r')) return { text, back: (offset) => offset };
  const back: number[] = [];
  let unified = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    back.push(i);
    unified += text[i] === '\r' ? '\n' : text[i];
  }
  back.push(text.length);
  return { text: unified, back: (offset) => back[offset] };
}

/** A row with codes read from a person's selections. */
function coded(row: Omit<SegmentRow, 'themes' | 'structure' | 'note'>, codes: ReturnType<typeof codesOver>): SegmentRow {
  return { ...row, themes: codes.themes, structure: codes.structure, note: codes.note, themeEvidence: '', structureEvidence: '' };
}

/**
 * One person's coding in a REFI-QDA project, read onto the units of
 * another coding (the rows of a `segments.csv`): each row is found in its
 * participant's source text (in order, line ends unified) and gets the
 * codes of the person's selections that cover at least half of it. Rows
 * not found in the project are left out (with a warning per participant),
 * so `agree` reports them as units only the other coding has.
 */
export async function humanCodingOnto(file: string, rows: readonly SegmentRow[], options: HumanCodingOptions): Promise<{ rows: SegmentRow[]; coder: string; messages: ReflectMessage[] }> {
  const view = await userView(file, options);
  const sources = new Map(view.project.sources.map((source) => [participantOf(view.project, source), source]));
  const result: SegmentRow[] = [];
  const messages = [...view.messages];
  const byParticipant = new Map<string, SegmentRow[]>();
  for (const row of rows) byParticipant.set(row.participant, [...(byParticipant.get(row.participant) ?? []), row]);
  for (const [participant, group] of byParticipant) {
    const source = sources.get(participant);
    if (!source) {
      messages.push(warn(`participant "${participant}" has no text source (or case) in the project; left out`, 'qdpx-no-source', { file }));
      continue;
    }
    const placed = placedSelections(source, view.user, view.meaning, view.positions);
    const { text, back } = unifiedLineEnds(source.text);
    let cursor = 0;
    let missing = 0;
    const inOrder = (a: SegmentRow, b: SegmentRow) => (Number.isNaN(a.start) || Number.isNaN(b.start) ? 0 : a.start - b.start) || a.line - b.line;
    for (const row of [...group].sort(inOrder)) {
      const wanted = unifiedLineEnds(row.text).text;
      const at = text.indexOf(wanted, cursor);
      if (wanted === '' || at < 0) {
        missing++;
        continue;
      }
      cursor = at + wanted.length;
      result.push(coded(row, codesOver(placed, back(at), back(cursor))));
    }
    if (missing > 0) messages.push(warn(`${missing} segment${missing === 1 ? '' : 's'} of "${participant}" not found in the project's text of that source; left out`, 'qdpx-text-not-found', { file }));
  }
  return { rows: result, coder: view.name, messages };
}

/**
 * One person's coding in a REFI-QDA project, on reflect-code's own units:
 * each text source cut into `unit`s (as `analyse` cuts an account), each
 * unit with the codes of the person's selections that cover at least half
 * of it. Offsets are code points of the source's text. With the sources'
 * texts (`texts`), a fresh `analyse` of them pairs unit by unit.
 */
export async function humanCoding(file: string, unit: Unit, options: HumanCodingOptions): Promise<{ rows: SegmentRow[]; coder: string; texts: Array<{ participant: string; text: string }>; messages: ReflectMessage[] }> {
  const view = await userView(file, options);
  const rows: SegmentRow[] = [];
  const texts = view.project.sources.map((source) => ({ participant: participantOf(view.project, source), text: source.text }));
  view.project.sources.forEach((source, s) => {
    const placed = placedSelections(source, view.user, view.meaning, view.positions);
    const units = offsetUnits(source.text);
    split(source.text, unit).forEach((span, i) => {
      const base = { participant: texts[s].participant, segment: i + 1, start: units.toCodePoints(span.start), end: units.toCodePoints(span.end), text: source.text.slice(span.start, span.end), section: span.section, metadata: {}, line: 0 };
      rows.push(coded(base, codesOver(placed, span.start, span.end)));
    });
  });
  return { rows, coder: view.name, texts, messages: view.messages };
}
