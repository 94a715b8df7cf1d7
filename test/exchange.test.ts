import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { DEFAULT_CODEBOOK, parseCodebook } from '../src/index.js';
import { exportCodebook, importCodebook } from '../src/codebook/exchange.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/exchange');
const fixture = (name: string) => join(FIXTURES, name);

/** Validates a .qdc text against the REFI-QDA Codebook.xsd kept in the fixtures. */
async function validQdc(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'codebook.qdc', contents: xml }], schema: [{ fileName: 'Codebook.xsd', contents: readFileSync(fixture('Codebook.xsd'), 'utf8') }] });
  return result.errors.map((error) => error.rawMessage);
}

describe('import', () => {
  it('reads a LIWC .dic, dropping conditional and parenthetical lines with a warning naming each', async () => {
    const { draft, messages } = await importCodebook(fixture('small.dic'));
    expect(draft.codes).toEqual([
      { code: 'support', name: 'support', patterns: ['help*', 'support', { term: 'tired', shared: true }], phrases: ['one to one'] },
      { code: 'strain', name: 'strain', patterns: ['stress*', { term: 'tired', shared: true }] },
    ]);
    expect(messages.map(String)).toEqual([
      `${fixture('small.dic')}:10: dropped "kind <of>	1": conditional and parenthetical entries have no equivalent here; add the case by hand as a phrase or exclude [import-dropped-entry]`,
      `${fixture('small.dic')}:11: dropped "like	(02 134)131": conditional and parenthetical entries have no equivalent here; add the case by hand as a phrase or exclude [import-dropped-entry]`,
      `${fixture('small.dic')}:13: entry "never" names category 9, which the header does not list; left out of it [import-unknown-category]`,
      `${fixture('small.dic')}: category "empty" has no entries it can keep; left out [import-empty-category]`,
    ]);
  });

  it('refuses a LIWC .dic that numbers two categories alike, naming the line', async () => {
    const file = join(tempDir(), 'twice.dic');
    writeFileSync(file, '%\n1\tposemo\n1\tnegemo\n%\nhappy\t1\n');
    const error: unknown = await importCodebook(file).catch((thrown: unknown) => thrown);
    expect(String(error)).toBe(`${file}:3: expected each category number once, got 1 for "posemo" and again for "negemo"; renumber one of them [import-duplicate-category]`);
  });

  it('reads a LIWC-22 .dicx', async () => {
    const { draft, messages } = await importCodebook(fixture('small.dicx'));
    expect(draft.codes).toEqual([
      { code: 'support', name: 'support', patterns: ['help*', { term: 'tired', shared: true }] },
      { code: 'strain', name: 'strain', patterns: [{ term: 'tired', shared: true }], phrases: ['worn out'] },
    ]);
    expect(messages.map(String)).toEqual([`${fixture('small.dicx')}:5: dropped ":-)": expected a word with * wildcards or words separated by spaces [import-dropped-entry]`]);
  });

  it('reads a quanteda dictionary, nested keys as children', async () => {
    const { draft, messages } = await importCodebook(fixture('quanteda.yml'));
    expect(draft.codes).toEqual([
      {
        code: 'support',
        name: 'support',
        children: [
          { code: 'peer', name: 'peer', patterns: ['colleague*'], phrases: ['each other'] },
          { code: 'family', name: 'family', patterns: ['relative*', 'famil*'] },
        ],
      },
      { code: 'strain', name: 'strain', patterns: ['stress*', 'tired'] },
    ]);
    expect(messages.map(String)).toEqual([`${fixture('quanteda.yml')}:4:26: dropped 42: expected a word with * or ? wildcards or words separated by spaces [import-dropped-entry]`]);
  });

  it('reads a REFI-QDA .qdc: names as written, descriptions, hierarchy, folders, colours and GUIDs, no rules', async () => {
    const { draft, messages } = await importCodebook(fixture('tool.qdc'));
    expect(draft.codes).toEqual([
      {
        code: 'Support', name: 'Support', guid: '3a9e1b2c-0d4f-4e5a-8b6c-7d8e9f0a1b2c', colour: '#2E86C1', codable: false, description: 'Help given or received.',
        children: [{ code: 'Support_2', name: 'Support', guid: '4B0F2C3D-1E5A-4F6B-9C7D-8E9F0A1B2C3D', colour: '#CC3333' }, { code: 'Peer_support', name: 'Peer support', guid: '6d2b4e5f-3a7c-4b8d-9e0f-1a2b3c4d5e6f' }],
      },
      { code: 'C_2020_changes', name: '2020 changes', guid: '5c1a3d4e-2f6b-4a7c-8d8e-9f0a1b2c3d4e', codable: false },
      { code: 'Interest_cognitive-emotional', name: 'Interest (cognitive-emotional)', guid: '7e3c5f60-4b8d-4c9e-8f10-2b3c4d5e6f70' },
      { code: 'Sárga_zóna', name: 'Sárga zóna', guid: '8f4d6071-5c9e-4daf-9021-3c4d5e6f7081' },
    ]);
    expect(messages.map(String)).toEqual([`${fixture('tool.qdc')}: 1 code set left out: a reflect-code codebook has no sets (group codes under a parent code instead) [import-dropped-sets]`]);
  });

  it('gives another program its own codebook back: every name, GUID, colour and folder as it was, through YAML and back twice', async () => {
    const dir = tempDir();
    const attributes = (xml: string) => [...xml.matchAll(/<Code guid="\{?([^"}]+)\}?" name="([^"]+)" isCodable="(\w+)"(?: color="([^"]+)")?/g)].map(([, guid, name, codable, colour]) => [guid.toLowerCase(), name, codable, colour?.toUpperCase().replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3')]);
    const original = attributes(readFileSync(fixture('tool.qdc'), 'utf8'));
    let qdc = fixture('tool.qdc');
    for (const round of [1, 2]) {
      const yaml = join(dir, `round${round}.yaml`);
      await exportCodebook(qdc, { format: 'yaml', out: yaml });
      qdc = join(dir, `round${round}.qdc`);
      await exportCodebook(yaml, { format: 'qdc', out: qdc });
      const xml = readFileSync(qdc, 'utf8');
      expect(await validQdc(xml)).toEqual([]);
      expect(attributes(xml), `round ${round}`).toEqual(original);
    }
  });

  it('writes imports as codebooks that load, naming the schema in the first line', async () => {
    const out = join(tempDir(), 'imported.yaml');
    for (const name of ['small.dic', 'small.dicx', 'quanteda.yml', 'tool.qdc']) {
      await exportCodebook(fixture(name), { format: 'yaml', out, force: true });
      const text = readFileSync(out, 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.?\/.*codebooks\/codebook\.schema\.json$/);
      expect(parseCodebook(text, out).codebook, name).toBeDefined();
    }
  });
});

describe('export to REFI-QDA', () => {
  it('writes a .qdc of the shipped codebook that validates against Codebook.xsd, the same bytes every time', async () => {
    const first = (await exportCodebook(DEFAULT_CODEBOOK, { format: 'qdc' })).text;
    expect(await validQdc(first)).toEqual([]);
    expect((await exportCodebook(DEFAULT_CODEBOOK, { format: 'qdc' })).text).toBe(first);
    expect(first).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="reflect-code">');
    expect(first).toMatch(/<Code guid="[0-9a-f-]{36}" name="Transformation \(T\)" isCodable="true" color="#DDCC77">/);
    expect(first).not.toMatch(/<(\w+)[^>]*>\s*<\/\1>|<Description\/>|<Codes\/>/);
  });

  it('keeps codes, names, descriptions, merged names and hierarchy through YAML → .qdc → YAML', async () => {
    const dir = tempDir();
    const yaml = join(dir, 'book.yaml');
    writeFileSync(yaml, ['name: Round trip', 'codes:', '  - code: SUP', '    name: Support', '    description: Help given or received.', '    aliases: [Encouragement]', '    keywords: [support]', '    children:', '      - {code: SUP.PEER, name: Peer support, description: "From colleagues & friends <at work>"}', '  - {code: STR, name: Strain, keywords: [stress]}', ''].join('\n'));
    const qdc = join(dir, 'book.qdc');
    await exportCodebook(yaml, { format: 'qdc', out: qdc });
    expect(await validQdc(readFileSync(qdc, 'utf8'))).toEqual([]);
    const back = parseCodebook((await exportCodebook(qdc, { format: 'yaml' })).text, 'back.yaml').codebook!;
    expect(back.codes.map(({ code, name, description, aliases, parent }) => ({ code, name, description, aliases, parent }))).toEqual([
      { code: 'SUP', name: 'Support', description: 'Help given or received.', aliases: ['Encouragement'], parent: undefined },
      { code: 'SUP.PEER', name: 'Peer support', description: 'From colleagues & friends <at work>', aliases: [], parent: 'SUP' },
      { code: 'STR', name: 'Strain', description: '', aliases: [], parent: undefined },
    ]);
  });
});

describe('reflect-code codebook (the command line)', () => {
  it('validate lists five different mistakes, each located, and exits 2', async () => {
    const file = join(tempDir(), 'five.yaml');
    writeFileSync(file, ['name: Five mistakes', 'codes:', '  - code: SUP', '    name: Support', '    keywords: [support, help]', '    phrases: []', '  - code: STR', '    name: Strain', '    keywrods: [stress]', '  - code: SUP', '    name: Support again', '  - code: CO', '    name: Coaching', '    keywords: [helping]', "    regex: ['(a+)+$']", ''].join('\n'));
    const { code, stderr, stdout } = await cli(['codebook', 'validate', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').map((line) => line.replace(file, 'five.yaml').replace(/ \(for instance on .*\);/, ' (...);'))).toEqual([
      'reflect-code: error: five.yaml:6:14: code "SUP" > phrases: expected at least 1 item, got an empty list [codebook-schema]',
      'reflect-code: error: five.yaml:9:5: code "STR": unknown key "keywrods" (did you mean "keywords"?); expected one of code, name, description, aliases, negated, keywords, phrases, patterns, regex, exclude, min_matches, children, guid, colour, codable [codebook-schema]',
      'reflect-code: error: five.yaml:10:11: code "SUP" is defined twice (first at line 3); expected each code once [codebook-duplicate-code]',
      'reflect-code: error: five.yaml:14:16: code "CO" > keywords > item 1: "helping" also applies code "SUP" (line 5); expected each term in one code, or shared: true (write {term: helping, shared: true}) to mean both [codebook-shared-term]',
      'reflect-code: error: five.yaml:15:13: code "CO" > regex > item 1: expected a regular expression that runs in linear time, got "(a+)+$", which can take exponential time (...); avoid a repeated group that can match the same text in two ways, such as (a+)+ or (a|a)* [codebook-bad-regex]',
      'five.yaml: 5 problems',
      '',
    ]);
  });

  it('validate summarises a valid codebook and a cue file, exit 0', async () => {
    expect(await cli(['codebook', 'validate', 'codebooks/mentorship.yaml'])).toEqual({ code: 0, stdout: 'codebooks/mentorship.yaml: valid theme codebook "Social care mentorship study", 9 codes, 1041 rules\n', stderr: '' });
    expect((await cli(['codebook', 'validate', 'codebooks/labov.yaml'])).stdout).toBe('codebooks/labov.yaml: valid structure cue file "Labov and Waletzky structure cues", 6 tags, 30 cues\n');
    expect((await cli(['codebook', 'validate', 'codebooks/starter.yaml'])).code).toBe(0);
  });

  it('explain shows the rules that fired and the matches vetoed', async () => {
    const { code, stdout } = await cli(['codebook', 'explain', 'codebooks/mentorship.yaml', 'I did not enjoy the health centre, but I learnt nothing. I felt calm.']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Segment 1 [0-34]: I did not enjoy the health centre,',
        '  WB Well Being: not applied (score 0 of 1 needed)',
        '    - keyword health matched "health", vetoed by except ("health centre")',
        'Segment 2 [35-56]: but I learnt nothing.',
        '  LB Learning (negative): applied',
        '    + keyword learn (of LA) matched "learnt", negated by "nothing" (counts for LB)',
        'Segment 3 [57-69]: I felt calm.',
        '  ME Manage and use Emotion: applied',
        '    + keyword feel matched "felt"',
        '    + keyword calm matched "calm"',
        '',
      ].join('\n'),
    );
  });

  it('explain shows every tag\'s total and cues for a structure cue file', async () => {
    expect((await cli(['codebook', 'explain', 'codebooks/labov.yaml', 'Then the inspector asked to see the care plans.'])).stdout).toBe(
      ['Segment 1 [0-47]: Then the inspector asked to see the care plans.', '  features: simple-past, first, last', '  OR 0', '  CA 3: simple past event +2; sequence marker: Then +1', '  EV 0', '  RE 0', '  tag: CA', ''].join('\n'),
    );
  });

  it('init writes the starter codebook, which validates; it refuses to overwrite without --force', async () => {
    const dir = tempDir();
    expect(await cli(['codebook', 'init', 'codebook.yaml'], dir)).toEqual({ code: 0, stdout: 'Wrote codebook.yaml. Check it with: reflect-code codebook validate codebook.yaml\n', stderr: '' });
    expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.?\/.*\/codebooks\/codebook\.schema\.json$/);
    expect((await cli(['codebook', 'validate', 'codebook.yaml'], dir)).code).toBe(0);
    expect(await cli(['codebook', 'init', 'codebook.yaml'], dir)).toEqual({ code: 2, stdout: '', stderr: 'reflect-code: error: codebook.yaml: the output file exists; expected a new file (add --force to replace it) [out-exists]\n' });
  });

  it('show lists codes with rule counts as Markdown or CSV', async () => {
    const csv = (await cli(['codebook', 'show', 'codebooks/starter.yaml', '--format', 'csv'])).stdout.split('\n');
    expect(csv.slice(0, 3)).toEqual([
      'code,name,parent,aliases,keywords,phrases,patterns,regex,exclude,min_matches,description',
      'SUP,Support,,Encouragement,3,2,0,0,1,1,"Help given or received, by staff, managers or families."',
      'SUP.PEER,Peer support,SUP,,0,2,0,0,0,1,Help from colleagues at the same level.',
    ]);
    expect((await cli(['codebook', 'show', 'codebooks/mentorship.yaml'])).stdout).toContain('| ME | Manage and use Emotion |  | Attentiveness | 84 | 32 | 0 | 0 | 0 | 1 |');
  });

  it('import and export write files; an unknown type is refused with the known ones', async () => {
    const dir = tempDir();
    expect((await cli(['codebook', 'import', fixture('small.dicx'), '--out', join(dir, 'liwc.yaml')])).stdout).toBe(`Wrote ${join(dir, 'liwc.yaml')} (1 warning above).\n`);
    expect((await cli(['codebook', 'export', join(dir, 'liwc.yaml'), '--format', 'qdc', '--out', join(dir, 'liwc.qdc')])).code).toBe(0);
    expect(readFileSync(join(dir, 'liwc.qdc'), 'utf8')).toContain('name="strain"');
    expect((await cli(['codebook', 'import', 'README.md'])).stderr).toBe('reflect-code: error: README.md: expected a codebook file of a known type, .dic (LIWC), .dicx (LIWC-22), .yaml or .yml (a reflect-code codebook or a quanteda dictionary), .qdc (REFI-QDA); got ".md" [import-unknown-type]\n');
  });

  it.each([
    ['a tag never closed', '<?xml version="1.0"?>\n<CodeBook>\n  <Codes>\n    <Code name="A">\n  </Codes>\n</CodeBook>\n', "5:3: expected well-formed XML (a REFI-QDA codebook), got: Expected closing tag 'Code' (opened in line 4, col 5) instead of closing tag 'Codes'"],
    ['text after the end', '<?xml version="1.0"?>\n<CodeBook><Codes><Code name="A"/></Codes></CodeBook>\ngarbage\n', '3:1: expected well-formed XML (a REFI-QDA codebook), got: Extra text at the end'],
    ['an attribute given twice', '<?xml version="1.0"?>\n<CodeBook><Codes>\n<Code name="A" name="B"/></Codes></CodeBook>\n', "3:16: expected well-formed XML (a REFI-QDA codebook), got: Attribute 'name' is repeated"],
    ['a code without a name', '<?xml version="1.0"?>\n<CodeBook><Codes>\n  <!-- <Code name="in a comment"/> -->\n  <Code name="A">\n    <Code isCodable="true"/>\n  </Code>\n</Codes></CodeBook>\n', '5: expected a <Code> with a name="..." attribute, got none'],
  ])('a malformed .qdc (%s) is refused with its line, exit 2, and nothing written', async (_, xml, expected) => {
    const dir = tempDir();
    const file = join(dir, 'bad.qdc');
    writeFileSync(file, xml);
    const run = await cli(['codebook', 'import', file, '--out', join(dir, 'bad.yaml')]);
    expect(run.stderr).toBe(`reflect-code: error: ${file}:${expected} [import-bad-qdc]\n`);
    expect(run.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['bad.qdc']);
  });
});
