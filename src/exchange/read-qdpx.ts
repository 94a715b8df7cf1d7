import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { fail, ioReason, warn, type ReflectMessage } from '../messages.js';

/** A code of a project: its label as the tool shows it, whether it can be coded, and the code it sits under. */
export interface QdpxCode {
  guid: string;
  label: string;
  codable: boolean;
  parent?: string;
}

/** A coding of a selection: the code's GUID and the user who made it. */
export interface QdpxCoding {
  code: string;
  user: string;
}

/** A text selection: its positions as the file gives them (end exclusive), the text the tool stored with it, if any, and its codings. */
export interface QdpxSelection {
  start: number;
  end: number;
  name?: string;
  codings: QdpxCoding[];
}

/** A text source: its GUID, name, text (BOM removed) and selections. */
export interface QdpxSource {
  guid: string;
  name: string;
  text: string;
  selections: QdpxSelection[];
}

/** What a REFI-QDA project holds that reflect-code can use: users, codes, cases' names for sources, and text sources. */
export interface QdpxProject {
  file: string;
  users: Map<string, string>;
  codes: Map<string, QdpxCode>;
  /** The case a source belongs to, by source GUID, when it belongs to exactly one. */
  caseOf: Map<string, string>;
  sources: QdpxSource[];
  /** What was left out, per the standard's section 7 (data loss): other kinds of source, notes, sets, links, graphs. */
  messages: ReflectMessage[];
}

/** Elements that may repeat, read as lists even when there is one. */
const LISTS = new Set(['User', 'Code', 'Case', 'SourceRef', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'Note', 'Link', 'Set', 'Graph']);

/** A GUID as compared: braces dropped, upper case (tools differ in both). */
export function guidKey(guid: unknown): string {
  return String(guid ?? '').replace(/[{}]/g, '').trim().toUpperCase();
}

type Node = Record<string, unknown>;

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);

/** The archive's entries by lower-case path: `project.qde` and the `.txt` files (other sources are not read). */
function entries(data: Uint8Array, file: string): Map<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (entry) => /(^|\/)project\.qde$|\.txt$/i.test(entry.name) });
  } catch (error) {
    throw fail(`expected a REFI-QDA project (a .qdpx ZIP archive), got a file that does not unzip: ${(error as Error).message}`, 'qdpx-not-zip', { file });
  }
  return new Map(Object.entries(files).map(([name, bytes]) => [name.toLowerCase(), bytes]));
}

/** The text of an internal source (`internal://GUID.txt`, found in `sources/` or `Sources/`), BOM removed. */
function sourceText(source: Node, files: Map<string, Uint8Array>): string | undefined {
  const inline = source.PlainTextContent;
  if (typeof inline === 'string') return inline.replace(/^\uFEFF/, '');
  const path = String(source['@_plainTextPath'] ?? '');
  const name = /^internal:\/\/(.+)$/i.exec(path)?.[1]?.toLowerCase();
  const bytes = name === undefined ? undefined : (files.get(`sources/${name}`) ?? [...files].find(([entry]) => entry.endsWith(`/sources/${name}`))?.[1]);
  return bytes === undefined ? undefined : strFromU8(bytes).replace(/^\uFEFF/, '');
}

/**
 * Reads a REFI-QDA project (`.qdpx`): its users, codes (with their
 * hierarchy), the case each source belongs to and every text source with
 * its selections and codings. Tolerant of what tools differ in: `Sources/`
 * or `sources/`, a BOM, GUIDs in either case or in braces, text inline
 * (`PlainTextContent`) or in a file. Positions are kept as the file gives
 * them; see {@link selectionUnits}. What cannot be used (pictures, PDFs,
 * audio, video, notes, sets, links, graphs, codings of whole sources) is
 * listed in `messages`, as the standard asks (section 7).
 */
export async function readQdpx(file: string): Promise<QdpxProject> {
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch (error) {
    throw fail(`expected a REFI-QDA project file to read, got ${ioReason(error)}`, 'qdpx-unreadable', { file });
  }
  const files = entries(data, file);
  const qde = files.get('project.qde') ?? [...files].find(([name]) => name.endsWith('/project.qde'))?.[1];
  if (!qde) throw fail('expected a REFI-QDA project with a project.qde inside, got none', 'qdpx-no-project', { file });
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, isArray: (tag) => LISTS.has(tag), parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true });
  const xml = strFromU8(qde).replace(/^\uFEFF/, '');
  // A REFI-QDA project declares no DOCTYPE; one could only bring entities to expand (billion laughs) or fetch.
  if (/<!DOCTYPE/i.test(xml)) throw fail('expected project.qde without a <!DOCTYPE> (REFI-QDA projects declare none), got one; the file is refused', 'qdpx-doctype', { file });
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    throw fail(`expected project.qde to be XML, got a file that does not parse: ${(error as Error).message}`, 'qdpx-bad-xml', { file });
  }
  const project = root.Project as Node | undefined;
  if (!project) throw fail('expected project.qde to hold a <Project> element, got none', 'qdpx-bad-xml', { file });
  const messages: ReflectMessage[] = [];
  const users = new Map(list((project.Users as Node | undefined)?.User).map((user) => [guidKey(user['@_guid']), String(user['@_name'] ?? user['@_id'] ?? guidKey(user['@_guid']))]));
  const codes = new Map<string, QdpxCode>();
  const addCodes = (nodes: Node[], parent?: string) => {
    for (const node of nodes) {
      const guid = guidKey(node['@_guid']);
      codes.set(guid, { guid, label: String(node['@_name'] ?? ''), codable: String(node['@_isCodable'] ?? 'true') !== 'false', parent });
      addCodes(list(node.Code), guid);
    }
  };
  addCodes(list(((project.CodeBook as Node | undefined)?.Codes as Node | undefined)?.Code));
  const caseOf = new Map<string, string>();
  const cases = new Map<string, string[]>();
  for (const node of list((project.Cases as Node | undefined)?.Case)) {
    for (const ref of list(node.SourceRef)) cases.set(guidKey(ref['@_targetGUID']), [...(cases.get(guidKey(ref['@_targetGUID'])) ?? []), String(node['@_name'] ?? '')]);
  }
  for (const [source, names] of cases) if (names.length === 1 && names[0] !== '') caseOf.set(source, names[0]);
  const fallbackUser = guidKey(project['@_creatingUserGUID']);
  const sourcesNode = (project.Sources as Node | undefined) ?? {};
  const sources: QdpxSource[] = [];
  let wholeSource = 0;
  for (const node of list(sourcesNode.TextSource)) {
    const guid = guidKey(node['@_guid']);
    const name = String(node['@_name'] ?? guid);
    const text = sourceText(node, files);
    if (text === undefined) {
      messages.push(warn(`text source "${name}" has no text in the project (${String(node['@_plainTextPath'] ?? 'no plainTextPath')}); left out`, 'qdpx-dropped', { file }));
      continue;
    }
    wholeSource += list(node.Coding).length;
    const selections = list(node.PlainTextSelection).map((selection) => {
      const user = guidKey(selection['@_creatingUser']) || fallbackUser;
      return {
        start: Number(selection['@_startPosition']),
        end: Number(selection['@_endPosition']),
        name: typeof selection['@_name'] === 'string' ? selection['@_name'] : undefined,
        codings: list(selection.Coding).map((coding) => ({ code: guidKey((coding.CodeRef as Node | undefined)?.['@_targetGUID']), user: guidKey(coding['@_creatingUser']) || user })),
      };
    });
    sources.push({ guid, name, text, selections });
  }
  const dropped: Array<[string, string, number]> = [
    ['picture source', 'picture sources', list(sourcesNode.PictureSource).length],
    ['PDF source', 'PDF sources', list(sourcesNode.PDFSource).length],
    ['audio source', 'audio sources', list(sourcesNode.AudioSource).length],
    ['video source', 'video sources', list(sourcesNode.VideoSource).length],
    ['coding of a whole source', 'codings of whole sources', wholeSource],
    ['note', 'notes', list((project.Notes as Node | undefined)?.Note).length],
    ['link', 'links', list((project.Links as Node | undefined)?.Link).length],
    ['set', 'sets', list((project.Sets as Node | undefined)?.Set).length],
    ['graph', 'graphs', list((project.Graphs as Node | undefined)?.Graph).length],
  ];
  for (const [one, many, count] of dropped) if (count > 0) messages.push(warn(`${count} ${count === 1 ? one : many} left out: reflect-code reads text sources and their text selections only`, 'qdpx-dropped', { file }));
  return { file, users, codes, caseOf, sources, messages };
}
