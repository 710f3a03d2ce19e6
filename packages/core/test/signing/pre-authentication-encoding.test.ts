import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/signing/decode-base64';
import { preAuthenticationEncoding } from '../../src/signing/pre-authentication-encoding';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const utf8 = (value: string) => new TextEncoder().encode(value);

describe('preAuthenticationEncoding', () => {
  it('matches the test vector of the DSSE specification', () => {
    expect(
      text(preAuthenticationEncoding('http://example.com/HelloWorld', utf8('hello world'))),
    ).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('encodes an empty body', () => {
    expect(text(preAuthenticationEncoding('t', new Uint8Array()))).toBe('DSSEv1 1 t 0 ');
  });

  it('counts bytes, not characters, for multi-byte UTF-8 in the type and the body', () => {
    // "zahlungsdienst-ü" is 16 characters and 17 bytes; "決済" is 2 characters and 6 bytes.
    const body = utf8('{"service":"zahlungsdienst-ü","team":"決済"}');
    expect(body.byteLength).toBe(47);
    const encoded = preAuthenticationEncoding('tÿpe', body);
    expect(text(encoded)).toBe('DSSEv1 5 tÿpe 47 {"service":"zahlungsdienst-ü","team":"決済"}');
    expect(encoded.byteLength).toBe('DSSEv1 5 '.length + 5 + ' 47 '.length + 47);
  });

  it('keeps arbitrary bytes of the body unchanged', () => {
    const body = new Uint8Array([0, 255, 10, 32]);
    expect([...preAuthenticationEncoding('x', body).slice(-4)]).toEqual([0, 255, 10, 32]);
  });
});

describe('decodeBase64', () => {
  it.each([
    ['aGVsbG8gd29ybGQ=', 'hello world'],
    ['aGVsbG8gd29ybGQ', 'hello world'],
    ['-_8', '\u00fb\u00ff'],
    ['', ''],
  ])('decodes %j', (input, expected) => {
    const bytes = decodeBase64(input);
    expect(bytes === undefined ? undefined : Buffer.from(bytes).toString('latin1')).toBe(expected);
  });

  it.each([
    'aGVsbG8gd29ybGQ=!',
    'a',
    'aGVsbG8*',
    'aGVs bG8=',
    'aGVsbG8gd29ybGR=',
    '+_8A',
    'aGVsbG8gd29ybGQ==',
  ])('refuses %j instead of guessing', (input) => {
    expect(decodeBase64(input)).toBeUndefined();
  });
});
