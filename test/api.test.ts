import { describe, expect, it } from 'vitest';
import { codeThemes, DEFAULT_CODEBOOK, loadAccounts, loadCodebook, loadStructureTags, planInputs, segment, tagStructure, toDoc } from '../src/index.js';

describe('the library API, as the README shows it', () => {
  it('runs the stages one account at a time', async () => {
    const stages = [
      segment({ unit: 'sentence' }),
      codeThemes({ codebook: await loadCodebook(DEFAULT_CODEBOOK) }),
      tagStructure({ tags: await loadStructureTags() }),
    ];
    const coded: Array<[string, string[]]> = [];
    for await (const item of loadAccounts(await planInputs(['samples/accounts.csv']))) {
      if (!('participant' in item)) continue;
      const doc = toDoc(item);
      for (const stage of stages) stage(doc);
      coded.push([doc.participant, doc.segments.map((s) => `${s.structure?.tag} ${s.themes.map((t) => t.code).join('/')}`)]);
    }
    expect(coded).toHaveLength(15);
    expect(coded.slice(0, 2)).toEqual([
      ['A05', ['OR T', 'OR CO/T/WB', 'EV ME', 'EV CO/T/LA/ME']],
      ['A11', ['EV CO/ME', 'OR P/CO/T', 'OR T', 'EV P/T']],
    ]);
  });
});
