const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i;

/**
 * Turns participant IDs into safe, unique file names: only letters,
 * digits, `.`, `_` and `-` (so no slash or control character); no `..`,
 * no leading or trailing dot; no reserved Windows device name; at most 80
 * characters; names equal but for case get `-2`, `-3`. `participants.csv`
 * keeps each participant's file name.
 */
export class FileNamer {
  private readonly used = new Set<string>();

  /** A file name (without extension) for this participant, never given out before. */
  name(participant: string): string {
    let base = participant.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/\.{2,}/g, '.').replace(/^[._]+/, '').slice(0, 80).replace(/\.+$/, '') || 'participant';
    if (RESERVED.test(base)) base = `_${base}`;
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}
