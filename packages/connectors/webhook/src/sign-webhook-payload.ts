import { createHmac } from 'node:crypto';

/**
 * The signed message: the timestamp, a dot, and the raw body exactly as sent. Binding the
 * timestamp into the MAC means an old body cannot be replayed with a fresh timestamp.
 */
export function signedMessage(timestamp: string, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

/** HMAC-SHA256 of the signed message, as lowercase hex. */
export function computeSignatureHex(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret)
    .update(signedMessage(timestamp, rawBody), 'utf8')
    .digest('hex');
}

/**
 * Signs a webhook body for Evidencekit, for senders and tests. Send the result in the signature
 * header (default `x-evidencekit-signature`) and the timestamp, in unix seconds, in the
 * timestamp header (default `x-evidencekit-timestamp`). Sign the exact bytes you send.
 *
 * The signature is `sha256=` + hex(HMAC-SHA256(secret, `${timestamp}.${body}`)).
 *
 * @param body - The raw request body, exactly as sent.
 * @param secret - The shared secret (the value, not a reference).
 * @param timestamp - The signing time: unix seconds, or a `Date`.
 * @returns The signature header value, `sha256=<64 hex digits>`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(report);
 * const timestamp = Math.floor(Date.now() / 1000);
 * await fetch(url, {
 *   method: 'POST',
 *   body,
 *   headers: {
 *     'content-type': 'application/json',
 *     'x-evidencekit-timestamp': String(timestamp),
 *     'x-evidencekit-signature': signWebhookPayload(body, process.env.WEBHOOK_SECRET, timestamp),
 *   },
 * });
 * ```
 */
export function signWebhookPayload(body: string, secret: string, timestamp: number | Date): string {
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new TypeError('timestamp must be a Date or a non-negative whole number of unix seconds');
  }
  if (secret.length === 0) throw new TypeError('secret must not be empty');
  return `sha256=${computeSignatureHex(secret, String(seconds), body)}`;
}
