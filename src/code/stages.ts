import type { Codebook } from '../codebook/types.js';
import type { Transform } from '../document.js';
import { segment, type Unit } from '../segment/index.js';
import type { ActiveTags } from '../structure/active-tags.js';
import { tagStructure } from '../structure/tag.js';
import { codeThemes } from './themes.js';

/** The coding stages every command that codes accounts runs, in order: segment, code themes, tag structure. */
export function codingStages(options: { unit: Unit; codebook: Codebook; rules: ActiveTags }): Transform[] {
  return [segment({ unit: options.unit }), codeThemes({ codebook: options.codebook }), tagStructure({ tags: options.rules })];
}
