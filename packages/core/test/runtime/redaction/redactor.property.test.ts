import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/runtime/redaction/redactor';

// Any code point except NUL, which stands in for the mask below.
const textArbitrary = fc
  .string({ unit: 'binary', maxLength: 40 })
  .map((text) => text.replaceAll('\u0000', ''));
const secretArbitrary = fc
  .string({ unit: 'binary', minLength: 4, maxLength: 40 })
  .map((text) => text.replaceAll('\u0000', 'x'))
  .filter((text) => text.length >= 4);
const tokenLikeSecretArbitrary = fc.stringMatching(/^[A-Za-z0-9_\-.~+/=]{4,40}$/);
const anySecret = fc.oneof(secretArbitrary, tokenLikeSecretArbitrary);

/**
 * True when the output still shows the secret in any form it was embedded in. The mask is
 * replaced by NUL first: a secret such as "ACTE" matching inside "[REDACTED]" is not a leak.
 */
function leaks(output: string, secret: string): boolean {
  const visible = output.replaceAll(REDACTED, '\u0000');
  const hiddenInBase64 = [...visible.matchAll(/[A-Za-z0-9+/_-]{8,}={0,2}/g)].some(([run]) =>
    Buffer.from(run, 'base64').toString('utf8').includes(secret),
  );
  return (
    hiddenInBase64 ||
    [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      Buffer.from(secret).toString('base64').replace(/=+$/, ''),
      Buffer.from(secret).toString('base64url'),
    ].some((form) => visible.includes(form))
  );
}

const runs = { numRuns: 300 };

describe('redactor: a registered secret never survives', () => {
  it('in free text, raw or encoded', () => {
    fc.assert(
      fc.property(
        anySecret,
        textArbitrary,
        textArbitrary,
        fc.constantFrom<(secret: string) => string>(
          (secret) => secret,
          (secret) => encodeURIComponent(secret),
          (secret) => new URLSearchParams({ v: secret }).toString().slice(2),
          (secret) => Buffer.from(secret).toString('base64'),
          (secret) => Buffer.from(secret).toString('base64url'),
          (secret) => `Basic ${Buffer.from(`user:${secret}`).toString('base64')}`,
          (secret) => `creds=${Buffer.from(`user:${secret}`).toString('base64')}`,
        ),
        (secret, before, after, encode) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const output = redactor.redactText(`${before}${encode(secret)}${after}`);
          expect(leaks(output, secret)).toBe(false);
        },
      ),
      runs,
    );
  });

  it('in URLs: userinfo, path, query', () => {
    fc.assert(
      fc.property(
        anySecret,
        fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        fc.constantFrom('path', 'query', 'password', 'raw'),
        fc.boolean(),
        (secret, word, position, asObject) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const url = new URL(`https://api.example.com/${word}`);
          if (position === 'path') url.pathname = `/${word}/${secret}/x`;
          if (position === 'query') url.searchParams.set(word, secret);
          if (position === 'password') {
            url.username = word;
            url.password = secret;
          }
          const input = position === 'raw' ? `https://api.example.com/${word}?q=${secret}` : url;
          const output = redactor.redactUrl(
            asObject || typeof input === 'string' ? input : url.href,
          );
          expect(leaks(output, secret)).toBe(false);
        },
      ),
      runs,
    );
  });

  it('in headers', () => {
    fc.assert(
      fc.property(
        anySecret,
        textArbitrary,
        fc.constantFrom('Authorization', 'X-Custom', 'Cookie', 'X-Trace'),
        (secret, text, name) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const output = redactor.redactHeaders({
            [name]: `${text}${secret}`,
            'X-List': [text, `Basic ${Buffer.from(`u:${secret}`).toString('base64')}`],
          });
          expect(leaks(JSON.stringify(output), secret)).toBe(false);
          for (const value of Object.values(output).flat()) {
            expect(leaks(value, secret)).toBe(false);
          }
        },
      ),
      runs,
    );
  });

  it('in nested objects, as values and keys', () => {
    fc.assert(
      fc.property(
        anySecret,
        fc.json({ maxDepth: 3 }).map((json) => JSON.parse(json) as unknown),
        textArbitrary,
        (secret, noise, text) => {
          const redactor = createRedactor();
          redactor.register(secret);
          const input = {
            noise,
            nested: {
              list: [noise, `${text}${secret}`, { [secret]: text }],
              deep: { value: secret },
            },
          };
          const output = redactor.redactValue(input);
          const serialized = JSON.stringify(output);
          for (const piece of collectStrings(output)) expect(leaks(piece, secret)).toBe(false);
          expect(serialized).toContain(REDACTED);
        },
      ),
      runs,
    );
  });
});

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [key, ...collectStrings(item)]);
  }
  return [];
}
