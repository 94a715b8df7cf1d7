import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fisherExact, independence } from '../src/groups/independence.js';
import { cli, tempDir } from './helpers/cli.js';

const HEADER = 'code,name,group,group_participants,group_segments,segments,percent_segments,participants,percent_participants,chi_square,df,p_value,test,difference';

/** A reviewed segments.csv: participant, site and the themes of each of its segments. */
function segmentsCsv(folder: string, participants: Array<[string, string, string[]]>): string {
  const rows = participants.flatMap(([id, site, themes]) => themes.map((theme, i) => `${id},${i + 1},Text ${i + 1}.,${theme},EV,${site}`));
  const file = join(folder, 'segments.csv');
  writeFileSync(file, `participant,segment,text,themes,structure,site\n${rows.join('\n')}\n`);
  return file;
}

describe('groups', () => {
  it('pins the counts, percentages and the chi-square of a 2 x 2 table computed by hand', async () => {
    // North: 10 participants, 8 with CO (two segments each: "CO" then "T"), 2 without (one "T" segment).
    // South: 10 participants, 2 with CO, 8 without.
    const people: Array<[string, string, string[]]> = [];
    for (let i = 1; i <= 10; i++) people.push([`N${i}`, 'North', i <= 8 ? ['CO', 'T'] : ['T']]);
    for (let i = 1; i <= 10; i++) people.push([`S${i}`, 'South', i <= 2 ? ['CO', 'T'] : ['T']]);
    const folder = tempDir();
    const run = await cli(['tabulate', segmentsCsv(folder, people), '--out', join(folder, 'out'), '--by', 'site', '--no-report']);
    expect(run.code).toBe(0);
    // By hand: with CO [8, 2], without [2, 8]; every expected count is 10 x 10 / 20 = 5;
    // chi-square = 4 x (8 - 5)^2 / 5 = 7.2 on 1 df; p = P(chi-square(1) > 7.2) = 0.00729.
    const lines = readFileSync(join(folder, 'out', 'themes-by-site.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe(`\uFEFF${HEADER}`);
    expect(lines.filter((line) => line.startsWith('CO,'))).toEqual([
      'CO,Coaching,North,10,18,8,44.4,8,80.0,7.200,1,0.0073,chi-square,differs between groups (p = 0.007)',
      'CO,Coaching,South,10,12,2,16.7,2,20.0,7.200,1,0.0073,chi-square,differs between groups (p = 0.007)',
    ]);
    // T: every participant has it; nothing varies, so there is no test.
    expect(lines.filter((line) => line.startsWith('T,'))).toEqual([
      'T,Transformation,North,10,18,10,55.6,10,100.0,,,,,"no test (one group, or no variation)"',
      'T,Transformation,South,10,12,10,83.3,10,100.0,,,,,"no test (one group, or no variation)"',
    ]);
    expect(readFileSync(join(folder, 'out', 'structure-by-site.csv'), 'utf8').split('\n').find((line) => line.startsWith('EV,'))).toBe('EV,Evaluating Action,North,10,18,18,100.0,10,100.0,,,,,"no test (one group, or no variation)"');
  });

  it('gives Fisher\'s exact test when an expected count is under 5, on the sample accounts by site', async () => {
    const out = join(tempDir(), 'out');
    const run = await cli(['analyse', 'samples/accounts.csv', '--by', 'site', '--out', out, '--no-report']);
    expect(run.code).toBe(0);
    // P by hand: with P [North 4, South 5], without [4, 2]; 15 participants, 9 with P, 8 in North.
    // Expected with P in North 8 x 9 / 15 = 4.8 (< 5), so Fisher's test: P(x) = C(9, x) C(6, 8 - x) / C(15, 8) for x
    // with P in North; the tables no more likely than x = 4 (1890 / 6435) are x = 2, 3, 4, 6, 7, 8:
    // p = (36 + 504 + 1890 + 1260 + 216 + 9) / 6435 = 3915 / 6435 = 0.6084.
    // Chi-square: 0.8^2 x (1/4.8 + 1/3.2 + 1/4.2 + 1/2.8) = 0.714.
    expect(fisherExact(4, 5, 4, 2)).toBeCloseTo(3915 / 6435, 10);
    const lines = readFileSync(join(out, 'themes-by-site.csv'), 'utf8').split('\n');
    expect(lines.filter((line) => line.startsWith('P,'))).toEqual([
      "P,Participation,North,8,53,7,13.2,4,50.0,0.714,1,0.6084,Fisher's exact (expected < 5),no clear difference (p = 0.61)",
      "P,Participation,South,7,43,8,18.6,5,71.4,0.714,1,0.6084,Fisher's exact (expected < 5),no clear difference (p = 0.61)",
    ]);
  });

  it('puts a section per --by column in report.md, with the participants per group and the difference in words', async () => {
    const out = join(tempDir(), 'out');
    expect((await cli(['analyse', 'samples/accounts.csv', '--by', 'site', '--out', out, '--deterministic'])).code).toBe(0);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('## Themes by site\n');
    expect(report).toContain('| Code | Theme | North (8) | South (7) | Difference between groups |\n');
    expect(report).toContain('| P | Participation | 4 (50.0%) | 5 (71.4%) | no clear difference (p = 0.61) |\n');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<h2>Themes by site</h2>');
  });

  it('marks a larger table with a small expected count as unreliable', () => {
    const result = independence([[4, 1, 1], [1, 4, 4]]);
    expect(result?.test).toBe('chi-square');
    expect(result?.reliable).toBe(false);
    expect(result?.df).toBe(2);
  });

  it('pools groups under --min-group-size, or leaves them out when still too small', async () => {
    const people: Array<[string, string, string[]]> = [];
    const sites = ['East', 'East', 'East', 'North', 'North', 'North', 'South', 'South', 'West', 'West'];
    sites.forEach((site, i) => people.push([`P${i + 1}`, site, i % 2 === 0 ? ['CO'] : ['T']]));
    const folder = tempDir();
    const pooled = await cli(['tabulate', segmentsCsv(folder, people), '--out', join(folder, 'a'), '--by', 'site', '--min-group-size', '3', '--no-report']);
    expect(pooled.stderr).toBe('reflect-code: warning: --by site: groups "South", "West" have fewer than 3 participants (--min-group-size); pooled into "Other (small groups)" [groups-pooled]\n');
    const groups = readFileSync(join(folder, 'a', 'themes-by-site.csv'), 'utf8').split('\n').filter((line) => line.startsWith('CO,')).map((line) => line.split(',').slice(2, 4).join(' '));
    expect(groups).toEqual(['East 3', 'North 3', 'Other (small groups) 4']);
    const few = tempDir();
    const lone = await cli(['tabulate', segmentsCsv(few, people.slice(0, 7)), '--out', join(few, 'out'), '--by', 'site', '--min-group-size', '3', '--no-report']);
    expect(lone.stderr).toBe('reflect-code: warning: --by site: group "South" has fewer than 3 participants (--min-group-size), 1 in all, too few to show even pooled; left out of the group tables [groups-left-out]\n');
    expect(readFileSync(join(few, 'out', 'themes-by-site.csv'), 'utf8')).not.toContain('South');
  });

  it('stops on an unknown --by column, listing the columns there are', async () => {
    const run = await cli(['analyse', 'samples/accounts.csv', '--by', 'sites', '--out', join(tempDir(), 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('reflect-code: error: expected --by to name a column of the inputs, got "sites" (did you mean "site"?); the columns are "setting", "years_in_role", "site", "role" [option-invalid]\n');
  });

  it('warns when a participant\'s rows disagree on a column', async () => {
    const folder = tempDir();
    const file = join(folder, 'segments.csv');
    writeFileSync(file, 'participant,segment,text,themes,structure,site\nA1,1,One.,CO,EV,North\nA1,2,Two.,T,EV,South\n');
    const run = await cli(['tabulate', file, '--out', join(folder, 'out'), '--no-report']);
    expect(run.stderr).toBe(`reflect-code: warning: ${file}:3: participant "A1" has more than one value in column "site" ("North", then "South"); the first is kept for the tables and the group comparisons [metadata-varies]\n`);
  });
});
