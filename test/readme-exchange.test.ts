import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers/cli.js';
import { block } from './helpers/readme.js';

const SECTION = '### Coded in NVivo, ATLAS.ti, MAXQDA or QualCoder';

/** A README command line's arguments (after `npx reflect-code`). */
const args = (line: string) => [...line.replace(/^npx reflect-code /, '').matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]);

describe('the README shows what export qdpx, import and agree print', () => {
  it('for export qdpx', async () => {
    const folder = tempDir();
    cpSync(join(ROOT, 'samples'), join(folder, 'samples'), { recursive: true });
    const command = block(SECTION, 0).trim();
    const run = await cli(args(command), folder);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(block(SECTION, 1));
  });

  it('for import, analyse and agree on a project coded by two people', async () => {
    const folder = tempDir();
    cpSync(join(ROOT, 'samples'), join(folder, 'samples'), { recursive: true });
    const lines = block(SECTION, 2).trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(0, 2)) expect((await cli(args(line), folder)).code).toBe(0);
    const run = await cli(args(lines[2]), folder);
    expect(run.stdout).toBe(block(SECTION, 3));
  });

  it('ships the sample project as its fixture, made by hand', () => {
    const project = strFromU8(unzipSync(readFileSync(join(ROOT, 'samples/two-coders.qdpx')))['project.qde']);
    expect(project).toBe(readFileSync(join(ROOT, 'test/fixtures/qdpx/two-coders/project.qde'), 'utf8'));
  });
});
