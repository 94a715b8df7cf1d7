// How far the structure tagger agrees with trained analysts, on three reference
// codings: the study's Figures 2 and 3 (line units), 81 clauses of the
// invented sample accounts, and 97 clauses of 8 held-out accounts, both
// labelled by Labov's definitions. Run with
// `npm run agreement:structure`.
import { compareStructure, evaluateStructure, readReference } from '../dist/structure/evaluate.js';
import { loadStructureTags } from '../dist/structure/active-tags.js';

const SETS = [
  ['the study\'s figures (line units)', 'samples/study/coding.csv', ['samples/study/accounts']],
  ['invented accounts (clauses; the cues were tuned on these)', 'test/fixtures/structure/invented.csv', ['samples/accounts.csv']],
  ['held-out accounts (clauses; never used for tuning)', 'test/fixtures/structure/heldout.csv', ['test/fixtures/structure/heldout-accounts.csv']],
];
const tags = await loadStructureTags();
const f = (value) => (value === null ? 'n/a' : value.toFixed(3));
for (const [name, reference, inputs] of SETS) {
  const units = await compareStructure(await readReference(reference), inputs, tags, reference);
  const { agreement, tags: perTag, message } = evaluateStructure(units, tags);
  console.log(`${name}: ${agreement.overall.units} units, accuracy ${f(agreement.overall.agreement)}, Cohen's kappa ${f(agreement.overall.kappa)} (${agreement.overall.reading}), Krippendorff's alpha ${f(agreement.overall.alpha)}`);
  for (const row of perTag) console.log(`  ${row.tag.padEnd(3)} precision ${f(row.precision)}  recall ${f(row.recall)}`);
  console.log(`  message note: precision ${f(message.precision)}  recall ${f(message.recall)}`);
}
