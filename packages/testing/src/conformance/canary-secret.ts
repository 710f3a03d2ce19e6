import { randomBytes } from 'node:crypto';

/** The environment variable the conformance suite puts its canary secret in. */
export const CANARY_ENVIRONMENT_VARIABLE = 'EVIDENCEKIT_CONFORMANCE_CANARY_TOKEN';

/** A canary secret: a value that must never appear in any output. */
export interface CanarySecret {
  /** `env:EVIDENCEKIT_CONFORMANCE_CANARY_TOKEN`, for the connector's settings. */
  reference: string;
  value: string;
  /**
   * Where the canary shows in `text`, or undefined. Finds the value, its base64 form, and any
   * 12-character piece of it, so a truncated "token hint" counts as a leak too.
   */
  findIn(text: string): string | undefined;
}

/** Creates a random canary secret (unique per run, so earlier runs cannot interfere). */
export function createCanarySecret(): CanarySecret {
  const value = `ekcanary${randomBytes(16).toString('hex')}`;
  const forms = new Map<string, string>([
    ['the secret', value],
    ['the secret in base64', Buffer.from(value).toString('base64')],
  ]);
  const pieceLength = 12;
  // Pieces of the random part only: "ekcanary" alone is not secret.
  for (let start = 8; start + pieceLength <= value.length; start += 4) {
    forms.set(
      `a piece of the secret ("${value.slice(start, start + 4)}…")`,
      value.slice(start, start + pieceLength),
    );
  }
  return {
    reference: `env:${CANARY_ENVIRONMENT_VARIABLE}`,
    value,
    findIn(text) {
      for (const [label, form] of forms) if (text.includes(form)) return label;
      return undefined;
    },
  };
}
