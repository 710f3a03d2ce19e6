import { timingSafeEqual } from 'node:crypto';
import { computeSignatureHex } from './sign-webhook-payload';
import { WebhookSignatureError } from './webhook-signature-error';

/** What verification needs: the payload as received, the secret, the rules. */
export interface VerifyWebhookSignatureOptions {
  rawBody: string;
  /** Request headers; names are matched case-insensitively. */
  headers: Readonly<Record<string, string>>;
  secret: string;
  signatureHeader: string;
  timestampHeader: string;
  toleranceSeconds: number;
  now: Date;
}

const signaturePattern = /^sha256=([0-9a-f]{64})$/i;
const timestampPattern = /^\d{1,12}$/;

/**
 * Verifies a signed payload and returns the signing time. Checks, in order: both headers are
 * there and well-formed, the signature matches `${timestamp}.${rawBody}` (compared in constant
 * time), and the timestamp is within the tolerance of `now`, in the past (a replay) or the
 * future (a wrong clock or a forged time).
 *
 * @throws WebhookSignatureError naming the failed check, never the secret or expected signature.
 */
export function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): Date {
  const signature = headerValue(options.headers, options.signatureHeader);
  const timestamp = headerValue(options.headers, options.timestampHeader);
  if (signature === undefined) {
    throw new WebhookSignatureError({
      check: 'signature_missing',
      message: `the ${options.signatureHeader} header is missing.`,
    });
  }
  if (timestamp === undefined) {
    throw new WebhookSignatureError({
      check: 'timestamp_missing',
      message: `the ${options.timestampHeader} header is missing.`,
    });
  }
  const received = signaturePattern.exec(signature)?.[1];
  if (received === undefined) {
    throw new WebhookSignatureError({
      check: 'signature_malformed',
      message: `the ${options.signatureHeader} header is not "sha256=" followed by 64 hex digits.`,
    });
  }
  if (!timestampPattern.test(timestamp)) {
    throw new WebhookSignatureError({
      check: 'timestamp_malformed',
      message: `the ${options.timestampHeader} header is not a whole number of unix seconds${
        /^\d{13,}$/.test(timestamp) ? ' (it looks like milliseconds)' : ''
      }.`,
    });
  }
  const expected = Buffer.from(
    computeSignatureHex(options.secret, timestamp, options.rawBody),
    'hex',
  );
  // Both are 32 bytes here (the pattern fixed the length), as timingSafeEqual requires.
  if (!timingSafeEqual(expected, Buffer.from(received, 'hex'))) {
    throw new WebhookSignatureError({
      check: 'signature_mismatch',
      message:
        'the signature does not match the body and timestamp (a different secret, or a body changed after signing).',
    });
  }
  const signedAt = Number(timestamp);
  const ageSeconds = Math.floor(options.now.getTime() / 1000) - signedAt;
  if (ageSeconds > options.toleranceSeconds) {
    throw new WebhookSignatureError({
      check: 'timestamp_stale',
      message: `it was signed ${ageSeconds} s ago, more than the ${options.toleranceSeconds} s tolerance (a replay, or a sender that retried too late).`,
    });
  }
  if (-ageSeconds > options.toleranceSeconds) {
    throw new WebhookSignatureError({
      check: 'timestamp_future',
      message: `it is dated ${-ageSeconds} s in the future, more than the ${options.toleranceSeconds} s tolerance (check the sender's clock).`,
    });
  }
  return new Date(signedAt * 1000);
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value.trim();
  }
  return undefined;
}
