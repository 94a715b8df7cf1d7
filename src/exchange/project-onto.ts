import { offsetUnits } from '../text/code-points.js';
import type { PositionUnit } from './project.js';
import type { CodeMeaning } from './project-codes.js';
import type { QdpxProject, QdpxSource } from './read-qdpx.js';

/** A selection of one user, in UTF-16 offsets of its source's text, with what its codes mean. */
interface Placed {
  start: number;
  end: number;
  meanings: CodeMeaning[];
}

/** The codes a unit gets from a user's selections: themes, and one structure tag with its note. */
export interface ProjectedCodes {
  themes: string[];
  structure: string;
  note: string;
}

/** The share of a unit a selection must cover for the unit to get the selection's codes. */
export const COVER_SHARE = 0.5;

/**
 * The units a project's positions count: code points (the standard) or
 * UTF-16 units (NVivo). Told from the selections that store their text as
 * their name, in sources where the two differ (a text with an emoji);
 * code points when nothing tells.
 */
export function selectionUnits(project: QdpxProject): PositionUnit {
  let points = 0;
  let utf16 = 0;
  for (const source of project.sources) {
    const units = offsetUnits(source.text);
    for (const { start, end, name } of source.selections) {
      if (name === undefined || name === '') continue;
      if (source.text.slice(units.toUtf16(start), units.toUtf16(end)) === name) points++;
      if (source.text.slice(start, end) === name) utf16++;
    }
  }
  return utf16 > points ? 'utf16' : 'code-points';
}

/** One user's selections of a source, placed in UTF-16 offsets, with the meanings of their codes. */
export function placedSelections(source: QdpxSource, user: string, meaning: ReadonlyMap<string, CodeMeaning>, positions: PositionUnit): Placed[] {
  const units = offsetUnits(source.text);
  const at = (position: number) => (positions === 'utf16' ? position : units.toUtf16(position));
  return source.selections.flatMap((selection) => {
    const meanings = selection.codings.filter((coding) => coding.user === user).flatMap((coding) => meaning.get(coding.code) ?? []);
    return meanings.length === 0 || !(selection.end > selection.start) ? [] : [{ start: at(selection.start), end: at(selection.end), meanings }];
  });
}

/**
 * The codes a unit (UTF-16 offsets `start`-`end` of the source's text)
 * gets from a user's selections: each code of every selection that covers
 * at least half of it ({@link COVER_SHARE}). Of several structure tags,
 * the one whose selections cover most of the unit wins; its note comes
 * from a `TAG:note` code among them.
 */
export function codesOver(placed: readonly Placed[], start: number, end: number): ProjectedCodes {
  const themes = new Set<string>();
  const tags = new Map<string, { cover: number; note: string }>();
  const length = Math.max(1, end - start);
  for (const selection of placed) {
    const cover = (Math.min(end, selection.end) - Math.max(start, selection.start)) / length;
    if (cover < COVER_SHARE) continue;
    for (const meaning of selection.meanings) {
      if (meaning.dimension === 'theme') themes.add(meaning.code);
      else {
        const seen = tags.get(meaning.code) ?? { cover: 0, note: '' };
        tags.set(meaning.code, { cover: Math.max(seen.cover, cover), note: seen.note || meaning.note });
      }
    }
  }
  const best = [...tags].sort((a, b) => b[1].cover - a[1].cover)[0];
  return { themes: [...themes], structure: best?.[0] ?? '', note: best?.[1].note ?? '' };
}
