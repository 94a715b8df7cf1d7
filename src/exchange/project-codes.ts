import type { Codebook } from '../codebook/types.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import type { CodeList } from '../write/tables.js';
import { STRUCTURE_PARENT } from './project-xml.js';
import type { QdpxProject } from './read-qdpx.js';
import { fromRefiName } from './refi-name.js';

/** What a project's code means here: a theme, or a structure tag (with a note, for `EV:message`). */
export type CodeMeaning = { dimension: 'theme'; code: string } | { dimension: 'structure'; code: string; note: string };

/** Finds a code by its code, name or alias, ignoring case. */
function lookup(book: CodeList, label: string): string | undefined {
  const wanted = label.toLowerCase();
  return book.codes.find((def) => def.code.toLowerCase() === wanted || def.name.toLowerCase() === wanted || (def.aliases ?? []).some((alias) => alias.toLowerCase() === wanted))?.code;
}

/**
 * Reads each code of a project as a theme of `codebook` or a structure tag
 * of `tags`: by the code in its name (`Coaching (CO)`), its name, or its
 * code's aliases; a code under "Labov structure", or named `TAG:note`, is
 * a structure tag. A codable code that is neither stops, naming it,
 * unless `allowNewCodes` keeps it as a new theme (with a warning).
 * Non-codable codes (folders) mean nothing.
 */
export function projectCodes(project: QdpxProject, codebook: Codebook, tags: CodeList, allowNewCodes: boolean): { meaning: Map<string, CodeMeaning>; messages: ReflectMessage[] } {
  const meaning = new Map<string, CodeMeaning>();
  const messages: ReflectMessage[] = [];
  const underStructure = (guid: string | undefined): boolean => {
    const code = guid === undefined ? undefined : project.codes.get(guid);
    return code !== undefined && (code.label === STRUCTURE_PARENT || underStructure(code.parent));
  };
  for (const code of project.codes.values()) {
    if (!code.codable) continue;
    const { code: short, name } = fromRefiName(code.label.trim());
    const [tagPart, note] = short.includes(':') ? [short.slice(0, short.indexOf(':')), short.slice(short.indexOf(':') + 1)] : [short, ''];
    const tag = lookup(tags, tagPart) ?? lookup(tags, name);
    const theme = lookup(codebook, short) ?? lookup(codebook, name);
    if (tag !== undefined && (theme === undefined || underStructure(code.parent) || note !== '')) meaning.set(code.guid, { dimension: 'structure', code: tag, note: note.toLowerCase() });
    else if (theme !== undefined) meaning.set(code.guid, { dimension: 'theme', code: theme });
    else if (allowNewCodes) {
      meaning.set(code.guid, { dimension: 'theme', code: short });
      messages.push(warn(`code "${code.label}" is not in "${codebook.name}"; kept as a new theme code`, 'qdpx-new-code', { file: project.file }));
    } else {
      throw fail(`code "${code.label}" of the project is not a theme of "${codebook.name}" or a structure tag; expected one of ${codebook.codes.map((def) => def.code).join(', ')} (or their names, as "Name (CODE)"), or add --allow-new-codes to keep new codes`, 'qdpx-unknown-code', { file: project.file });
    }
  }
  return { meaning, messages };
}
