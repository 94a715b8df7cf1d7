import { XMLBuilder } from 'fast-xml-parser';
import { STRUCTURE_COLOURS, themeColours } from '../report/palette.js';
import { offsetUnits } from '../text/code-points.js';
import { xmlChars } from '../text/xml-chars.js';
import { projectGuids } from './guids.js';
import { segmentCodes, type ProjectCode, type ProjectContent } from './project.js';
import { refiName } from './refi-name.js';

/** The REFI-QDA project namespace. */
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** The name of the non-codable code the structure tags sit under. */
export const STRUCTURE_PARENT = 'Labov structure';

type Element = Record<string, unknown>;

/** The `<Code>` elements of a list of codes, children nested under their parents. */
function codeElements(codes: readonly ProjectCode[], guid: (name: string) => string, colour: (code: ProjectCode) => string): Element[] {
  const element = (code: ProjectCode): Element => {
    const children = codes.filter((other) => other.parent === code.code);
    return {
      '@_guid': guid(`code:${code.code}`),
      '@_name': xmlChars(refiName(code.code, code.name)),
      '@_isCodable': 'true',
      '@_color': colour(code),
      ...(code.description ? { Description: xmlChars(code.description) } : {}),
      ...(children.length > 0 ? { Code: children.map(element) } : {}),
    };
  };
  return codes.filter((code) => code.parent === undefined || !codes.some((other) => other.code === code.parent)).map(element);
}

/** The plain text file of each account inside the project: `sources/<GUID>.txt`. */
export function sourceFile(guid: string): string {
  return `${guid}.txt`;
}

/**
 * The `project.qde` of a REFI-QDA project: one user (the coder), the
 * theme codebook and, under a non-codable "Labov structure" code, the
 * structure tags (a tag's note as a code under its tag); the metadata
 * columns as text variables; each participant a case with its values and
 * its account; each account a text source (its text in `sources/`, named
 * by its GUID) with one selection per coded segment, holding one coding
 * per code. Positions count code points, or UTF-16 units when asked (the
 * end is exclusive). No dates are written, so the same content gives the
 * same bytes.
 */
export function projectXml(content: ProjectContent, guids = projectGuids(content.name, content.fingerprint)): string {
  const user = guids(`user:${content.coder}`);
  const colours = themeColours(content.themes.map((code) => code.code));
  const tagColour = (code: ProjectCode) => STRUCTURE_COLOURS[code.parent === undefined ? 0 : 1];
  const codeRef = (code: string) => ({ CodeRef: { '@_targetGUID': guids(`code:${code}`) } });
  const sources = content.accounts.map((account) => {
    const guid = guids(`source:${account.participant}`);
    const units = offsetUnits(account.text);
    const position = (offset: number) => (content.positions === 'utf16' ? units.toUtf16(offset) : offset);
    const selections = account.segments.flatMap((segment) => {
      const codes = segmentCodes(segment);
      if (codes.length === 0) return [];
      const at = `${account.participant}:${segment.start}-${segment.end}`;
      return [{
        '@_guid': guids(`selection:${at}`),
        '@_name': xmlChars(account.text.slice(units.toUtf16(segment.start), units.toUtf16(segment.end))),
        '@_startPosition': String(position(segment.start)),
        '@_endPosition': String(position(segment.end)),
        '@_creatingUser': user,
        Coding: codes.map((code) => ({ '@_guid': guids(`coding:${at}:${code}`), '@_creatingUser': user, ...codeRef(code) })),
      }];
    });
    return { '@_guid': guid, '@_name': xmlChars(account.participant), '@_plainTextPath': `internal://${sourceFile(guid)}`, '@_creatingUser': user, ...(selections.length > 0 ? { PlainTextSelection: selections } : {}) };
  });
  const variables = content.metadataColumns.map((column) => ({ '@_guid': guids(`variable:${column}`), '@_name': xmlChars(column), '@_typeOfVariable': 'Text' }));
  const cases = content.accounts.map((account) => {
    const values = content.metadataColumns.filter((column) => (account.metadata[column] ?? '') !== '').map((column) => ({ VariableRef: { '@_targetGUID': guids(`variable:${column}`) }, TextValue: xmlChars(account.metadata[column]) }));
    return { '@_guid': guids(`case:${account.participant}`), '@_name': xmlChars(account.participant), ...(values.length > 0 ? { VariableValue: values } : {}), SourceRef: { '@_targetGUID': guids(`source:${account.participant}`) } };
  });
  const structure = content.tags.length === 0 ? [] : [{ '@_guid': guids('code:structure'), '@_name': STRUCTURE_PARENT, '@_isCodable': 'false', Description: 'Labov & Waletzky clause types, as reflect-code tagged them', Code: codeElements(content.tags, guids, tagColour) }];
  const project: Element = {
    '@_xmlns': PROJECT_NAMESPACE,
    '@_name': xmlChars(content.name),
    '@_origin': 'reflect-code',
    '@_creatingUserGUID': user,
    Users: { User: { '@_guid': user, '@_name': xmlChars(content.coder) } },
    CodeBook: { Codes: { Code: [...codeElements(content.themes, guids, (code) => colours.get(code.code)?.fill ?? STRUCTURE_COLOURS[2]), ...structure] } },
    ...(variables.length > 0 ? { Variables: { Variable: variables } } : {}),
    ...(cases.length > 0 ? { Cases: { Case: cases } } : {}),
    ...(sources.length > 0 ? { Sources: { TextSource: sources } } : {}),
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '  ', suppressEmptyNode: true, suppressBooleanAttributes: false });
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, Project: project }) as string;
}
