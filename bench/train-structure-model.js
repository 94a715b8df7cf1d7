// Trains the shipped structure model, codebooks/labov-model.json, from the
// RTN corpus's train partition (in ../shared, not shipped) and the
// project's written-account training sets. Run with `npm run train:structure`;
// the same data give the same file, byte for byte.
import { trainStructureModel } from '../dist/structure/model/api.js';

const { model, out } = await trainStructureModel({
  inputs: ['../shared/reference/narrative-clauses/rtn-train.csv', 'test/fixtures/structure-train/written.csv', 'test/fixtures/structure/invented.csv'],
  out: 'codebooks/labov-model.json',
  force: true,
  name: 'Labov & Waletzky clause types',
  description: 'A multinomial logistic regression over interpretable clause features (tense and aspect, clause shape, subject, connectives, evaluative words, position, neighbours, words, and the verdicts of codebooks/labov.yaml), trained on spoken personal narratives and written reflective accounts. Rebuild with npm run train:structure.',
});
console.log(`Wrote ${out}: ${model.tags.join(', ')}, ${model.weights.size} features, from ${model.training.files.map((f) => `${f.file} (${Object.values(f.clauses).reduce((a, b) => a + b, 0)} clauses)`).join(', ')}`);
