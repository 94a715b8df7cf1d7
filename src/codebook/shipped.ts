import { fileURLToPath } from 'node:url';

/** Absolute path of a file in the package's `codebooks/` folder (works from `src/` and `dist/`). */
export function shippedFile(name: string): string {
  return fileURLToPath(new URL(`../../codebooks/${name}`, import.meta.url));
}

/** The theme codebook used when none is given: the mentorship study's Figure 1. */
export const DEFAULT_CODEBOOK = shippedFile('mentorship.yaml');

/** The structure cue file used when none is given: Labov & Waletzky's four tags. */
export const DEFAULT_STRUCTURE_RULES = shippedFile('labov.yaml');

/** The structure model used when no cue file or model is given: trained on spoken and written narratives. */
export const DEFAULT_STRUCTURE_MODEL = shippedFile('labov-model.json');
