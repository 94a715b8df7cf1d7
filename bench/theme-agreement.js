// How far the default theme codebook agrees with coding by hand from the
// study's Figure 1 descriptors, on clauses of accounts the codebook was not
// written from: tuning sets (the rules may be tuned while reading them) and
// held-out sets (never used for tuning). Beside each kappa stands the
// baseline of a coder who gives no theme at all (the majority decision for
// every theme). The tuning sets are also scored together, and so are the
// held-out sets (pooled over every clause). Then the agreement of two
// people coding the second held-out set, and last the share of the study's
// own codes on its Figures 2 and 3 (A32, A44) that the codebook finds. Run
// with `npm run agreement:themes`; `node bench/theme-agreement.js --tuning`
// (after a build) leaves the held-out sets out, for work on the rules.
import { compareThemes, evaluateThemes, readThemeReference } from '../dist/code/evaluate.js';
import { loadCodebook } from '../dist/codebook/read.js';
import { DEFAULT_CODEBOOK } from '../dist/codebook/shipped.js';

const TUNING = [
  ['test/fixtures/themes/tuning.csv', ['test/fixtures/themes/tuning-accounts.csv']],
  ['test/fixtures/themes/tuning2.csv', ['test/fixtures/themes/tuning2-accounts.csv']],
  ['test/fixtures/themes/tuning3.csv', ['test/fixtures/themes/tuning3-accounts.csv']],
  ['test/fixtures/themes/tuning4.csv', ['test/fixtures/themes/tuning4-accounts.csv']],
  ['test/fixtures/themes/tuning5.csv', ['test/fixtures/themes/tuning5-accounts.csv']],
  ['test/fixtures/themes/tuning6.csv', ['test/fixtures/themes/tuning6-accounts.csv']],
  ['test/fixtures/themes/tuning7.csv', ['test/fixtures/themes/tuning7-accounts.csv']],
  ['test/fixtures/themes/tuning8.csv', ['test/fixtures/themes/tuning8-accounts.csv']],
  ['test/fixtures/themes/tuning9.csv', ['test/fixtures/themes/tuning9-accounts.csv']],
];
const HELDOUT = [['test/fixtures/themes/heldout.csv', ['test/fixtures/themes/heldout-accounts.csv']]];
const HELDOUT2 = [['test/fixtures/themes/heldout2.csv', ['test/fixtures/themes/heldout2-accounts.csv']]];
const HELDOUT3 = [
  ['test/fixtures/themes/heldout3.csv', ['test/fixtures/themes/heldout3-accounts.csv']],
  ['test/fixtures/themes/heldout4.csv', ['test/fixtures/themes/heldout4-accounts.csv']],
];
const SETS = [
  ['tuning accounts (clauses; the rules may be tuned on these)', [TUNING[0]]],
  ['second tuning accounts (clauses; the rules may be tuned on these)', [TUNING[1]]],
  ['third tuning accounts (clauses; coded blind to the codebook, then the rules may be tuned on these)', [TUNING[2]]],
  ['fourth tuning accounts (clauses; coded blind to the codebook, then the rules may be tuned on these)', [TUNING[3]]],
  ['fifth tuning accounts (clauses; coded blind to the codebook, then the rules may be tuned on these)', [TUNING[4]]],
  ['sixth to ninth tuning accounts (clauses; written and coded blind to the codebook by four more coders, then the rules may be tuned on these)', TUNING.slice(5)],
  ['the tuning sets together', TUNING],
  ['held-out accounts (clauses; never used for tuning)', HELDOUT],
  ['second held-out accounts (clauses; coded blind to the codebook, never used for tuning)', HELDOUT2],
  ['third and fourth held-out accounts (clauses; written and coded blind to the codebook by two more coders after codebook v6, never used for tuning)', HELDOUT3],
  ['the held-out sets together', [...HELDOUT, ...HELDOUT2, ...HELDOUT3]],
];
const codebook = await loadCodebook(DEFAULT_CODEBOOK);
const f = (value) => (value === null ? 'n/a' : value.toFixed(3));
const pct = (value) => (value === null ? 'n/a' : `${(100 * value).toFixed(1)}%`);
console.log(`"${codebook.name}" v${codebook.version} against coding by hand from the descriptors:`);
// With --tuning, only the sets made wholly of tuning accounts.
const only = process.argv.includes('--tuning') ? (files) => files.every((set) => TUNING.includes(set)) : () => true;
for (const [name, files] of SETS.filter(([, files]) => only(files))) {
  const units = [];
  for (const [reference, inputs] of files) units.push(...(await compareThemes(await readThemeReference(reference), inputs, codebook, reference)));
  const { agreement, baseline } = evaluateThemes(units, codebook);
  console.log(`${name}: ${agreement.overall.units} segments`);
  console.log('  theme  hand  tool   kappa  agree   baseline kappa  agree');
  const rows = [...agreement.codes, { ...agreement.overall, code: 'all', codedA: '', codedB: '' }];
  for (const row of rows) {
    const base = row.code === 'all' ? baseline.overall : baseline.codes.find((other) => other.code === row.code);
    console.log(`  ${row.code.padEnd(5)} ${String(row.codedA).padStart(4)} ${String(row.codedB).padStart(5)}  ${f(row.kappa).padStart(6)} ${pct(row.agreement).padStart(6)}   ${f(base?.kappa ?? 0).padStart(14)} ${pct(base?.agreement ?? 1).padStart(6)}`);
  }
}
const second = await readThemeReference('test/fixtures/themes/heldout2-second-coder.csv');
const people = evaluateThemes((await readThemeReference(HELDOUT2[0][0])).map((unit, i) => ({ ...unit, got: second[i].themes })), codebook).agreement.overall;
console.log(`two coders, each coding the second held-out set from the descriptors alone: pooled kappa ${f(people.kappa)}, agreement ${pct(people.agreement)}`);
const figures = evaluateThemes(await compareThemes(await readThemeReference('samples/study/coding.csv'), ['samples/study/accounts'], codebook), codebook);
console.log(`the study's Figures 2 and 3 (A32, A44, lines): recall ${f(figures.recall)}, precision ${f(figures.precision)}`);
