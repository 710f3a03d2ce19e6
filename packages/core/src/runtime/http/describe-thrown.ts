import type { Redactor } from '../redaction/redactor';

// Longest description kept: enough for any real error message, bounded for hostile ones.
const MAX_DESCRIPTION_CHARS = 500;
// Text redacted at most; a message longer than this is cut before redaction (and again after).
const MAX_REDACTED_CHARS = 16 * 1024;

/**
 * `Name: message` of something thrown, redacted and at most 500 characters, for an error
 * message that has to say what actually went wrong. Redaction runs before the cut, so a secret
 * is never shortened into a fragment the redactor would no longer recognise.
 */
export function describeThrown(thrown: unknown, redactor: Redactor): string {
  const raw =
    thrown instanceof Error
      ? `${thrown.name}: ${thrown.message}`
      : typeof thrown === 'string'
        ? thrown
        : `a thrown ${thrown === null ? 'null' : typeof thrown}`;
  const redacted = redactor.redactText(raw.slice(0, MAX_REDACTED_CHARS)).replaceAll(/\s+/g, ' ');
  return redacted.length <= MAX_DESCRIPTION_CHARS
    ? redacted
    : `${redacted.slice(0, MAX_DESCRIPTION_CHARS - 1)}…`;
}
