import { xmlChars } from '../text/xml-chars.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML (and SVG) element content and quoted attribute values; characters XML forbids become U+FFFD. */
export function escapeHtml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/** Quotes text as a CSS string, safe inside a `<style>` element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}
