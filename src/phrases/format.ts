import type { PhrasesResult } from './find.js';
import { columns } from '../text/columns.js';
import { plural } from '../text/count.js';
import { toCsv } from '../write/csv.js';
import type { CodeCount, Phrase } from './count.js';

import type { PhraseFormat } from './formats.js';

/** How to show the phrases: the format, how many (0 for all) and whether with their contexts. */
export interface PhraseView {
  format: PhraseFormat;
  top: number;
  kwic?: boolean;
}

/** `CO 2; T 1`. */
function codeCell(counts: readonly CodeCount[]): string {
  return counts.map(({ code, segments }) => `${code} ${segments}`).join('; ');
}

/** The columns of the phrase table, as `phrases --format csv` and `phrases.csv` have them. */
export const PHRASE_HEADER = ['rank', 'phrase', 'lemmas', 'words', 'participants', 'occurrences', 'segments', 'themes', 'structure', 'forms', 'participant_ids'];

/** One phrase as a row of {@link PHRASE_HEADER}. */
export function phraseRow(phrase: Phrase, rank: number): Array<string | number> {
  return [
    rank, phrase.phrase, phrase.lemmas, phrase.words, phrase.participants.length, phrase.occurrences, phrase.segments,
    codeCell(phrase.themes), codeCell(phrase.structure), phrase.forms.map(({ form, occurrences }) => `${form} (${occurrences})`).join('; '), phrase.participants.join('; '),
  ];
}

function csv(phrases: readonly Phrase[], kwic: boolean): string {
  if (!kwic) return toCsv([PHRASE_HEADER, ...phrases.map((phrase, i) => phraseRow(phrase, i + 1))]);
  const rows = phrases.flatMap((phrase, i) => phrase.contexts.map((c) => [i + 1, phrase.phrase, c.participant, c.segment, c.left, c.match, c.right]));
  return toCsv([['rank', 'phrase', 'participant', 'segment', 'left', 'match', 'right'], ...rows]);
}

function text(result: PhrasesResult, phrases: readonly Phrase[], kwic: boolean): string {
  const intro = `${plural(result.phrases.length, 'recurring phrase')} in ${plural(result.participants, 'participant')} (2 to 6 words, in at least ${plural(result.minParticipants, 'participant')}, at least twice)${phrases.length < result.phrases.length ? `; the top ${phrases.length}` : ''}:`;
  if (phrases.length === 0) return `${intro}\n`;
  const table = [
    ['#', 'Phrase', 'Participants', 'Occurrences', 'Segments', 'Themes', 'Structure'],
    ...phrases.map((p, i) => [String(i + 1), `"${p.phrase}"${p.forms.length > 1 ? ` (+${p.forms.length - 1} other ${p.forms.length > 2 ? 'forms' : 'form'})` : ''}`, String(p.participants.length), String(p.occurrences), String(p.segments), codeCell(p.themes), codeCell(p.structure)]),
  ];
  const lines = columns(table, [true, false, true, true, true, false, false]);
  if (kwic) {
    const blocks = phrases.map((p, i) => [`${lines[i + 1]}`, ...p.contexts.map((c) => `      ${c.participant} #${c.segment}: ...${c.left}[${c.match}]${c.right}...`)].join('\n'));
    return `${intro}\n\n${lines[0]}\n${blocks.join('\n')}\n`;
  }
  return `${intro}\n\n${lines.join('\n')}\n`;
}

/** The phrases of a run as text (a table, with each occurrence in context under `kwic`), CSV or JSON, the first `top` only (0 for all). */
export function formatPhrases(result: PhrasesResult, view: PhraseView): string {
  const phrases = view.top > 0 ? result.phrases.slice(0, view.top) : result.phrases;
  const kwic = view.kwic === true;
  switch (view.format) {
    case 'csv':
      return csv(phrases, kwic);
    case 'json':
      return `${JSON.stringify({ participants: result.participants, minParticipants: result.minParticipants, phrases: phrases.map((p) => (kwic ? p : { ...p, contexts: undefined })) }, null, 2)}\n`;
    default:
      return text(result, phrases, kwic);
  }
}
