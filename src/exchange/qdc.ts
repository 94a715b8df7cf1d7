import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { v5 } from 'uuid';
import { CodeNamer, type Draft, type DraftCode } from '../codebook/draft.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { themeColours } from '../report/palette.js';
import { lineBreaks } from '../text/count.js';
import { xmlChars } from '../text/xml-chars.js';
import { guidKey } from './read-qdpx.js';
import { fromRefiName, refiName } from './refi-name.js';

/** The REFI-QDA codebook namespace. */
const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The namespace each codebook's own GUID namespace is made in (from its name). */
const GUID_NAMESPACE = v5('urn:reflect-code:codebook', v5.URL);

/** What reflect-code writes as a codebook's origin; a codebook from elsewhere keeps its names exactly as written. */
const ORIGIN = 'reflect-code';

/** How merged theme names ride along in a description, since REFI-QDA has no place for them. */
const MERGED = /\n*Merged themes: (.+)$/;

interface QdcCode {
  '@_guid': string;
  '@_name': string;
  '@_isCodable': 'true' | 'false';
  '@_color'?: string;
  Description?: string;
  Code?: QdcCode[];
}

/** Every code of a draft, parents before their children, as the palette numbers them. */
function flatCodes(codes: readonly DraftCode[]): DraftCode[] {
  return codes.flatMap((code) => [code, ...flatCodes(code.children ?? [])]);
}

/**
 * A codebook as a REFI-QDA `.qdc` file (`urn:QDA-XML:codebook:1.0`): each
 * code a `<Code>` named `Name (CODE)` (or its name alone, when its code was
 * made from its name on import), nested as in the codebook, with its
 * description (and merged theme names) as `<Description>`, its colour (the
 * report's, or what it was imported with) and, for a folder,
 * `isCodable="false"`. A code keeps the GUID it was imported with; others
 * get UUID v5 of the codebook's name and the code's path, so exporting
 * twice gives the same file, and the same code in another codebook another
 * GUID. Rules have no place in the standard and are not written.
 */
export function toQdc(draft: Draft): string {
  const namespace = v5(draft.name, GUID_NAMESPACE);
  const colours = themeColours(flatCodes(draft.codes).map((code) => code.code));
  const codeOf = (code: DraftCode, path: string): QdcCode => {
    const description = [code.description ?? '', code.aliases?.length ? `Merged themes: ${code.aliases.join('; ')}` : ''].filter(Boolean).join('\n\n');
    const element: QdcCode = {
      '@_guid': code.guid ?? v5(`${path}${code.code}`, namespace),
      '@_name': xmlChars(refiName(code.code, code.name)),
      '@_isCodable': code.codable === false ? 'false' : 'true',
      // An imported code keeps its colour, or its lack of one; the codebook's own codes get the report's.
      '@_color': code.colour ?? (code.guid === undefined ? colours.get(code.code)?.fill : undefined),
    };
    if (description) element.Description = xmlChars(description);
    if (code.children?.length) element.Code = code.children.map((child) => codeOf(child, `${path}${code.code}/`));
    return element;
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '  ', suppressEmptyNode: true, suppressBooleanAttributes: false });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    CodeBook: { '@_xmlns': QDC_NAMESPACE, '@_origin': ORIGIN, Codes: { Code: draft.codes.map((code) => codeOf(code, '')) } },
  }) as string;
}

/** A colour as a codebook keeps it: `#RRGGBB` in capitals (a three-digit `#RGB` doubled out); undefined for none or one that is not a colour. */
function colourOf(value: unknown): string | undefined {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(String(value ?? ''));
  const colour = short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : String(value ?? '');
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour.toUpperCase() : undefined;
}

/**
 * Reads a REFI-QDA `.qdc` codebook into a draft: names, descriptions,
 * hierarchy, GUIDs, colours and folders (`isCodable="false"`, kept as
 * `codable: false`), with rules left for the researcher to write. A name
 * from reflect-code (`origin="reflect-code"`), `Name (CODE)`, gives the
 * code and the name; a name from another program is kept exactly as
 * written (any alphabet, brackets and all) and given a code made from it,
 * so exporting the codebook again gives the other program the same names
 * and GUIDs. Code sets have no place in a reflect-code codebook and are
 * dropped with a warning.
 */
export function fromQdc(source: string, file: string, name: string): { draft: Draft; messages: ReflectMessage[] } {
  const wellFormed = XMLValidator.validate(source);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    throw fail(`expected well-formed XML (a REFI-QDA codebook), got: ${msg.replace(/\.$/, '')}`, 'import-bad-qdc', { file, line, column: col });
  }
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, isArray: (tag) => tag === 'Code' || tag === 'Set', parseTagValue: false, parseAttributeValue: false, trimValues: true });
  let root: { CodeBook?: { '@_origin'?: string; Codes?: { Code?: QdcCode[] }; Sets?: { Set?: unknown[] } } };
  try {
    root = parser.parse(source) as typeof root;
  } catch (error) {
    throw fail(`expected a REFI-QDA codebook (XML), got a file that does not parse: ${(error as Error).message}`, 'import-bad-qdc', { file });
  }
  const codes = root.CodeBook?.Codes?.Code;
  if (!codes?.length) throw fail('expected a REFI-QDA codebook: <CodeBook> with <Codes> holding at least one <Code>', 'import-bad-qdc', { file });
  const ours = root.CodeBook?.['@_origin'] === ORIGIN;
  const lines = codeLines(source);
  let seen = 0;
  const namer = new CodeNamer();
  const guids = new Set<string>();
  const draftOf = (element: QdcCode): DraftCode => {
    const line = lines[seen++];
    const label = typeof element['@_name'] === 'string' ? element['@_name'].trim() : '';
    if (label === '') throw fail('expected a <Code> with a name="..." attribute, got none', 'import-bad-qdc', { file, line });
    const named = ours ? fromRefiName(label) : { code: label, name: label };
    const code: DraftCode = { code: namer.code(named.code), name: named.name };
    // Kept as written (without braces), so the other program sees its own GUIDs again; a GUID used twice is kept once.
    const guid = String(element['@_guid'] ?? '').trim().replace(/^\{(.*)\}$/, '$1');
    if (/^[0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12}$/i.test(guid) && !guids.has(guidKey(guid))) {
      code.guid = guid;
      guids.add(guidKey(guid));
    }
    const colour = colourOf(element['@_color']);
    if (colour) code.colour = colour;
    if (String(element['@_isCodable']) === 'false') code.codable = false;
    const text = typeof element.Description === 'string' ? element.Description : '';
    const merged = MERGED.exec(text);
    const description = text.replace(MERGED, '');
    if (description) code.description = description;
    if (merged) code.aliases = merged[1].split('; ');
    if (element.Code?.length) code.children = element.Code.map(draftOf);
    return code;
  };
  const draft = { name, description: `Imported from ${file}.`, codes: codes.map(draftOf) };
  const sets = root.CodeBook?.Sets?.Set?.length ?? 0;
  const messages = sets > 0 ? [warn(`${sets} code set${sets === 1 ? '' : 's'} left out: a reflect-code codebook has no sets (group codes under a parent code instead)`, 'import-dropped-sets', { file })] : [];
  return { draft, messages };
}

/**
 * The line of each `<Code>` start tag, in document order (the order the
 * parser gives the codes in, parents before their children); comments and
 * CDATA sections are passed over.
 */
function codeLines(source: string): number[] {
  const markup = source.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (skipped) => skipped.replace(/[^\n]/g, ' '));
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const match of markup.matchAll(/<(?:[\w.-]+:)?Code(?=[\s/>])/g)) {
    line += lineBreaks(markup.slice(from, match.index));
    from = match.index;
    lines.push(line);
  }
  return lines;
}
