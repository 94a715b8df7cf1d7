// How far the structure tags agree with people who tagged clauses by Labov's
// definitions: the shipped model (the default) on the RTN corpus's val
// partition (if ../shared is there) and on written accounts, and the cue
// file (--structure-rules) on the same written accounts. Run with
// `npm run agreement:structure`.
import { existsSync } from 'node:fs';
import { evaluateStructureModel, formatEvaluation } from '../dist/index.js';
import { compareStructure, evaluateStructure, readReference } from '../dist/structure/evaluate.js';
import { loadStructureTagger } from '../dist/structure/active-tags.js';

const RTN_VAL = '../shared/reference/narrative-clauses/rtn-val.csv';
if (existsSync(RTN_VAL)) {
  console.log(formatEvaluation(await evaluateStructureModel({ inputs: [RTN_VAL], model: 'codebooks/labov-model.json' })));
}
const SETS = [
  ['the study\'s figures (line units)', 'samples/study/coding.csv', ['samples/study/accounts']],
  ['held-out accounts (97 clauses; never used for training or tuning)', 'test/fixtures/structure/heldout.csv', ['test/fixtures/structure/heldout-accounts.csv']],
  ['invented sample accounts (the model was trained on these; the cues were tuned on them)', 'test/fixtures/structure/invented.csv', ['samples/accounts.csv']],
];
const f = (value) => (value === null ? 'n/a' : value.toFixed(3));
for (const [tagger, choice] of [['shipped model', {}], ['cue file', { structureRules: 'codebooks/labov.yaml' }]]) {
  const tags = await loadStructureTagger(choice);
  for (const [name, reference, inputs] of SETS) {
    const units = await compareStructure(await readReference(reference), inputs, tags, reference);
    const { agreement, tags: perTag, message } = evaluateStructure(units, tags);
    const counts = new Map();
    for (const unit of units) if (unit.structure) counts.set(unit.structure, (counts.get(unit.structure) ?? 0) + 1);
    const majority = Math.max(...counts.values()) / agreement.overall.units;
    console.log(`${tagger}, ${name}: ${agreement.overall.units} units, accuracy ${f(agreement.overall.agreement)}, Cohen's kappa ${f(agreement.overall.kappa)} (${agreement.overall.reading}); majority tag ${f(majority)}`);
    console.log(`  ${perTag.map((row) => `${row.tag} P ${f(row.precision)} R ${f(row.recall)}`).join('  ')}  message note P ${f(message.precision)} R ${f(message.recall)}`);
  }
}
