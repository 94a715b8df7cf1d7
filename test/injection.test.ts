import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

describe('values echoed in messages', () => {
  it('cannot forge a message line or drive the terminal (a participant ID with a line break and escapes)', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    // An empty account is skipped with a warning that names its participant.
    writeFileSync(input, 'participant,text\n"P1\nreflect-code: error: forged\u001b]0;title\u0007\u001b[2J",\nP2,I listen more.\n');
    const run = await cli(['analyse', input, '--out', join(dir, 'out'), '--no-report']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^reflect-code: warning: .*P1\\nreflect-code: error: forged\\u\{1b\}\]0;title\\u\{7\}\\u\{1b\}\[2J/);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/u);
  });
});

describe('Markdown outputs', () => {
  it('write an account\'s HTML as text, not markup (grids and report.md)', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, 'participant,text\nP<b>1</b>,"I listen more <script>alert(1)</script> <img src=x onerror=alert(2)> &amp; care."\n');
    const out = join(dir, 'out');
    expect((await cli(['analyse', input, '--out', out, '--deterministic', '--no-check'])).code).toBe(0);
    const grids = (await cli(['grid', join(out, 'segments.csv'), '--participant', 'P<b>1</b>'])).stdout;
    expect(grids).toContain('| Participant P&lt;b&gt;1&lt;/b&gt; |');
    expect(grids).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(grids).toContain('&lt;img src=x onerror=alert(2)&gt; &amp;amp;');
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).not.toMatch(/<(b|script|img)\b/u);
    expect(report).toContain('P&lt;b&gt;1&lt;/b&gt;');
  });
});

describe('an output folder reached through a symbolic link', () => {
  it.each([
    ['check --redact', (input: string, out: string) => ['check', input, '--redact', '--out', out, '--force']],
    ['analyse', (input: string, out: string) => ['analyse', input, '--out', out, '--force', '--quiet']],
    ['tabulate', (input: string, out: string) => ['tabulate', input, '--out', out, '--force']],
  ])('is refused by %s when it leads to the inputs, which stay byte for byte', async (_, args) => {
    const dir = tempDir();
    const data = join(dir, 'data');
    mkdirSync(data);
    const input = join(data, 'in.csv');
    const original = 'participant,segment,start,end,text,themes,structure\nP1,1,0,14,I listen more.,ME,EV\n';
    writeFileSync(input, original);
    symlinkSync(data, join(dir, 'link'));
    const run = await cli(args(input, join(dir, 'link')));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the output folder holds an input');
    expect(readFileSync(input, 'utf8')).toBe(original);
    expect(readdirSync(data)).toEqual(['in.csv']);
  });
});

describe('a folder of accounts kept as symbolic links (git-annex, DataLad)', () => {
  it('reads links to files as the accounts and warns about links that lead nowhere or to a folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'objects', 'folder.txt'), { recursive: true });
    writeFileSync(join(dir, 'objects', 'a1'), 'I listen more now.');
    mkdirSync(join(dir, 'accounts'));
    symlinkSync('../objects/a1', join(dir, 'accounts', 'A1.txt'));
    symlinkSync('../objects/missing', join(dir, 'accounts', 'A2.txt'));
    symlinkSync('../objects/folder.txt', join(dir, 'accounts', 'A3.txt'));
    const out = join(dir, 'out');
    const run = await cli(['analyse', join(dir, 'accounts'), '--out', out, '--no-report', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `reflect-code: warning: ${join(dir, 'accounts', 'A2.txt')}: skipped a link that leads nowhere (its target is missing); expected a link to a .txt file [input-link-skipped]`,
      `reflect-code: warning: ${join(dir, 'accounts', 'A3.txt')}: skipped a link that leads to a folder; expected a link to a .txt file [input-link-skipped]`,
    ]);
    expect(readFileSync(join(out, 'segments.csv'), 'utf8').split('\n')[1]).toMatch(/^A1,1,0,18,I listen more now\.,/);
  });
});

describe('columns and keys named like object properties', () => {
  it('a CSV column named __proto__ keeps its values through analyse and tabulate', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, 'participant,text,__proto__\nP1,I listen more.,North\n');
    const out = join(dir, 'out');
    expect((await cli(['analyse', input, '--out', out, '--no-report', '--quiet'])).code).toBe(0);
    expect(readFileSync(join(out, 'segments.csv'), 'utf8').split('\n')[1]).toMatch(/,North$/);
    expect(readFileSync(join(out, 'participants.csv'), 'utf8').split('\n')[1]).toMatch(/,North$/);
    const again = join(dir, 'again');
    expect((await cli(['tabulate', join(out, 'segments.csv'), '--out', again, '--no-report'])).code).toBe(0);
    expect(readFileSync(join(again, 'participants.csv'), 'utf8').split('\n')[1]).toMatch(/,North$/);
  });

  it('JSONL keys named constructor, toString and __proto__ are metadata like any other', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.jsonl');
    writeFileSync(input, '{"participant":"P1","text":"I listen more.","constructor":"a","toString":"b","__proto__":"c"}\n');
    const out = join(dir, 'out');
    const run = await cli(['analyse', input, '--out', out, '--no-report', '--quiet']);
    expect(run.code).toBe(0);
    const [header, row] = readFileSync(join(out, 'segments.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n');
    expect(header.split(',').slice(-3)).toEqual(['constructor', 'toString', '__proto__']);
    expect(row.split(',').slice(-3)).toEqual(['a', 'b', 'c']);
  });
});

describe('codebooks built to exhaust the machine', () => {
  it('a YAML codebook whose aliases repeat a 20,000-word list 99 times is refused at once, naming the limit', async () => {
    const dir = tempDir();
    const file = join(dir, 'bomb.yaml');
    const list = `[${Array.from({ length: 20_000 }, (_, i) => `w${i}`).join(', ')}]`;
    const codes = Array.from({ length: 99 }, (_, i) => `  - {code: C${i}, name: n${i}, keywords: *words}`).join('\n');
    writeFileSync(file, `name: bomb\nversion: 1\ncodes:\n  - {code: A, name: a, keywords: &words ${list}}\n${codes}\n`);
    const run = await cli(['codebook', 'validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`reflect-code: error: ${file}:4:3: expected at most 100,000 rules in a codebook, got 2,000,000 (counting every list an alias repeats) [codebook-too-large]\n${file}: 1 problem\n`);
  });

  it('a quanteda dictionary nested 500 levels deep is refused with the line where it passes 20', async () => {
    const dir = tempDir();
    const file = join(dir, 'deep.yml');
    let yaml = 'x: [word]';
    for (let level = 0; level < 500; level++) yaml = `k${level}:\n${yaml.replace(/^/gm, '  ')}`;
    writeFileSync(file, `${yaml}\n`);
    const run = await cli(['codebook', 'import', file, '--out', join(dir, 'deep.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`reflect-code: error: ${file}:21:41: "k480": expected subcategories at most 20 levels deep, got more [import-too-deep]\n`);
  });
});

describe('control characters that XML forbids', () => {
  const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/u;

  it('in a participant ID leave every SVG and the report readable, shown as U+FFFD', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, 'participant,text\n"P\u0001x",I listen more.\nP2,I felt calm.\n');
    const out = join(dir, 'out');
    expect((await cli(['analyse', input, '--out', out, '--quiet'])).code).toBe(0);
    for (const name of ['figures/participant-themes.svg', 'figures/themes.svg', 'report.html']) {
      const text = readFileSync(join(out, name), 'utf8');
      expect(text, name).not.toMatch(forbidden);
    }
    expect(readFileSync(join(out, 'figures/participant-themes.svg'), 'utf8')).toContain('P\ufffdx');
  });

  it('in a code name or description leave the .qdc export readable', async () => {
    const dir = tempDir();
    const codebook = join(dir, 'codebook.yaml');
    writeFileSync(codebook, 'name: c\nversion: 1\ncodes:\n  - {code: A, name: "Bad\\u0001name", description: "x\\u0002y", keywords: [word]}\n');
    const qdc = join(dir, 'codebook.qdc');
    expect((await cli(['codebook', 'export', codebook, '--format', 'qdc', '--out', qdc])).code).toBe(0);
    const text = readFileSync(qdc, 'utf8');
    expect(text).not.toMatch(forbidden);
    expect(text).toContain('name="Bad\ufffdname (A)"');
    expect(text).toContain('x\ufffdy');
  });
});

describe('inputs shaped to overflow the stack or take quadratic time', () => {
  it('a JSONL metadata value nested 5,000 levels deep is refused with its line and key', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.jsonl');
    writeFileSync(input, `{"participant":"P1","text":"I listen more.","meta":${'{"a":'.repeat(5000)}"x"${'}'.repeat(5000)}}\n`);
    const run = await cli(['analyse', input, '--out', join(dir, 'out'), '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`reflect-code: error: ${input}:1: "meta": expected text, a number or a shallow list, got a value nested more than 32 levels deep [input-too-deep]\n`);
  });

  it('a header of 20,000 columns is read, every column kept as metadata', async () => {
    const dir = tempDir();
    const input = join(dir, 'accounts.csv');
    const columns = Array.from({ length: 20_000 }, (_, i) => `c${i}`);
    writeFileSync(input, `participant,text,${columns.join(',')}\nP1,I listen more.,${columns.map((_, i) => i).join(',')}\n`);
    const out = join(dir, 'out');
    expect((await cli(['analyse', input, '--out', out, '--no-report', '--quiet'])).code).toBe(0);
    const [header, row] = readFileSync(join(out, 'segments.csv'), 'utf8').split('\n');
    expect(header.split(',').slice(-2)).toEqual(['c19998', 'c19999']);
    expect(row.split(',').slice(-2)).toEqual(['19998', '19999']);
  });
});
