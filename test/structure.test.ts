import { describe, expect, it } from 'vitest';
import { DEFAULT_STRUCTURE_RULES, split } from '../src/index.js';
import { activeTags } from '../src/structure/active-tags.js';
import { loadCueFile } from '../src/structure/cue-file.js';
import { FEATURES, verbFeatures } from '../src/structure/features.js';
import { tagText } from '../src/structure/grammar.js';
import { compileCues, describeCue } from '../src/structure/score.js';
import { readFileSync } from 'node:fs';

const cues = await loadCueFile(DEFAULT_STRUCTURE_RULES);
const score = compileCues(activeTags(cues));

/** Tags a short account sentence by sentence and returns the last sentence's tag, note and evidence. */
function last(account: string): [string, string, string] {
  const scored = score(account, split(account, 'sentence')).at(-1)!;
  return [scored.tag, scored.note, scored.evidence.join('; ')];
}

// None of these sentences comes from the study's two accounts: the cues are general.
describe('structure tags and the cues that decide them', () => {
  it.each([
    // Orientation: habitual, stative, background, setting.
    ['We used to have a rota that nobody liked.', 'OR', '', 'habitual past +3'],
    ['Every morning the night staff hand over to the day team.', 'OR', '', 'habitual: Every morning +1'],
    ['The home is a converted Victorian house with twenty beds.', 'OR', '', 'present state +1'],
    ['There were three new starters on the team.', 'OR', '', 'past state +1; there is +1'],
    ['At the time I was working as a deputy.', 'OR', '', 'setting: At the time +1; past background +2'],
    ['The staff were chatting in the office.', 'OR', '', 'past background +2'],
    ['I have managed the unit for six years.', 'OR', '', 'ongoing practice +1'],
    ['When a resident is unsettled, we sit with them.', 'OR', '', 'setting: When +1; habitual present +1'],
    ['Our manager usually runs the meetings.', 'OR', '', 'habitual: usually +1; habitual present +1'],
    ['These days I leave the office on time.', 'OR', '', 'habitual present +1'],
    // Complicating action: simple past events in temporal order.
    ['One evening a resident fell in the lounge. I called the nurse. She checked him over.', 'CA', '', 'simple past event +2; temporal juncture +1'],
    ['The daughter phoned me on Monday. She complained about the laundry.', 'CA', '', 'simple past event +2; temporal juncture +1'],
    ['Then the inspector asked to see the care plans.', 'CA', '', 'simple past event +2; sequence marker: Then +1'],
    ['My mentor suggested a different approach. I tried it the next day.', 'CA', '', 'simple past event +2; temporal juncture +1; sequence marker: the next day +1'],
    ['The family came in. They sat with their mother.', 'CA', '', 'simple past event +2'],
    // Evaluation: stance, evaluative words, intensifiers, comparators, explicatives.
    ['I feel much more confident now.', 'EV', '', 'stance: feel, confident +2; comparative: more +1'],
    ['It was really hard to let go.', 'EV', '', 'evaluative words: hard +1; intensifier: really +1'],
    ['I think the training was very useful.', 'EV', '', 'stance: think +2; evaluative words: useful +1; intensifier: very +1'],
    ['I would never have done that before.', 'EV', '', 'negative +1; modal or future +1'],
    ['Why did we not ask them sooner?', 'EV', '', 'negative +1; question +1; explanation: Why +1'],
    ['I did not sleep that night.', 'EV', '', 'negative +1'],
    ['Staff are taking more responsibility.', 'EV', '', 'comparative: more +1; progressive +1'],
    ['I was angry because nobody had told me.', 'EV', '', 'negative +1; explanation: because +1'],
    ['It seems obvious looking back.', 'EV', '', 'evaluative words: obvious +1; evaluative comment: It seems +1'],
    ['The new system will save time.', 'EV', '', 'modal or future +1'],
    // A past event in a subordinate clause is not a narrative clause.
    ['It was a shame that we lost him.', 'EV', '', 'evaluative words: shame +1'],
    ['The biggest change is in how I run supervision.', 'EV', '', 'evaluative words: biggest +1'],
    // Resolution: markers, outcome verbs, the present after the events.
    ['Last month a carer left without notice. We covered the shifts. In the end we recruited two new carers.', 'RE', '', 'resolution marker: In the end +3'],
    ['Finally the manager agreed to the change.', 'RE', '', 'resolution marker: Finally +3'],
    ['A relative complained about the food. As a result we changed the menu.', 'RE', '', 'resolution marker: As a result +3'],
    ['We talked it through. Since then there have been no more complaints.', 'RE', '', 'resolution marker: Since then +3'],
    ['The team met with the family. Now they visit every week.', 'RE', '', 'now, after the story: Now +1; present after the story +2'],
    ['My deputy took over the audits. Now she leads them on her own.', 'RE', '', 'now, after the story: Now +1; present after the story +2'],
    ['The complaint was resolved.', 'RE', '', 'outcome verb: resolved +2'],
    // The Message note: first-person effort or change, in progress or achieved.
    ['I am trying to delegate more.', 'EV', 'message', 'comparative: more +1; progressive +1'],
    ['I have been trying to listen before I react.', 'EV', 'message', 'progressive +1'],
    ['We are working on a new handover sheet.', 'EV', 'message', 'progressive +1'],
    ['I have found my voice in meetings.', 'EV', 'message', 'stance: found +2'],
    ['I am making sure every resident has a say.', 'EV', 'message', 'stance: sure +2; progressive +1'],
    // Contractions the part-of-speech tagger keeps whole are split: "I'm" is "I am".
    ['I\u2019m trying to delegate more.', 'EV', 'message', 'comparative: more +1; progressive +1'],
    ['Families are being included more.', 'EV', '', 'comparative: more +1; progressive +1'],
  ])('%s', (account, tag, note, evidence) => {
    expect(last(account)).toEqual([tag, note, evidence]);
  });

  it('counts each word once per tag: a phrase covers its words, a weightier cue takes a shared word', () => {
    const ev = (text: string) => score(text, [{ start: 0, end: text.length }])[0].scores.find((row) => row.tag === 'EV')!.cues.map(describeCue);
    expect(ev('We changed the rota so that residents choose when to eat.')).toEqual(['explanation: so that +1']);
    expect(ev('I have found my confidence again.')).toEqual(['stance: found, confidence +2']);
  });

  it('gives a segment with no cue the default tag, with no evidence', () => {
    expect(last('Blue sky.')).toEqual(['EV', '', '']);
  });

  it('uses AB and CODA only when they are chosen', () => {
    const all = compileCues(activeTags(cues, ['OR', 'CA', 'EV', 'RE', 'AB', 'CODA']));
    const account = 'The biggest change is in me. I used to stay late. These days I go home on time.';
    expect(all(account, split(account, 'sentence')).map((s) => s.tag)).toEqual(['AB', 'OR', 'CODA']);
    expect(score(account, split(account, 'sentence')).map((s) => s.tag)).toEqual(['EV', 'OR', 'OR']);
  });

  it('rejects a --structure-tags value the cue file does not have', () => {
    expect(() => activeTags(cues, ['OR', 'XX'])).toThrow(/expected --structure-tags to name tags of .*labov\.yaml \(OR, CA, EV, RE, AB, CODA\), got "XX"/);
  });

  it('rejects a tag named twice in --structure-tags', () => {
    expect(() => activeTags(cues, ['EV', 'ev', 'OR'])).toThrow('expected each tag once in --structure-tags, got EV twice');
  });

  it('lists in the schema exactly the features the tagger computes', () => {
    const schema = JSON.parse(readFileSync(new URL('../codebooks/structure.schema.json', import.meta.url), 'utf8')) as { definitions: { feature: { enum: string[] } } };
    expect(schema.definitions.feature.enum).toEqual([...FEATURES]);
  });
});

describe('verb groups', () => {
  const features = (text: string) => verbFeatures(tagText(text));
  it.each([
    // A line of a page cut off after its auxiliary has no verb group of its own.
    ['and the night staff have', ['no-finite-verb']],
    ['I did.', ['past-stative', 'first-person']],
    ['She had left before we arrived.', ['past-perfect']],
    ['We used to eat in shifts.', ['habitual-past', 'first-person']],
    ['The team were told on Monday.', ['simple-past']],
    ['I am exhausted.', ['present-stative', 'first-person']],
    // A contracted 's before a participle is "has".
    ['It\u2019s changed everything.', ['present-perfect']],
    ['It\'s been hard.', ['present-perfect']],
    ['She\'s working nights.', ['present-progressive']],
  ])('%s', (text, expected) => {
    expect(features(text)).toEqual(expected);
  });
});
