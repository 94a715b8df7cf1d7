import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { v5 } from 'uuid';
import { fail } from '../messages.js';
import { lineBreaks } from '../text/count.js';
import { xmlChars } from '../text/xml-chars.js';
import { CodeNamer, type Draft, type DraftCode } from './draft.js';

/** The REFI-QDA codebook namespace. */
const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Namespace of the GUIDs: every code's GUID is UUID v5 of its code path in it. */
const GUID_NAMESPACE = v5('urn:reflect-code:codebook', v5.URL);

/** How merged theme names ride along in a description, since REFI-QDA has no place for them. */
const MERGED = /\n*Merged themes: (.+)$/;

/** A name as REFI-QDA tools show it: `Coaching (CO)`, or the name alone when it is the code. */
function qdcName(code: DraftCode): string {
  return code.name === code.code ? code.name : `${code.name} (${code.code})`;
}

interface QdcCode {
  '@_guid': string;
  '@_name': string;
  '@_isCodable': 'true';
  Description?: string;
  Code?: QdcCode[];
}

/**
 * A codebook as a REFI-QDA `.qdc` file (`urn:QDA-XML:codebook:1.0`): each
 * code a `<Code>` named `Name (CODE)`, nested as in the codebook, with its
 * description (and merged theme names) as `<Description>`. GUIDs are UUID
 * v5 of the code path, so exporting twice gives the same file. Rules have
 * no place in the standard and are not written.
 */
export function toQdc(draft: Draft): string {
  const codeOf = (code: DraftCode, path: string): QdcCode => {
    const description = [code.description ?? '', code.aliases?.length ? `Merged themes: ${code.aliases.join('; ')}` : ''].filter(Boolean).join('\n\n');
    const element: QdcCode = { '@_guid': v5(`${path}${code.code}`, GUID_NAMESPACE), '@_name': xmlChars(qdcName(code)), '@_isCodable': 'true' };
    if (description) element.Description = xmlChars(description);
    if (code.children?.length) element.Code = code.children.map((child) => codeOf(child, `${path}${code.code}/`));
    return element;
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '  ', suppressEmptyNode: true, suppressBooleanAttributes: false });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    CodeBook: { '@_xmlns': QDC_NAMESPACE, '@_origin': 'reflect-code', Codes: { Code: draft.codes.map((code) => codeOf(code, '')) } },
  }) as string;
}

/**
 * Reads a REFI-QDA `.qdc` codebook into a draft: names, descriptions and
 * hierarchy, with rules left for the researcher to write. A name ending
 * in `(CODE)` gives the code; other names are made into codes.
 */
export function fromQdc(source: string, file: string, name: string): Draft {
  const wellFormed = XMLValidator.validate(source);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    throw fail(`expected well-formed XML (a REFI-QDA codebook), got: ${msg.replace(/\.$/, '')}`, 'import-bad-qdc', { file, line, column: col });
  }
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, isArray: (tag) => tag === 'Code', parseTagValue: false, trimValues: true });
  let root: { CodeBook?: { Codes?: { Code?: QdcCode[] } } };
  try {
    root = parser.parse(source) as typeof root;
  } catch (error) {
    throw fail(`expected a REFI-QDA codebook (XML), got a file that does not parse: ${(error as Error).message}`, 'import-bad-qdc', { file });
  }
  const codes = root.CodeBook?.Codes?.Code;
  if (!codes?.length) throw fail('expected a REFI-QDA codebook: <CodeBook> with <Codes> holding at least one <Code>', 'import-bad-qdc', { file });
  const lines = codeLines(source);
  let seen = 0;
  const namer = new CodeNamer();
  const draftOf = (element: QdcCode): DraftCode => {
    const line = lines[seen++];
    const label = typeof element['@_name'] === 'string' ? element['@_name'].trim() : '';
    if (label === '') throw fail('expected a <Code> with a name="..." attribute, got none', 'import-bad-qdc', { file, line });
    const named = /^(.*\S) \(([A-Za-z][A-Za-z0-9_.-]*)\)$/.exec(label);
    const code: DraftCode = { code: namer.code(named ? named[2] : label), name: named ? named[1] : label };
    const text = typeof element.Description === 'string' ? element.Description : '';
    const merged = MERGED.exec(text);
    const description = text.replace(MERGED, '');
    if (description) code.description = description;
    if (merged) code.aliases = merged[1].split('; ');
    if (element.Code?.length) code.children = element.Code.map(draftOf);
    return code;
  };
  return { name, description: `Imported from ${file}.`, codes: codes.map(draftOf) };
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
