import { strToU8, zipSync, type Zippable } from 'fflate';
import { projectGuids } from './guids.js';
import { projectXml, sourceFile } from './project-xml.js';
import type { ProjectContent } from './project.js';

/**
 * Every entry's modification time: a fixed local date, so the archive's
 * bytes do not depend on when, or in which time zone, it was written.
 */
const FIXED_TIME = new Date(2000, 0, 1);

/** A `.qdpx` archive: `project.qde` and `sources/` with each account's text as UTF-8 (no BOM), named by its source's GUID. */
export function projectArchive(content: ProjectContent): Uint8Array {
  const guids = projectGuids(content.name, content.fingerprint);
  const sources: Zippable = {};
  for (const account of content.accounts) sources[sourceFile(guids(`source:${account.participant}`))] = strToU8(account.text);
  return zipSync({ 'project.qde': strToU8(projectXml(content, guids)), sources }, { level: 6, mtime: FIXED_TIME });
}
