/**
 * Function words, as lemmas: a phrase made only of these ("and I have
 * been", "of the") is not listed. Content words, and the verbs that carry
 * a change ("try", "manage", "learn"), are not among them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself',
  'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'theirs', 'themselves',
  'this', 'that', 'these', 'those', 'who', 'whom', 'whose', 'which', 'what', 'when', 'where', 'why', 'how',
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'so', 'if', 'then', 'than', 'as', 'because', 'while', 'though', 'although',
  'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'about', 'from', 'into', 'onto', 'over', 'under', 'up', 'down', 'out', 'off',
  'through', 'during', 'before', 'after', 'above', 'below', 'between', 'against', 'again', 'there', 'here',
  'be', 'have', 'do', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'not', 'no', 'all', 'any', 'both', 'each', 'some', 'such', 'other', 'own', 'same', 'too', 'very', 'just', 'also', 'only',
  'more', 'most', 'much', 'many', 'one', 'get', 'go', 's', 't',
]);
