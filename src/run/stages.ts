import { checkAnonymity } from '../check/stage.js';
import { codingStages } from '../code/stages.js';
import type { Transform } from '../document.js';
import type { CodingBooks } from './books.js';

/** A run's stages in order: the coding stages, then the anonymity check (unless turned off). */
export function runStages(books: CodingBooks): Transform[] {
  return [...codingStages(books), ...(books.allowed ? [checkAnonymity({ allowed: books.allowed })] : [])];
}
