import type { Segment } from '../document.js';
import type { Token } from '../text/tokens.js';
import { STOP_WORDS } from './stop-words.js';
import { phraseWords, type PhraseWord } from './words.js';

/** A code of the segments a phrase occurs in, and how many of those segments carry it. */
export interface CodeCount {
  code: string;
  segments: number;
}

/** One place a phrase occurs: the participant, the segment it starts in, and the text around it. */
export interface PhraseContext {
  participant: string;
  segment: number;
  left: string;
  match: string;
  right: string;
}

/** A recurring phrase, with where it occurs and how the segments it occurs in were coded. */
export interface Phrase {
  /** Its lemmas, as counted: `be try to`. */
  lemmas: string;
  /** Its most common wording: `been trying to`. */
  phrase: string;
  /** Every wording and how often it occurs, most common first. */
  forms: Array<{ form: string; occurrences: number }>;
  words: number;
  /** The participants it occurs in, in input order. */
  participants: string[];
  occurrences: number;
  /** Segments it occurs in (or runs across). */
  segments: number;
  themes: CodeCount[];
  structure: CodeCount[];
  /** Every occurrence in its context, in input order. */
  contexts: PhraseContext[];
}

/** What counts as recurring: the participants a phrase must occur in, and its length in words. */
export interface PhraseLimits {
  minParticipants: number;
  minWords: number;
  maxWords: number;
}

interface CountedAccount {
  participant: string;
  text: string;
  tokens: Token[];
  words: PhraseWord[];
  segments: readonly Segment[];
}

/** Characters of context either side of an occurrence. */
const CONTEXT = 40;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function codeCounts(counts: Map<string, number>): CodeCount[] {
  return [...counts].map(([code, segments]) => ({ code, segments })).sort((a, b) => b.segments - a.segments || a.code.localeCompare(b.code));
}

/**
 * Counts every word sequence of `minWords` to `maxWords` lemmas (never
 * across a sentence end) in coded accounts added one at a time, and picks
 * the recurring ones.
 */
export class PhraseCounter {
  private readonly accounts: CountedAccount[] = [];
  /** Each sequence of lemmas, with its occurrences as pairs of account and first word. */
  private readonly grams = new Map<string, number[]>();

  constructor(private readonly limits: PhraseLimits) {}

  /** The number of accounts added so far. */
  get participants(): number {
    return this.accounts.length;
  }

  /** Counts the sequences of one coded account. */
  add(participant: string, text: string, segments: readonly Segment[]): void {
    const { tokens, words } = phraseWords(text);
    const account = this.accounts.push({ participant, text, tokens, words, segments }) - 1;
    for (let first = 0; first < words.length; first++) {
      let key = words[first].lemma;
      for (let length = 2; length <= this.limits.maxWords && first + length <= words.length; length++) {
        if (words[first + length - 1].breakBefore) break;
        key += ` ${words[first + length - 1].lemma}`;
        if (length < this.limits.minWords) continue;
        const found = this.grams.get(key);
        if (found) found.push(account, first);
        else this.grams.set(key, [account, first]);
      }
    }
  }

  /** The participants a phrase must occur in: `minParticipants`, or one when fewer participants were added. */
  get minParticipants(): number {
    return this.participants < this.limits.minParticipants ? 1 : this.limits.minParticipants;
  }

  /**
   * The phrases that occur at least twice, in at least `minParticipants`
   * participants (at least one when fewer participants were added), that
   * are not made only of stop words and do not always occur inside one
   * longer phrase; most participants first, then most occurrences, then
   * the longest.
   */
  recurring(): Phrase[] {
    const needed = this.minParticipants;
    const phrases: Phrase[] = [];
    for (const [key, places] of this.grams) {
      if (places.length < 4) continue;
      const lemmas = key.split(' ');
      if (lemmas.every((lemma) => STOP_WORDS.has(lemma))) continue;
      const accounts = new Set(places.filter((_, i) => i % 2 === 0));
      if (accounts.size < needed || this.alwaysInside(places, lemmas.length)) continue;
      phrases.push(this.describe(key, places, lemmas.length));
    }
    return phrases.sort((a, b) => b.participants.length - a.participants.length || b.occurrences - a.occurrences || b.words - a.words || a.lemmas.localeCompare(b.lemmas));
  }

  /** True when every occurrence has the same word just before it, or the same just after: the phrase always occurs inside a longer one. */
  private alwaysInside(places: readonly number[], length: number): boolean {
    if (length >= this.limits.maxWords) return false;
    const same = (neighbour: (words: PhraseWord[], first: number) => string | undefined): boolean => {
      let seen: string | undefined;
      for (let i = 0; i < places.length; i += 2) {
        const word = neighbour(this.accounts[places[i]].words, places[i + 1]);
        if (word === undefined || (seen !== undefined && word !== seen)) return false;
        seen = word;
      }
      return true;
    };
    return (
      same((words, first) => (first > 0 && !words[first].breakBefore ? words[first - 1].lemma : undefined)) ||
      same((words, first) => (first + length < words.length && !words[first + length].breakBefore ? words[first + length].lemma : undefined))
    );
  }

  private describe(lemmas: string, places: readonly number[], length: number): Phrase {
    const forms = new Map<string, { form: string; occurrences: number }>();
    const participants = new Set<string>();
    const segments = new Set<string>();
    const themes = new Map<string, number>();
    const structure = new Map<string, number>();
    const contexts: PhraseContext[] = [];
    for (let i = 0; i < places.length; i += 2) {
      const account = this.accounts[places[i]];
      const first = account.tokens[account.words[places[i + 1]].token];
      const last = account.tokens[account.words[places[i + 1] + length - 1].token];
      const form = account.tokens.slice(account.words[places[i + 1]].token, account.words[places[i + 1] + length - 1].token + 1).map((token) => token.text).join(' ');
      const entry = forms.get(form.toLowerCase()) ?? { form, occurrences: 0 };
      entry.occurrences++;
      forms.set(form.toLowerCase(), entry);
      participants.add(account.participant);
      const touched = account.segments.filter((segment) => segment.start < last.end && segment.end > first.start);
      for (const segment of touched) {
        const key = `${places[i]}:${segment.index}`;
        if (segments.has(key)) continue;
        segments.add(key);
        for (const code of new Set(segment.themes.map((hit) => hit.code))) themes.set(code, (themes.get(code) ?? 0) + 1);
        if (segment.structure) structure.set(segment.structure.tag, (structure.get(segment.structure.tag) ?? 0) + 1);
      }
      contexts.push({
        participant: account.participant,
        segment: touched[0]?.index ?? 0,
        left: oneLine(account.text.slice(Math.max(0, first.start - CONTEXT), first.start)).trimStart(),
        match: oneLine(account.text.slice(first.start, last.end)),
        right: oneLine(account.text.slice(last.end, last.end + CONTEXT)).trimEnd(),
      });
    }
    const wordings = [...forms.values()].sort((a, b) => b.occurrences - a.occurrences);
    return {
      lemmas,
      phrase: wordings[0].form,
      forms: wordings,
      words: length,
      participants: [...participants],
      occurrences: places.length / 2,
      segments: segments.size,
      themes: codeCounts(themes),
      structure: codeCounts(structure),
      contexts,
    };
  }
}
