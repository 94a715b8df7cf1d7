import type { Span } from './span.js';

/** A stretch of an account that segments never cross: a paragraph, or an item of a list, under its section heading. */
export interface Block extends Span {
  /** The heading the block stands under, without its colon or number ("Feelings", "Action plan"); empty before any heading. */
  section: string;
  /** Blocks with the same number are in one paragraph (the items of one list are). */
  paragraph: number;
}

/** The headings of Gibbs' (1988) reflective cycle, with the variants learning logs use. */
const GIBBS = String.raw`description|feelings?|evaluation|analysis|conclusions?|action\s+plan(?:ning)?`;

/** A heading line: a Gibbs stage alone (with or without a colon or a number), or any short line ending in a colon. */
const HEADING_LINE = new RegExp(String.raw`^(?:\d+[.)]\s*)?(?:(${GIBBS})\s*:?|((?:[\p{L}\p{N}'’/&(),-]+\s+){0,7}[\p{L}\p{N}'’)&]+)\s*:)\s*$`, 'iu');

/** A Gibbs stage that opens a line, followed by a colon and the text of the section ("Feelings: I felt..."). */
const HEADING_LEAD = new RegExp(String.raw`^(?:\d+[.)]\s*)?(${GIBBS})\s*:\s*`, 'iu');

/** A list marker opening a line: a dash, star or bullet, or a number or letter with `.` or `)`, then the item. */
const BULLET = /^(?:[-*\u2022\u2023\u2043\u2013]\s*|(?:\d{1,2}|[a-z])[.)]\s+)(?=\S)/u;

/**
 * Another dash or bullet item on the same line, as lists pasted into one
 * line have them: " -Holding 1:1s", " • Taking". A spaced dash (" - I had
 * worked all night - ") is punctuation inside a sentence, not an item.
 */
const INLINE_BULLET = /\s(?:-|\u2022\s?)(?=\p{Lu})/gu;

/** Words that mark a line ending in ":" as a sentence of the account, not a heading: persons, and verbs that introduce speech or thought. */
const NOT_HEADING = /\b(?:i|i'm|i've|me|my|we|us|our|you|your|he|she|they|him|her|them|said|says|asked|told|tells|explained|replied|wrote|added|thought|felt|noted|commented|realised|realized|learnt|learned)\b/iu;

/**
 * True when a short line ending in ":" that is no Gibbs stage reads as a
 * heading ("Key learning points:"), not as a sentence that a colon ends
 * ("I felt really anxious:", "The manager said:"), whose words must be coded.
 */
function looksLikeHeading(line: string): boolean {
  return /^\p{Lu}/u.test(line) && line.split(/\s+/u).length <= 6 && !NOT_HEADING.test(line.replace(/[’]/gu, "'"));
}

/** The name of a heading as the `section` column shows it: no number, no colon, white space made single. */
function sectionName(heading: string): string {
  const name = heading.replace(/^\d+[.)]\s*/, '').replace(/\s*:\s*$/, '').replace(/\s+/g, ' ').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Splits an account into blocks: paragraphs (ended by a blank line), list
 * items (a line that starts with `-`, `*`, `•`, `1.` or `a)`, and dash
 * items run together on one line, " -Holding 1:1s -Taking...") and sections. A heading line (a Gibbs
 * reflective-cycle stage, "Feelings" or "Action plan:", or a short line
 * ending in `:` that reads as a heading, see {@link looksLikeHeading}) is not part of any block: it names the section of the
 * blocks after it. A Gibbs stage that opens a line with a colon
 * ("Feelings: I felt...") does the same for the rest of that line. List
 * markers are left out of the items.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let section = '';
  let paragraph = 0;
  let open: Block | undefined;
  let blank = true;
  const start = (from: number, end: number) => {
    open = { start: from, end, section, paragraph };
    blocks.push(open);
  };
  for (const line of text.matchAll(/[^\r\n]*(?:\r\n|\n|\r|$)/g)) {
    const raw = line[0].replace(/[\r\n]+$/, '');
    if (line[0] === '' && line.index >= text.length) break;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const at = line.index + indent;
    if (body === '') {
      if (!blank) paragraph++;
      blank = true;
      open = undefined;
      continue;
    }
    const heading = HEADING_LINE.exec(body);
    if (heading && (heading[1] !== undefined || looksLikeHeading(body))) {
      section = sectionName(body);
      if (!blank) paragraph++;
      blank = true;
      open = undefined;
      continue;
    }
    const lead = HEADING_LEAD.exec(body);
    let from = at;
    if (lead) {
      section = sectionName(lead[1]);
      if (!blank) paragraph++;
      from = at + lead[0].length;
      open = undefined;
    }
    blank = false;
    const end = at + body.length;
    const bullet = BULLET.exec(text.slice(from, end));
    const inline = [...text.slice(from, end).matchAll(INLINE_BULLET)].map((match) => ({ end: from + match.index, next: from + match.index + match[0].length }));
    if (bullet || inline.length >= 2) {
      // A list: each item a block of its own (a lead-in before the first inline item too).
      let itemFrom = bullet ? from + bullet[0].length : from;
      for (const cut of inline.filter((item) => item.end > itemFrom)) {
        start(itemFrom, cut.end);
        itemFrom = cut.next;
      }
      start(itemFrom, end);
    } else if (open && !lead) {
      open.end = end;
    } else {
      start(from, end);
    }
  }
  return blocks.filter((block) => /[\p{L}\p{N}]/u.test(text.slice(block.start, block.end)));
}
