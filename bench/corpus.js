// Writes a benchmark corpus like a supervisor's export: a CSV of
// reflective accounts (5 to 25 sentences each), made deterministically
// (a seeded PRNG) from the sample accounts' sentences and sentences
// built from reflective-practice phrases. Same arguments, same bytes.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const SAMPLES = new URL('../samples/accounts.csv', import.meta.url);

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same numbers.
 * @param {number} seed
 */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = ['', '', '', 'Since the programme, ', 'Looking back, ', 'At first ', 'Last month ', 'In supervision ', 'On the night shift ', 'Over the last year ', 'After the workshop ', 'Honestly, ', 'When I started, ', 'Now '];
const SUBJECTS = ['I', 'I', 'we', 'my team', 'the senior carers', 'my mentor', 'the nurses', 'the new starters', 'our deputy', 'the residents', 'the families', 'staff'];
const VERBS = ['have started to', 'try to', 'used to', 'no longer', 'have learned to', 'now', 'want to', 'were asked to', 'decided to', 'began to', 'did not', 'always'];
const ACTIONS = ['listen more carefully to', 'plan the rota with', 'delegate the medication audits to', 'reflect on what went wrong with', 'ask for feedback from', 'check in each week with', 'share the handover notes with', 'challenge the old routines of', 'support the well being of', 'talk openly about mistakes with', 'coach and encourage', 'hold a monthly meeting with', 'write reflective notes about', 'set clearer goals for', 'worry less about'];
const OBJECTS = ['the people we support', 'their families', 'the care team', 'the night staff', 'the district nurses', 'the people who use our service', 'new colleagues', 'the managers group', 'the residents on the first floor', 'agency staff', 'the whole home', 'everyone on shift'];
const TAILS = ['.', '.', ' because it was quicker.', ' and it has made a real difference.', ' but it was harder than I expected.', ', which I found difficult at first.', ' when things get busy.', ' so that everyone feels heard.', ' and I feel more confident now.', ' although the pressure from the council has not gone away.', ' because my mentor asked me why.', ' and the atmosphere has changed.', ', and I could not really answer.', ' even when we are short of staff.'];
const REFLECTIONS = [
  'It sounds small but it matters to people.',
  'I realised that I had been avoiding the difficult conversations.',
  'The programme gave me time to stop and think about my practice.',
  'What I value most is the chance to talk to other managers.',
  'I am not sure the online modules taught me anything new.',
  'My confidence has grown and I feel less alone in the role.',
  'We were struggling with staffing and morale was low.',
  'Then one of the carers told me she was thinking of leaving.',
  'In the end we agreed a new way of sharing the weekend shifts.',
  'I still find it hard to switch off when I get home.',
  'Reflecting on it now, I can see how much I have changed.',
  'The families say the home feels calmer and more welcoming.',
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function built(random) {
  const opener = pick(random, OPENERS);
  const subject = pick(random, SUBJECTS);
  const first = opener === '' ? subject[0].toUpperCase() + subject.slice(1) : subject === 'I' ? subject : subject;
  return `${opener}${first} ${pick(random, VERBS)} ${pick(random, ACTIONS)} ${pick(random, OBJECTS)}${pick(random, TAILS)}`;
}

/**
 * Writes `file`: `accounts` reflective accounts (P000001, ...) with a
 * `setting` column, 5 to 25 sentences each, from `seed`.
 * Returns the file's size in bytes and the number of sentences.
 * @param {string} file
 * @param {number} accounts
 * @param {number} [seed]
 */
export function writeCorpus(file, accounts, seed = 13) {
  const random = prng(seed);
  const samples = parse(readFileSync(SAMPLES), { columns: true, bom: true })
    .flatMap((row) => row.text.split(/(?<=[.?!])\s+/))
    .filter((sentence) => sentence.trim() !== '');
  const settings = ['residential', 'nursing', 'domiciliary', 'day service', 'supported living'];
  const fd = openSync(file, 'w');
  let bytes = 0;
  let sentences = 0;
  const write = (text) => {
    bytes += writeSync(fd, text);
  };
  try {
    write('participant,setting,text\n');
    let chunk = [];
    for (let i = 0; i < accounts; i++) {
      const count = 5 + Math.floor(random() * 21);
      const parts = [];
      for (let s = 0; s < count; s++) {
        const r = random();
        parts.push(r < 0.4 ? pick(random, samples) : r < 0.5 ? pick(random, REFLECTIONS) : built(random));
        if (random() < 0.08) parts.push('\n\n');
      }
      sentences += count;
      chunk.push([`P${String(i + 1).padStart(6, '0')}`, pick(random, settings), parts.join(' ').replace(/ ?\n\n ?/g, '\n\n').trim()]);
      if (chunk.length === 1000) {
        write(stringify(chunk));
        chunk = [];
      }
    }
    write(stringify(chunk));
  } finally {
    closeSync(fd);
  }
  return { bytes, sentences };
}
