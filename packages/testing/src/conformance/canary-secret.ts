import { randomInt } from 'node:crypto';

/** The environment variable the conformance suite puts its canary secret in. */
export const CANARY_ENVIRONMENT_VARIABLE = 'EVIDENCEKIT_CONFORMANCE_CANARY_TOKEN';

/**
 * The canary's fixed start. Leetspeak on purpose: no ordinary word ends in a tail of it
 * (`c4n4ry`, `4n4ry`, …), so a window that straddles it and the random part cannot occur by
 * chance in output that mentions, say, a Kubernetes canary rollout.
 */
export const CANARY_PREFIX = 'ekc4n4ry';

/** The shortest piece of the canary that counts as a leak. */
export const CANARY_PIECE_LENGTH = 8;

const RANDOM_LENGTH = 40;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A canary secret: a value that must never appear in any output, in any form. */
export interface CanarySecret {
  /** `env:EVIDENCEKIT_CONFORMANCE_CANARY_TOKEN`, for the connector's settings. */
  reference: string;
  value: string;
  /**
   * How the canary shows in `text` (e.g. `an 8-character piece of the secret (characters 9–16)`),
   * or undefined. Finds the value whole, URL-encoded (any `%XX` escapes are decoded first),
   * base64 or base64url at any alignment (inside `user:token` too), and any piece of
   * {@link CANARY_PIECE_LENGTH} or more characters, including one that starts in the prefix.
   * Never quotes the secret. Linear in `text`.
   */
  findIn(text: string): string | undefined;
}

/**
 * Creates a random canary secret, unique per run so earlier runs cannot interfere: the prefix
 * and 40 characters drawn uniformly from `[A-Za-z0-9]` (238 bits). An 8-character window of it
 * holds at least one random character and, past the prefix, is one in 62⁸ (about 2·10¹⁴): it
 * does not turn up in a record, a log line or a digest by chance. Letters and digits only, so
 * it is a valid token in any header, URL or body, and URL-encoding leaves it as it is.
 */
export function createCanarySecret(): CanarySecret {
  let random = '';
  for (let index = 0; index < RANDOM_LENGTH; index++)
    random += ALPHABET[randomInt(ALPHABET.length)];
  const value = `${CANARY_PREFIX}${random}`;

  // Every window of the raw value, except the prefix alone (which is not secret).
  const pieces = new Map<string, string>();
  for (let start = 1; start + CANARY_PIECE_LENGTH <= value.length; start++) {
    pieces.set(
      value.slice(start, start + CANARY_PIECE_LENGTH),
      `an ${CANARY_PIECE_LENGTH}-character piece of the secret (characters ${start + 1}–${start + CANARY_PIECE_LENGTH})`,
    );
  }
  const encoded = base64Cores(value);

  const findInOne = (text: string): string | undefined => {
    if (text.includes(value)) return 'the secret';
    for (const [core, label] of encoded) if (text.includes(core)) return label;
    // One pass over the text: each window is a Map lookup.
    for (let index = 0; index + CANARY_PIECE_LENGTH <= text.length; index++) {
      const label = pieces.get(text.slice(index, index + CANARY_PIECE_LENGTH));
      if (label !== undefined) return label;
    }
    return undefined;
  };

  return {
    reference: `env:${CANARY_ENVIRONMENT_VARIABLE}`,
    value,
    findIn(text) {
      const found = findInOne(text);
      if (found !== undefined || !text.includes('%')) return found;
      const decoded = findInOne(percentDecode(text));
      return decoded === undefined ? undefined : `${decoded}, URL-encoded`;
    },
  };
}

/**
 * The part of the base64 (and base64url) encoding of `value` that does not depend on what
 * surrounds it, for each of the three byte alignments: `Basic base64("user:" + token)` holds
 * one of them whatever the user name's length.
 */
function base64Cores(value: string): Map<string, string> {
  const cores = new Map<string, string>();
  for (let offset = 0; offset < 3; offset++) {
    const bytes = Buffer.concat([Buffer.alloc(offset, 0x3a), Buffer.from(value)]);
    // Characters covering only the value's bytes: skip the group the padding bytes touch and
    // the last group, which depends on what follows.
    const firstGroup = offset === 0 ? 0 : 1;
    const wholeGroups = Math.floor(bytes.length / 3);
    for (const [alphabet, label] of [
      ['base64', 'the secret in base64'],
      ['base64url', 'the secret in base64url'],
    ] as const) {
      const text = bytes.toString(alphabet);
      const core = text.slice(firstGroup * 4, (wholeGroups - 1) * 4);
      if (core.length >= 16 && !cores.has(core)) cores.set(core, label);
    }
  }
  return cores;
}

/** Decodes every `%XX` escape (invalid ones are kept), in one pass. */
function percentDecode(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_escape, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
