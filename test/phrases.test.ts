import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PhraseCounter } from '../src/phrases/count.js';
import { split } from '../src/segment/index.js';
import { cli, tempDir } from './helpers/cli.js';

/** Recurring phrases of some texts (one participant each), without codes. */
function recurring(texts: string[], minParticipants = 2): string[] {
  const counter = new PhraseCounter({ minParticipants, minWords: 2, maxWords: 6 });
  texts.forEach((text, i) => counter.add(`P${i + 1}`, text, split(text).map((span, n) => ({ ...span, index: n + 1, text: text.slice(span.start, span.end), themes: [] }))));
  return counter.recurring().map((phrase) => `${phrase.lemmas} = ${phrase.phrase} (${phrase.participants.length}/${phrase.occurrences})`);
}

describe('phrases', () => {
  it('finds the "I have been trying" / "I am trying" family of the study accounts among the top phrases', async () => {
    const run = await cli(['phrases', 'samples/study/accounts', '--format', 'csv', '--top', '8']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('expected at least 3 participants for --min-participants 3, got 2; listing the phrases that occur at least twice in any participant [phrases-few-participants]');
    expect(run.stdout.split('\n').filter((line) => line.includes('be try to'))).toEqual([
      '6,been trying to,be try to,3,1,2,2,CO 1; T 1,EV 2,been trying to (1); am trying to (1),A32',
    ]);
  });

  it('shows every occurrence in context with --kwic', async () => {
    const run = await cli(['phrases', 'samples/study/accounts', '--kwic', '--top', '6']);
    expect(run.stdout).toContain("      A32 #7: ...each resident as an individual. I have [been trying to] help staff consider doing things differ...");
    expect(run.stdout).toContain("      A32 #8: ...'have . you tried doing it like this? I [am trying to] get staff away from the 'toilet rounds,...");
  });

  it('counts lemmas and contractions, ignores case, drops stop-word runs and phrases always inside a longer one', () => {
    expect(recurring([
      'I have been trying to listen. The rota was hard.',
      "I'm trying to listen more. And the rota is hard!",
      'Of the staff, I am trying to listen.',
    ])).toEqual([
      'be try to listen = been trying to listen (3/3)',
      "i be try to listen = I'm trying to listen (2/2)",
      'the rota be hard = The rota was hard (2/2)',
    ]);
  });

  it('counts a phrase once per participant and needs it in --min-participants of them', () => {
    const texts = ['We hold a staff meeting. We hold a staff meeting.', 'Our staff meeting was short.', 'Nothing recurs here.'];
    expect(recurring(texts, 2)).toEqual(['staff meeting = staff meeting (2/3)']);
    expect(recurring(texts, 3)).toEqual([]);
  });

  it('does not run a phrase across the end of a sentence', () => {
    expect(recurring(['It was hard. Staff said so.', 'It was hard. Staff said so.'])).toEqual(['it be hard = It was hard (2/2)', 'staff say so = Staff said so (2/2)']);
  });

  it('rejects a --min-participants that is not a whole number', async () => {
    const run = await cli(['phrases', 'samples/study/accounts', '--min-participants', 'two']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a whole number of 1 or more, got "two"');
  });

  it('writes JSON with the codes of the segments', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'a.csv'), 'participant,text\nP1,I am managing the rota now.\nP2,I am managing the rota better.\nP3,Now I am managing the rota.\n');
    const run = await cli(['phrases', join(folder, 'a.csv'), '--format', 'json']);
    const result = JSON.parse(run.stdout) as { phrases: Array<{ lemmas: string; participants: string[]; contexts?: unknown }> };
    expect(result.phrases.map((p) => [p.lemmas, p.participants.join(' '), p.contexts])).toEqual([['i be manage the rota', 'P1 P2 P3', undefined]]);
  });
});
