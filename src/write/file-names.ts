const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * Turns participant IDs into safe, unique file names: only letters,
 * digits, `.`, `_` and `-`; no leading dot; no reserved Windows device
 * name; at most 80 characters; names equal but for case get `-2`, `-3`.
 */
export class FileNamer {
  private readonly used = new Set<string>();

  /** A file name (without extension) for this participant, never given out before. */
  name(participant: string): string {
    let base = participant.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '').slice(0, 80) || 'participant';
    if (RESERVED.test(base)) base = `_${base}`;
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}
