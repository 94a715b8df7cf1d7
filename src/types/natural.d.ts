// Types for the modules of `natural` that reflect-code imports by path.
// Importing the package root loads dotenv and database drivers, so we never do.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const porter: { stem(token: string): string };
  export default porter;
}

declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(source: string, target: string): number;
}
