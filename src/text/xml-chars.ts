/** Characters XML 1.0 forbids even as references: C0 controls other than tab and line ends, lone surrogates, U+FFFE and U+FFFF. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * Replaces each character that XML 1.0 forbids with U+FFFD, so that a
 * control character in a participant ID or a code name cannot make an SVG,
 * the report or a `.qdc` file unreadable.
 */
export function xmlChars(text: string): string {
  return text.replace(XML_INVALID, '\ufffd');
}
