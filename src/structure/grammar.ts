import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A token of an account with its universal part of speech and lemma, from wink-nlp. */
export interface TaggedToken {
  /** The token as written. */
  text: string;
  /** Lower-cased, curly apostrophes straightened. */
  lower: string;
  /** Universal POS tag: VERB, AUX, PRON, NOUN, ADJ, ADV, PART, PUNCT... */
  pos: string;
  /** Dictionary form: `told` → `tell`, `was` → `be`. */
  lemma: string;
  start: number;
  end: number;
}

const nlp = winkNLP(model, ['pos']);
const its = nlp.its;

/**
 * Tags every token of a text with its part of speech and lemma. wink-nlp's
 * tokenisation is lossless (each token keeps the white space before it),
 * so the offsets are exact: `text.slice(start, end)` is the token.
 */
export function tagText(text: string): TaggedToken[] {
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out();
  const spaces = tokens.out(its.precedingSpaces);
  const pos = tokens.out(its.pos);
  // The typings declare lemma with the add-ons argument the model supplies.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  const tagged: TaggedToken[] = [];
  let offset = 0;
  values.forEach((value, i) => {
    const start = offset + spaces[i].length;
    offset = start + value.length;
    tagged.push({ text: value, lower: value.toLowerCase().replace(/\u2019/g, "'"), pos: pos[i], lemma: lemmas[i].toLowerCase(), start, end: offset });
  });
  return tagged;
}
