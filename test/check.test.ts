import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../src/index.js';
import { validNhsNumber } from '../src/check/patterns.js';
import { cli, tempDir } from './helpers/cli.js';

/** Each finding as `kind: text`. */
function found(text: string, allowed?: Set<string>): string[] {
  return findIdentifiers(text, allowed).map(({ kind, start, end }) => `${kind}: ${text.slice(start, end)}`);
}

describe('finding identifying details', () => {
  it.each([
    ['Email me at jo.bloggs+care@example.co.uk today.', ['email: jo.bloggs+care@example.co.uk']],
    ['See https://www.example.org/team?id=4, or www.carehome.example.', ['url: https://www.example.org/team?id=4', 'url: www.carehome.example']],
    ['Ring 07700 900123, (01632) 960001 or +44 20 7946 0958.', ['phone: 07700 900123', 'phone: (01632) 960001', 'phone: +44 20 7946 0958']],
    ['Call +1 (555) 010-9999 or +33 1 23 45 67 89.', ['phone: +1 (555) 010-9999', 'phone: +33 1 23 45 67 89']],
    ['She moved to M1 1AE, then SW1A 1AA and B33 8TH.', ['postcode: M1 1AE', 'postcode: SW1A 1AA', 'postcode: B33 8TH']],
    ['NHS no. 943 476 5919 (or 9434765919).', ['nhs-number: 943 476 5919', 'nhs-number: 9434765919']],
    ['Born 12/03/1985, 3rd of March 1985, or March 3, 1985.', ['date: 12/03/1985', 'date: 3rd of March 1985', 'date: March 3, 1985']],
    ["Priya said O'Neill and McDonald's Mary-Jane were there.", ['name: Priya', "name: O'Neill", 'name: McDonald', 'name: Mary-Jane']],
    ['Her NI number is QQ 12 34 56 C (or QQ123456C).', ['ni-number: QQ 12 34 56 C', 'ni-number: QQ123456C']],
    ['She lives at 14 Acacia Avenue, then 3b Long Meadow Close.', ['address: 14 Acacia Avenue', 'address: 3b Long Meadow Close']],
    ['Follow @jane_doe or @care.home_7 (not me@home or an @ sign).', ['handle: @jane_doe', 'handle: @care.home_7']],
    ['Near m1 1ae, SW1A  1AA or sw1a1aa.', ['postcode: m1 1ae', 'postcode: SW1A  1AA', 'postcode: sw1a1aa']],
    ['Born 1985-03-12, or 12-Mar-1985.', ['date: 1985-03-12', 'date: 12-Mar-1985']],
    ['NHS 4010 232 137, or 401-023-2137.', ['nhs-number: 4010 232 137', 'nhs-number: 401-023-2137']],
    ['Ring 0044 20 7946 0958 or 0033 1 23 45 67 89.', ['phone: 0044 20 7946 0958', 'phone: 0033 1 23 45 67 89']],
    ['SARAH and priya came, and CHARLOTTE; NHS, CQC and will did not.', ['name: SARAH', 'name: priya', 'name: CHARLOTTE']],
    ['Dr Smith, Mrs Green and Ms. Baker came.', ['name: Smith', 'name: Green', 'name: Baker']],
    ['I met Charlotte Smith, Rose Jones and John.', ['name: Charlotte', 'name: Smith', 'name: Rose', 'name: Jones', 'name: John']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('leaves ordinary text alone: common capitalised words, acronyms, days, short numbers, bad check digits', () => {
    expect(found('When my Mentor at the NHS Trust met the Team on Monday in March, I felt OK. We had 3 visits in 2019 and 12 of 15 residents. Room 12, 0800 calls. Ref 943 476 5918.')).toEqual([]);
  });

  it('leaves titles, number words, contractions, British spellings and word forms alone', () => {
    expect(found('Two of us went. Ten staff came. Whilst there, Mentoring helped. Dr and Mrs are titles. Organising, Analysing, Realised, Colour, Centre, Licence, Programme, Counselling, Supervisions, Learnt, Practise. We\'ve, Couldn\'t, Twenty, First.')).toEqual([]);
  });

  it('finds a surname that is a noun after a first name, but does not run on along a title-case heading', () => {
    expect(found('Meeting With Priya About The Plan, and Charlotte Green And Me.')).toEqual(['name: Priya', 'name: Charlotte', 'name: Green']);
  });

  it('leaves a paper size, a floor, a lone street word and a common word in small letters alone', () => {
    expect(found('An A4 3rd-floor room, b1 2nd, on 12 Street, with 2 Green Days; the carol singers and will of the team.')).toEqual([]);
  });

  it('checks the NHS number check digit', () => {
    expect([validNhsNumber('943 476 5919'), validNhsNumber('943 476 5918'), validNhsNumber('401 023 2137'), validNhsNumber('123')]).toEqual([true, false, true, false]);
  });

  it('does not report what is on the allow-list (ignoring case)', () => {
    expect(found('Priya from Skills For Care (info@skillsforcare.example) helped.', new Set(['priya', 'info@skillsforcare.example']))).toEqual([]);
  });
});

const ACCOUNT = 'Sarah, my mentor, gave me her number (07700 900123) and email sarah@care.example. She lives near M1 1AE.';

describe('the detectors run in linear time', () => {
  it('recheck finds no pattern that can backtrack for more than linear time', async () => {
    const { checkSync } = await import('recheck');
    const { PATTERNS } = await import('../src/check/patterns.js');
    const { NAME_PATTERNS } = await import('../src/check/names.js');
    for (const pattern of [...PATTERNS, ...NAME_PATTERNS]) {
      // Steps, not time, decide (a busy machine made recheck's timed limits see a blow-up, or give up), and a fixed seed makes its fuzzing the same every run.
      const verdict = checkSync(pattern.source, pattern.flags.replace('g', ''), { timeout: null, incubationTimeout: null, attackTimeout: null, seedingTimeout: null, randomSeed: 42 });
      const found = verdict.status === 'safe' ? 'linear' : verdict.status === 'vulnerable' ? `${verdict.complexity.type} time` : `unknown (${verdict.error.kind})`;
      expect(found, pattern.source).toBe('linear');
    }
  }, 120_000);

  it.each([
    ['digits', '1'.repeat(1_000_000)],
    ['digits and dashes', '1-'.repeat(500_000)],
    ['letters and @', 'a@'.repeat(500_000)],
    ['www.', 'www.'.repeat(250_000)],
    ['house numbers', '14 Acacia '.repeat(100_000)],
    ['unknown capitalised words', 'Xyzzy '.repeat(166_666)],
  ])('1 MB of %s is checked in seconds, not minutes', (_, text) => {
    // Under half a second on a quiet machine; a pattern tried afresh from every character took 17 s for 100,000 digits, and would take half an hour for these.
    const started = process.cpuUsage();
    findIdentifiers(text);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(10_000);
  });
});

describe('redaction', () => {
  it('replaces a first name the lexicon knows as a word beside a surname (Charlotte Smith is [NAME] [NAME], never Charlotte [NAME])', async () => {
    const dir = tempDir();
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, 'participant,text\nA1,I met Charlotte Smith and Dr Green.\n');
    const out = join(dir, 'redacted');
    expect((await cli(['check', file, '--redact', '--out', out, '--quiet'])).code).toBe(0);
    expect(readFileSync(join(out, 'accounts.csv'), 'utf8')).toBe('\uFEFFparticipant,text\nA1,I met [NAME] [NAME] and Dr [NAME].\n');
  });
});

describe('reflect-code check (the command line)', () => {
  function input(): { dir: string; file: string } {
    const dir = tempDir();
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, stringify([['participant', 'text', 'site'], ['A1', ACCOUNT, 'North'], ['A2', 'My mentor listened.', 'South']]));
    return { dir, file };
  }

  it('reports participant, offset and kind, never the text, and exits 1', async () => {
    const { file } = input();
    const { code, stdout, stderr } = await cli(['check', file]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.replaceAll(file, 'accounts.csv')).toBe(
      [
        'accounts.csv:2: participant "A1", offset 0 (5 characters): a name that is not a common word [check-name]',
        'accounts.csv:2: participant "A1", offset 38 (12 characters): a phone number [check-phone]',
        'accounts.csv:2: participant "A1", offset 62 (18 characters): an e-mail address [check-email]',
        'accounts.csv:2: participant "A1", offset 97 (6 characters): a UK postcode [check-postcode]',
        'Found 4 possible identifying details in 1 of 2 accounts (columns checked: participant, text, site).',
        '',
      ].join('\n'),
    );
    for (const secret of ['Sarah', '07700', 'sarah@', 'M1 1AE']) expect(stdout).not.toContain(secret);
  });

  it('writes a redacted copy and a log with --redact, which analyse then reads without warnings', async () => {
    const { dir, file } = input();
    const out = join(dir, 'redacted');
    const { code, stdout } = await cli(['check', file, '--redact', '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toContain('[check-email]');
    expect(readFileSync(join(out, 'accounts.csv'), 'utf8')).toBe(
      '\uFEFFparticipant,text,site\nA1,"[NAME], my mentor, gave me her number ([PHONE]) and email [EMAIL]. She lives near [POSTCODE].",North\nA2,My mentor listened.,South\n',
    );
    expect(readFileSync(join(out, 'redactions.csv'), 'utf8')).toBe(
      '\uFEFFparticipant,column,kind,start,end,placeholder,redacted_start\nA1,text,name,0,5,[NAME],0\nA1,text,phone,38,50,[PHONE],39\nA1,text,email,62,80,[EMAIL],58\nA1,text,postcode,97,103,[POSTCODE],82\n',
    );
    const analysed = await cli(['analyse', join(out, 'accounts.csv'), '--out', join(dir, 'coded')]);
    expect(analysed.stderr).toBe('');
    expect(analysed.code).toBe(0);
  });

  it('makes analyse warn (not stop) unless --no-check, and honours --allow-list', async () => {
    const { dir, file } = input();
    const warned = await cli(['analyse', file, '--out', join(dir, 'a')]);
    expect(warned.code).toBe(0);
    expect(warned.stderr.replaceAll(file, 'accounts.csv')).toBe(
      'reflect-code: warning: accounts.csv:2: participant "A1" may not be anonymous: 1 × [EMAIL], 1 × [PHONE], 1 × [POSTCODE], 1 × [NAME] at offsets 0, 38, 62, 97; run reflect-code check for details, or add --no-check [check-identifiers]\n',
    );
    expect((await cli(['analyse', file, '--out', join(dir, 'b'), '--strict'])).code).toBe(1);
    const quiet = await cli(['analyse', file, '--out', join(dir, 'c'), '--no-check']);
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
    writeFileSync(join(dir, 'allow.txt'), '# public details of the care home\nSarah\nsarah@care.example\n07700 900123\nM1 1AE\n');
    const allowed = await cli(['check', file, '--allow-list', join(dir, 'allow.txt')]);
    expect([allowed.code, allowed.stdout]).toEqual([0, 'Found 0 possible identifying details in 0 of 2 accounts (columns checked: participant, text, site).\n']);
  });
});

describe('reflect-code check --help', () => {
  it('explains the command with examples that run from the project root', async () => {
    const { code, stdout } = await cli(['check', '--help']);
    expect(code).toBe(0);
    const examples = [...stdout.matchAll(/^ {2}\$ reflect-code (.*)$/gm)].map((match) => match[1]);
    expect(examples).toHaveLength(3);
    const out = join(tempDir(), 'redacted');
    for (const example of examples) {
      const args = example.split(' ').map((arg) => (arg === 'redacted' ? out : arg));
      expect((await cli(args)).code, example).toBe(0);
    }
  });
});

describe('reflect-code check beyond the text', () => {
  it('checks and redacts every column, and reports an identifying participant ID without changing it', async () => {
    const dir = tempDir();
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, 'participant,text,manager,site\njane@example.org,I listen more.,Mary Jones,North\nA2,I listen more.,none,South\n');
    const found = await cli(['check', file]);
    expect(found.code).toBe(1);
    expect(found.stdout.replaceAll(file, 'accounts.csv').split('\n')).toEqual([
      'accounts.csv:2: the participant ID looks like an e-mail address; IDs are copied as they are, even with --redact: replace them with codes (A1, A2...) before sharing [check-email]',
      'accounts.csv:2: participant "jane@example.org", column "manager", offset 0 (4 characters): a name that is not a common word [check-name]',
      'accounts.csv:2: participant "jane@example.org", column "manager", offset 5 (5 characters): a name that is not a common word [check-name]',
      'Found 3 possible identifying details in 1 of 2 accounts (columns checked: participant, text, manager, site).',
      '',
    ]);
    const out = join(dir, 'redacted');
    expect((await cli(['check', file, '--redact', '--out', out, '--quiet'])).code).toBe(0);
    expect(readFileSync(join(out, 'accounts.csv'), 'utf8')).toBe('\uFEFFparticipant,text,manager,site\njane@example.org,I listen more.,[NAME] [NAME],North\nA2,I listen more.,none,South\n');
    expect(readFileSync(join(out, 'redactions.csv'), 'utf8')).toBe('\uFEFFparticipant,column,kind,start,end,placeholder,redacted_start\njane@example.org,manager,name,0,4,[NAME],0\njane@example.org,manager,name,5,10,[NAME],7\n');
  });
});
