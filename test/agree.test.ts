import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { align } from '../src/agree/align.js';
import { analyse, cohensKappa, krippendorffAlpha, landisKoch, readCoding, loadCodebook, DEFAULT_CODEBOOK, themeAgreement } from '../src/index.js';
import { loadStructureTags } from '../src/structure/active-tags.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';

const N = null;

/**
 * Published examples, each with the value its source prints. Our figures
 * are pinned to 4 decimals (computed independently with NLTK 3.8, see the
 * last block) and must round to the published value.
 */
const ALPHA_EXAMPLES: Array<{ source: string; coders: Array<Array<string | number | null>>; alpha: string; published: number }> = [
  {
    // Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, example C:
    // four observers, nominal values 1-5, missing values; published alpha = 0.743.
    source: 'Krippendorff 2011, C: nominal, 4 observers, missing values',
    coders: [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
      [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ],
    alpha: '0.7434',
    published: 0.743,
  },
  {
    // Krippendorff (2011), example A: two observers, binary data; published alpha = 0.095.
    source: 'Krippendorff 2011, A: binary, 2 observers',
    coders: [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]],
    alpha: '0.0952',
    published: 0.095,
  },
  {
    // Krippendorff (2011), example B: two observers, nominal values a-e; published alpha = 0.692.
    source: 'Krippendorff 2011, B: nominal, 2 observers',
    coders: [[...'aabbdcccedda'], [...'babbbcccedd' + 'd']],
    alpha: '0.6920',
    published: 0.692,
  },
];

/** Units (one value per coder) from coders' rows of values. */
function unitsOf(coders: ReadonlyArray<ReadonlyArray<string | number | null>>): Array<Array<string | null>> {
  return coders[0].map((_, unit) => coders.map((values) => (values[unit] === null ? null : String(values[unit]))));
}

describe('Krippendorff\'s alpha (nominal)', () => {
  it.each(ALPHA_EXAMPLES)('$source', ({ coders, alpha, published }) => {
    const value = krippendorffAlpha(unitsOf(coders))!;
    expect(value.toFixed(4)).toBe(alpha);
    expect(Number(value.toFixed(3))).toBe(published);
  });

  it('is undefined when every value is the same, or nothing is pairable', () => {
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a']])).toBeNull();
    expect(krippendorffAlpha([['a', null], [null, 'b']])).toBeNull();
  });
});

describe('Cohen\'s kappa', () => {
  it('Wikipedia, "Cohen\'s kappa", worked example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no gives 0.4', () => {
    expect(cohensKappa([[20, 5], [10, 15]])!.toFixed(4)).toBe('0.4000');
  });

  it('Cohen (1960): p_o = .70 and p_c = .41 give kappa = .49', () => {
    // Proportions x 200 with Cohen's margins (A .60 .30 .10, B .50 .30 .20) and diagonal (.44 .20 .06).
    const kappa = cohensKappa([[88, 14, 18], [10, 40, 10], [2, 6, 12]])!;
    expect(kappa.toFixed(4)).toBe('0.4915');
    expect(Number(kappa.toFixed(2))).toBe(0.49);
  });

  it('Krippendorff 2011 examples A and B (kappa from NLTK 3.8: 0.0909, 0.6842)', () => {
    const table = (coders: Array<Array<string | number | null>>) => {
      const labels = [...new Set(coders.flat().map(String))];
      const counts = labels.map(() => labels.map(() => 0));
      coders[0].forEach((a, unit) => counts[labels.indexOf(String(a))][labels.indexOf(String(coders[1][unit]))]++);
      return counts;
    };
    expect(cohensKappa(table(ALPHA_EXAMPLES[1].coders))!.toFixed(4)).toBe('0.0909');
    expect(cohensKappa(table(ALPHA_EXAMPLES[2].coders))!.toFixed(4)).toBe('0.6842');
  });

  it('is undefined when both coders gave every unit one category', () => {
    expect(cohensKappa([[0, 0], [0, 12]])).toBeNull();
  });
});

describe('the Landis and Koch reading', () => {
  it.each([[-0.1, 'poor'], [0, 'slight'], [0.2, 'slight'], [0.4000000000000001, 'fair'], [0.41, 'moderate'], [0.6, 'moderate'], [0.8, 'substantial'], [0.81, 'almost perfect'], [1, 'almost perfect'], [null, 'n/a']] as const)('%s reads %s', (kappa, reading) => {
    expect(landisKoch(kappa)).toBe(reading);
  });
});

describe('uncoded units', () => {
  // Ten units: A codes CO on units 1-2, B on units 1 and 3; nobody codes units 4-10.
  const pairs = Array.from({ length: 10 }, (_, i) => ({ a: i < 2 ? ['CO'] : [], b: i === 0 || i === 2 ? ['CO'] : [] }));
  const codes = [{ code: 'CO', name: 'Coaching' }];

  it('count as agreement by default, which inflates the figures', () => {
    const { codes: [co], uncoded, excluded } = themeAgreement(pairs, codes);
    expect({ uncoded, excluded, units: co.units, agreement: co.agreement, kappa: co.kappa!.toFixed(4) }).toEqual({ uncoded: 7, excluded: 0, units: 10, agreement: 0.8, kappa: '0.3750' });
  });

  it('are left out with excludeUncoded', () => {
    const { codes: [co], excluded } = themeAgreement(pairs, codes, true);
    expect({ excluded, units: co.units, agreement: co.agreement!.toFixed(4), kappa: co.kappa!.toFixed(4), reading: co.reading }).toEqual({ excluded: 7, units: 3, agreement: '0.3333', kappa: '-0.5000', reading: 'poor' });
  });
});

/** The study's coding and the tool's own line coding of the same accounts. */
const STUDY_CSV = [
  'dimension,code,name,coded_a,coded_b,units,percent_agreement,kappa,alpha,reading',
  'themes,P,Participation,2,1,21,95.2,0.6441,0.6496,substantial',
  'themes,CO,Coaching,6,7,21,85.7,0.6667,0.6737,substantial',
  'themes,T,Transformation,4,3,21,85.7,0.4878,0.4980,moderate',
  'themes,LA,Learning (positive),2,2,21,100.0,1.0000,1.0000,almost perfect',
  'themes,B,Beliefs,3,6,21,76.2,0.3137,0.3098,fair',
  'themes,ME,Manage and use Emotion,3,4,21,95.2,0.8293,0.8327,almost perfect',
  'themes,C,Context,2,2,21,100.0,1.0000,1.0000,almost perfect',
  'themes,all,,,,21,91.2,0.6710,0.6719,substantial',
  'structure,OR,Orientating Action,8,3,21,66.7,0.1967,0.1584,slight',
  'structure,CA,Complicating Action,1,0,21,95.2,0.0000,0.0000,slight',
  'structure,EV,Evaluating Action,10,17,21,57.1,0.1674,0.0889,slight',
  'structure,RE,Resolution,1,1,21,100.0,1.0000,1.0000,almost perfect',
  'structure,all,,,,21,57.1,0.2317,0.1872,fair',
  '',
].join('\n');

/**
 * The tool's coding of the study accounts by lines, frozen when the figures
 * below were pinned (`reflect-code analyse samples/study/accounts --unit line`),
 * so that a change to the tagger does not move them.
 */
const TOOL_CODING = 'test/fixtures/agree/tool-lines.csv';

describe('reflect-code agree (the command line)', () => {
  const toolCoding = TOOL_CODING;

  it('pins the study coding against the tool\'s line coding, per code and overall', async () => {
    const { code, stdout, stderr } = await cli(['agree', 'samples/study/coding.csv', toolCoding, '--format', 'csv']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(STUDY_CSV);
  });

  it('prints a table with a reading of each kappa and the structure confusion matrix', async () => {
    const { code, stdout } = await cli(['agree', 'samples/study/coding.csv', toolCoding]);
    expect(code).toBe(0);
    expect(stdout).toContain('21 units paired (on offsets: A32, A44); 0 rows only in A, 0 only in B.\n');
    expect(stdout).toContain('\n  CO     Coaching                6  7     21   85.7%  0.667  0.674  substantial\n');
    expect(stdout).toContain([
      '  Confusion matrix (rows: A, columns: B):',
      '            OR  CA  EV  RE  (none)',
      '    OR       2   0   6   0       0',
      '    CA       0   0   1   0       0',
      '    EV       1   0   9   0       0',
      '    RE       0   0   0   1       0',
      '    (none)   0   0   1   0       0',
      '  Overall kappa 0.232: fair agreement on the Landis and Koch scale.',
    ].join('\n'));
  });

  it('gives JSON with the unrounded figures and the confusion matrix', async () => {
    const { stdout } = await cli(['agree', 'samples/study/coding.csv', toolCoding, '--format', 'json', '--dimension', 'structure']);
    const result = JSON.parse(stdout) as { themes?: unknown; structure: { confusion: { labels: string[]; counts: number[][] }; overall: { kappa: number } } };
    expect(result.themes).toBeUndefined();
    expect(result.structure.confusion.labels).toEqual(['OR', 'CA', 'EV', 'RE', '(none)']);
    expect(result.structure.overall.kappa).toBeCloseTo(0.231707, 6);
  });

  it('pairs rows on segment numbers without offsets, and reports rows only one coding has', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'participant,segment,text,themes,structure\nA1,1,One,CO,EV\nA1,2,Two,T,OR\nA1,3,Three,,\nA2,1,Else,P,EV\n');
    writeFileSync(join(dir, 'b.csv'), '\uFEFFParticipant,Segment,Text,Themes,Structure\r\nA1,2,Two,t,or\r\nA1,1,One,co / t,ev\r\nA1,4,Four,C,CA\r\n');
    const { code, stdout, stderr } = await cli(['agree', join(dir, 'a.csv'), join(dir, 'b.csv'), '--format', 'csv', '--strict']);
    expect(code).toBe(1);
    expect(stderr).toBe([
      `reflect-code: warning: ${join(dir, 'a.csv')}:4: A1 segment 3 ("Three") has no matching unit in ${join(dir, 'b.csv')}; left out [agree-unmatched]`,
      `reflect-code: warning: ${join(dir, 'a.csv')}:5: A2 segment 1 ("Else") has no matching unit in ${join(dir, 'b.csv')}; left out [agree-unmatched]`,
      `reflect-code: warning: ${join(dir, 'b.csv')}:4: A1 segment 4 ("Four") has no matching unit in ${join(dir, 'a.csv')}; left out [agree-unmatched]`,
      '',
    ].join('\n'));
    expect(stdout).toBe([
      'dimension,code,name,coded_a,coded_b,units,percent_agreement,kappa,alpha,reading',
      'themes,CO,Coaching,1,1,2,100.0,1.0000,1.0000,almost perfect',
      'themes,T,Transformation,1,2,2,50.0,0.0000,0.0000,slight',
      'themes,all,,,,2,75.0,0.5000,0.5333,moderate',
      'structure,OR,Orientating Action,1,1,2,100.0,1.0000,1.0000,almost perfect',
      'structure,EV,Evaluating Action,1,1,2,100.0,1.0000,1.0000,almost perfect',
      'structure,all,,,,2,100.0,1.0000,1.0000,almost perfect',
      '',
    ].join('\n'));
  });

  it('refuses two codings with no unit in common', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'participant,segment,text,themes,structure\nA1,1,One,CO,EV\n');
    writeFileSync(join(dir, 'b.csv'), 'participant,segment,text,themes,structure\nB1,1,One,CO,EV\n');
    const { code, stderr } = await cli(['agree', join(dir, 'a.csv'), join(dir, 'b.csv')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`reflect-code: error: ${join(dir, 'a.csv')}: expected the two codings to share units (same participant and segment, or same offsets), got none in common with ${join(dir, 'b.csv')} [agree-no-units]\n`);
  });
});

/** A Python 3 with NLTK, when one is installed (Debian: python3-nltk). */
const PYTHON = ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import nltk']).status === 0);

describe.skipIf(!PYTHON)('against NLTK\'s AnnotationTask (an independent implementation)', () => {
  function nltk(cases: Record<string, Array<Array<string | number | null>>>): Record<string, { kappa: number | null; alpha: number }> {
    const result = spawnSync(PYTHON!, [join(ROOT, 'test/reference/nltk-agreement.py')], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as Record<string, { kappa: number | null; alpha: number }>;
  }

  it('agrees on the published examples to 4 decimals', () => {
    const reference = nltk(Object.fromEntries(ALPHA_EXAMPLES.map(({ source, coders }) => [source, coders])));
    for (const { source, coders, alpha } of ALPHA_EXAMPLES) {
      expect(reference[source].alpha.toFixed(4), source).toBe(alpha);
      expect(krippendorffAlpha(unitsOf(coders))!.toFixed(4), source).toBe(reference[source].alpha.toFixed(4));
    }
  });

  it('agrees on every code of the study coding against the tool\'s line coding', async () => {
    const books = { codebook: await loadCodebook(DEFAULT_CODEBOOK), rules: await loadStructureTags() };
    const { units } = align((await readCoding(join(ROOT, 'samples/study/coding.csv'), books)).rows, (await readCoding(join(ROOT, TOOL_CODING), books)).rows);
    const cases: Record<string, string[][]> = {
      structure: [units.map(({ a }) => a.structure || '(none)'), units.map(({ b }) => b.structure || '(none)')],
    };
    for (const code of ['P', 'CO', 'T', 'LA', 'B', 'ME', 'C']) cases[code] = [units.map(({ a }) => String(a.themes.includes(code))), units.map(({ b }) => String(b.themes.includes(code)))];
    cases.all = [Object.keys(cases).filter((name) => name !== 'structure').flatMap((name) => cases[name][0]), Object.keys(cases).filter((name) => name !== 'structure').flatMap((name) => cases[name][1])];
    const reference = nltk(cases);
    const pinned = Object.fromEntries(STUDY_CSV.split('\n').slice(1, -1).map((line) => line.split(',')).map((cells) => [cells[0] === 'structure' && cells[1] === 'all' ? 'structure' : cells[1], { kappa: cells[7], alpha: cells[8] }]));
    for (const name of Object.keys(cases)) {
      expect({ name, kappa: reference[name].kappa!.toFixed(4), alpha: reference[name].alpha.toFixed(4) }).toEqual({ name, ...pinned[name] });
    }
  });
});
