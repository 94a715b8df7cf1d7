import type { Transform } from '../document.js';
import { warn } from '../messages.js';
import { offsetUnits } from '../text/code-points.js';
import { findIdentifiers } from './find.js';
import { KIND_INFO, KINDS } from './kinds.js';

/**
 * Stage: looks for what anonymisation missed in an account and adds one
 * warning naming the kinds found and their offsets (in code points), never the text itself.
 */
export function checkAnonymity(options: { allowed: ReadonlySet<string> }): Transform {
  return (doc) => {
    const findings = findIdentifiers(doc.text, options.allowed);
    if (findings.length === 0) return;
    const counts = KINDS.map((kind) => [kind, findings.filter((finding) => finding.kind === kind).length] as const).filter(([, count]) => count > 0);
    const kinds = counts.map(([kind, count]) => `${count} × ${KIND_INFO[kind].placeholder}`).join(', ');
    const units = offsetUnits(doc.text);
    const offsets = findings.slice(0, 10).map((finding) => units.toCodePoints(finding.start)).join(', ') + (findings.length > 10 ? ', ...' : '');
    doc.messages.push(
      warn(`participant "${doc.participant}" may not be anonymous: ${kinds} at offset${findings.length === 1 ? '' : 's'} ${offsets}; run reflect-code check for details, or add --no-check`, 'check-identifiers', doc.source),
    );
  };
}
