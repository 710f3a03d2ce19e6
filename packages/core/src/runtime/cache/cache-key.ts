import { hash } from 'node:crypto';

/** SHA-256 of a value, hex. Used so keys identify credentials and URLs without holding them. */
export function sha256Hex(value: string): string {
  // The one-shot form: no Hash object per call, which shows on every cached request.
  return hash('sha256', value, 'hex');
}

/**
 * The cache key of a request: method, a hash of the full URL (and of the `accept` header,
 * which changes the body, and of the client's connection settings), and a hash of the
 * credential's identity, so two tenants never share an entry. The URL is hashed too because
 * query strings sometimes carry tokens and keys may be visible in a shared store.
 */
export function httpCacheKey(options: {
  method: string;
  url: string;
  accept?: string;
  /** `credentialFingerprint(...)` of the resolved credential, or undefined when anonymous. */
  credentialFingerprint?: string;
  /**
   * Other request headers that may change the answer (API version, a tenant header, a
   * credential a connector put in a plain header); hashed into the key, never stored in it.
   */
  varyHeaders?: Readonly<Record<string, string>>;
  /**
   * `connectionFingerprint(...)` of the client's trusted CAs and destination policy, when it
   * has any: an answer fetched under one trust or policy is never served under another.
   */
  connectionFingerprint?: string;
  /**
   * What this request counts as an answer besides 2xx (`acceptStatus`) and its body size cap:
   * a caller that treats a 404 as an answer, or allows a larger body, must never hand its
   * result to a caller that does not.
   */
  answerRules?: { acceptStatus?: readonly number[]; maxResponseBytes?: number };
}): string {
  const vary = Object.entries(options.varyHeaders ?? {})
    .map(([name, value]) => `${name.toLowerCase()}: ${value}`)
    .sort()
    .join('\n');
  // A line with a space in its name cannot be a vary header line; keys without connection
  // settings stay what they were.
  const connection =
    options.connectionFingerprint === undefined
      ? ''
      : `\nconnection settings ${options.connectionFingerprint}`;
  const rules = options.answerRules;
  const answer =
    rules === undefined
      ? ''
      : `\nanswer rules ${[...(rules.acceptStatus ?? [])].sort((left, right) => left - right).join(',')} ${rules.maxResponseBytes ?? ''}`;
  const target = sha256Hex(
    `${options.url}\n${options.accept ?? ''}\n${vary}${connection}${answer}`,
  );
  return `evidencekit:http:v1:${options.method.toUpperCase()}:${target}:${
    options.credentialFingerprint ?? 'anonymous'
  }`;
}

/** Identity of a resolved credential: its SHA-256, never the value. */
export function credentialFingerprint(resolvedCredential: string): string {
  return sha256Hex(`credential\n${resolvedCredential}`);
}

/**
 * Builds `httpCacheKey`s for one client: the parts every request of the client shares (its
 * `accept` and other headers, connection settings, body cap) are joined once, and the last
 * credential's fingerprint is kept, so a request pays for one hash of its URL. Equal inputs
 * give exactly `httpCacheKey`'s key; a request with headers of its own takes that function.
 */
export function createCacheKeyBuilder(client: {
  accept?: string | undefined;
  varyHeaders: Readonly<Record<string, string>>;
  connectionFingerprint?: string | undefined;
  maxResponseBytes: number;
}): (request: { method: string; url: string; credential?: string | undefined }) => string {
  const vary = Object.entries(client.varyHeaders)
    .map(([name, value]) => `${name.toLowerCase()}: ${value}`)
    .sort()
    .join('\n');
  const connection =
    client.connectionFingerprint === undefined
      ? ''
      : `\nconnection settings ${client.connectionFingerprint}`;
  const suffix = `\n${client.accept ?? ''}\n${vary}${connection}\nanswer rules  ${client.maxResponseBytes}`;
  let lastCredential: string | undefined;
  let lastFingerprint = 'anonymous';
  return (request) => {
    if (request.credential !== lastCredential) {
      lastCredential = request.credential;
      lastFingerprint =
        request.credential === undefined ? 'anonymous' : credentialFingerprint(request.credential);
    }
    return `evidencekit:http:v1:${request.method}:${sha256Hex(`${request.url}${suffix}`)}:${lastFingerprint}`;
  };
}
