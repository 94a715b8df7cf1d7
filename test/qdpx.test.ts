import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { cli, ROOT, tempDir } from './helpers/cli.js';

const SCHEMA = readFileSync(join(ROOT, 'test/fixtures/exchange/Project.xsd'), 'utf8');
const TWO_CODERS = join(ROOT, 'test/fixtures/qdpx/two-coders');

/** Errors of a project.qde against the REFI-QDA Project.xsd kept in the fixtures. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project.xsd', contents: SCHEMA }] });
  return result.errors.map((error) => error.rawMessage);
}

/** The hand-made two-coder project, zipped as a tool would (its sources in `Sources/`). */
function twoCodersProject(folder: string): string {
  const sources = Object.fromEntries(readdirSync(join(TWO_CODERS, 'Sources')).map((name) => [name, readFileSync(join(TWO_CODERS, 'Sources', name))]));
  const file = join(folder, 'two-coders.qdpx');
  writeFileSync(file, zipSync({ 'project.qde': readFileSync(join(TWO_CODERS, 'project.qde')), Sources: sources }));
  return file;
}

/** Accounts with an emoji, CRLF line ends and Chinese text. */
function hardAccounts(folder: string): string {
  const file = join(folder, 'accounts.csv');
  writeFileSync(file, [
    'participant,text,site',
    'E1,"Since the mentoring I ask my team what they think 😀 before I plan the rota.\r\nI used to decide alone.\r\n- I now delegate the audits to my seniors.",North',
    'E2,"我们 now meet every week 🎉 and I coach the new starters. I felt anxious at first, but I stayed calm.",South',
    'E3,"Nothing has changed on my unit, honestly.",North',
    '',
  ].join('\r\n'));
  return file;
}

const rowsOf = (file: string) => parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
const codingOf = (rows: Array<Record<string, string>>) => rows.map((row) => [row.participant, row.start, row.end, row.themes, row.structure, row.structure_note].join('|'));

describe('export qdpx', () => {
  it('writes a project that is valid against Project.xsd, with sources named by GUID and byte-for-byte reproducible', async () => {
    const folder = tempDir();
    const first = join(folder, 'a', 'study.qdpx');
    const again = join(folder, 'b', 'study.qdpx');
    const run = await cli(['export', 'qdpx', 'samples/accounts.csv', '--out', first]);
    expect(run).toEqual({ code: 0, stdout: `Wrote ${first}: 15 accounts, 96 coded segments, 227 codings (positions in code points).\n`, stderr: '' });
    expect((await cli(['export', 'qdpx', 'samples/accounts.csv', '--out', again, '-q'])).code).toBe(0);
    expect(readFileSync(first).equals(readFileSync(again))).toBe(true);
    const entries = unzipSync(readFileSync(first));
    const names = Object.keys(entries);
    expect(names[0]).toBe('project.qde');
    expect(names.filter((name) => /^sources\/[0-9A-F-]{36}\.txt$/.test(name))).toHaveLength(15);
    const xml = strFromU8(entries['project.qde']);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<Code guid="');
    expect(xml).toMatch(/name="Coaching \(CO\)" isCodable="true" color="#332288"/);
    expect(xml).toMatch(/name="Labov structure" isCodable="false"/);
    expect(xml).toMatch(/name="message \(EV:message\)" isCodable="true"/);
    expect(xml).toMatch(/<Variable guid="[0-9A-F-]{36}" name="site" typeOfVariable="Text"\/>/);
    expect(xml.match(/<Case /g)).toHaveLength(15);
    expect(xml.match(/<PlainTextSelection /g)).toHaveLength(96);
    expect(xml.match(/<Coding /g)).toHaveLength(227);
    const source = names.find((name) => name.startsWith('sources/'))!;
    expect(entries[source][0]).not.toBe(0xef);
  });

  it('gives the same codes another GUID in another project', async () => {
    const folder = tempDir();
    await cli(['export', 'qdpx', 'samples/accounts.csv', '--out', join(folder, 'one.qdpx')]);
    await cli(['export', 'qdpx', 'samples/accounts.csv', '--out', join(folder, 'two.qdpx')]);
    const guidOf = (file: string) => /<Code guid="([^"]+)" name="Coaching \(CO\)"/.exec(strFromU8(unzipSync(readFileSync(join(folder, file)))['project.qde']))?.[1];
    expect(guidOf('one.qdpx')).toMatch(/^[0-9A-F-]{36}$/);
    expect(guidOf('one.qdpx')).not.toBe(guidOf('two.qdpx'));
  });

  it('round-trips through import: the same participants, offsets and codes, for emoji, CRLF and Chinese text', async () => {
    const folder = tempDir();
    const accounts = hardAccounts(folder);
    expect((await cli(['analyse', accounts, '--out', join(folder, 'tool'), '--no-report'])).code).toBe(0);
    expect((await cli(['export', 'qdpx', accounts, '--coding', join(folder, 'tool', 'segments.csv'), '--out', join(folder, 'project.qdpx')])).code).toBe(0);
    const imported = await cli(['import', join(folder, 'project.qdpx'), '--out', join(folder, 'back')]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('segments-researcher.csv (researcher, ');
    const tool = rowsOf(join(folder, 'tool', 'segments.csv'));
    const back = rowsOf(join(folder, 'back', 'segments-researcher.csv'));
    expect(codingOf(back)).toEqual(codingOf(tool));
    expect(tool.some((row) => row.structure_note === 'message' || row.themes.includes(';'))).toBe(true);
    const texts = rowsOf(join(folder, 'back', 'accounts.csv'));
    expect(texts.map((row) => row.participant)).toEqual(['E1', 'E2', 'E3']);
    expect(texts[0].text).toContain('😀 before I plan the rota.\r\nI used to decide alone.');
  });

  it('writes UTF-16 positions for NVivo, which agree detects from the selections\' text', async () => {
    const folder = tempDir();
    const accounts = hardAccounts(folder);
    expect((await cli(['analyse', accounts, '--out', join(folder, 'tool'), '--no-report'])).code).toBe(0);
    expect((await cli(['export', 'qdpx', accounts, '--positions', 'utf16', '--out', join(folder, 'nvivo.qdpx'), '-q'])).code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(join(folder, 'nvivo.qdpx')))['project.qde']);
    expect(xml).toMatch(/name="before I plan the rota\." startPosition="53" endPosition="76"/);
    const run = await cli(['agree', join(folder, 'nvivo.qdpx'), join(folder, 'tool', 'segments.csv')]);
    expect(run.stdout).toContain('0 rows only in A, 0 only in B.');
    expect(run.stdout).toContain('Overall kappa 1.000');
    expect(run.stdout).not.toMatch(/kappa 0\.\d/);
  });

  it('refuses an --out that is not a .qdpx, and an existing file without --force', async () => {
    const folder = tempDir();
    expect(await cli(['export', 'qdpx', 'samples/accounts.csv', '--out', join(folder, 'p.zip')])).toEqual({ code: 2, stdout: '', stderr: `reflect-code: error: expected --out to name a .qdpx file, got "${join(folder, 'p.zip')}" [option-invalid]\n` });
    await cli(['export', 'qdpx', 'samples/accounts.csv', '--out', join(folder, 'p.qdpx')]);
    const again = await cli(['export', 'qdpx', 'samples/accounts.csv', '--out', join(folder, 'p.qdpx')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the output file exists; expected a new file (add --force to replace it) [out-exists]');
  });
});

describe('a project coded by two people in another tool', () => {
  it('is valid against Project.xsd as made by hand from the specification', async () => {
    expect(await schemaErrors(readFileSync(join(TWO_CODERS, 'project.qde'), 'utf8'))).toEqual([]);
  });

  it('agrees with the tool\'s coding per code, for each coder in turn, and says once what was left out', async () => {
    const folder = tempDir();
    const project = twoCodersProject(folder);
    expect((await cli(['analyse', join(TWO_CODERS, 'accounts.csv'), '--out', join(folder, 'tool'), '--no-report'])).code).toBe(0);
    const run = await cli(['agree', project, join(folder, 'tool', 'segments.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Agreement between A = ${project} (coder "Alice") and B = ${join(folder, 'tool', 'segments.csv')}\n5 units paired (on offsets: P1, P2); 0 rows only in A, 0 only in B.`);
    expect(run.stdout).toContain(`Agreement between A = ${project} (coder "Bob")`);
    expect(run.stdout).toMatch(/\n {2}CO +Coaching +1 +\d +5 +[\d.]+% +[-\d.]+ +[-\d.]+ +\w/);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `reflect-code: warning: ${project}: 1 picture source left out: reflect-code reads text sources and their text selections only [qdpx-dropped]`,
      `reflect-code: warning: ${project}: 1 coding of a whole source left out: reflect-code reads text sources and their text selections only [qdpx-dropped]`,
      `reflect-code: warning: ${project}: 1 note left out: reflect-code reads text sources and their text selections only [qdpx-dropped]`,
    ]);
  });

  it('reads each coder onto reflect-code\'s segments: case names, CRLF, a BOM, GUIDs in braces and either case', async () => {
    const folder = tempDir();
    const run = await cli(['import', twoCodersProject(folder), '--out', join(folder, 'human'), '-q']);
    expect(run.code).toBe(0);
    const coding = (coder: string) => rowsOf(join(folder, 'human', `segments-${coder}.csv`)).map((row) => `${row.participant} ${row.start}-${row.end} ${row.themes}|${row.structure}`);
    expect(coding('Alice')).toEqual(['P1 0-54 P;T|', 'P1 56-121 T|', 'P2 0-24 P|', 'P2 25-54 CO|', 'P2 55-91 ME|EV']);
    expect(coding('Bob')).toEqual(['P1 0-54 P|OR', 'P1 56-121 P;T|', 'P2 0-24 |', 'P2 25-54 CO|', 'P2 55-91 ME|EV']);
  });

  it('refuses a project with a DOCTYPE (entities to expand), and a file that is not a ZIP', async () => {
    const folder = tempDir();
    const bomb = join(folder, 'bomb.qdpx');
    writeFileSync(bomb, zipSync({ 'project.qde': new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>') }));
    expect(await cli(['import', bomb, '--out', join(folder, 'out')])).toEqual({ code: 2, stdout: '', stderr: `reflect-code: error: ${bomb}: expected project.qde without a <!DOCTYPE> (REFI-QDA projects declare none), got one; the file is refused [qdpx-doctype]\n` });
    const notZip = join(folder, 'plain.qdpx');
    writeFileSync(notZip, 'participant,text\n');
    const run = await cli(['import', notZip, '--out', join(folder, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/expected a REFI-QDA project \(a \.qdpx ZIP archive\), got a file that does not unzip: .* \[qdpx-not-zip\]\n$/);
  });

  it('names the coders when --user names none of them', async () => {
    const folder = tempDir();
    const project = twoCodersProject(folder);
    expect((await cli(['analyse', join(TWO_CODERS, 'accounts.csv'), '--out', join(folder, 'tool'), '--no-report'])).code).toBe(0);
    const run = await cli(['agree', project, join(folder, 'tool', 'segments.csv'), '--user', 'Carol']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${project}: expected --user to name a coder of the project ("Alice", "Bob"), got "Carol" [qdpx-user]`);
  });
});
