import { v5 } from 'uuid';

/** The namespace every project's own namespace is made in. */
const ROOT = v5('urn:reflect-code:refi-qda-project', v5.URL);

/**
 * Deterministic GUIDs for one project: UUID v5 of a name (`code:CO`,
 * `source:A12`) in a namespace of the project's name and its codebooks'
 * content, so the same export gives the same file byte for byte, while
 * the same code in another project or another codebook gets another GUID.
 */
export function projectGuids(project: string, codebooks: string): (name: string) => string {
  const namespace = v5(`${project}\n${codebooks}`, ROOT);
  return (name) => v5(name, namespace).toUpperCase();
}
