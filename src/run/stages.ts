import { checkAnonymity } from '../check/stage.js';
import { codeThemes } from '../code/themes.js';
import type { Transform } from '../document.js';
import { segment } from '../segment/index.js';
import { tagStructure } from '../structure/tag.js';
import type { CodingBooks } from './books.js';

/** The pipeline's stages in order: segment, code themes, tag structure, and check anonymity (unless turned off). */
export function codingStages({ unit, codebook, rules, allowed }: CodingBooks): Transform[] {
  return [segment({ unit }), codeThemes({ codebook }), tagStructure({ tags: rules }), ...(allowed ? [checkAnonymity({ allowed })] : [])];
}
