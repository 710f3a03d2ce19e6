import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { renderJsonReport } from '../../src/report/render-json-report';
import { renderJunitReport } from '../../src/report/render-junit-report';
import { renderMarkdownReport } from '../../src/report/render-markdown-report';
import { createRedactor } from '../../src/runtime/redaction/redactor';
import { createSecretResolver } from '../../src/runtime/secrets/secret-resolver';
import { SecretValue } from '../../src/runtime/secrets/secret-value';
import { createEd25519Signer } from '../../src/signing/create-ed25519-signer';
import { createEd25519Verifier } from '../../src/signing/create-ed25519-verifier';
import { createEvidenceStatement } from '../../src/signing/create-evidence-statement';
import { generateEd25519KeyPair } from '../../src/signing/generate-ed25519-key-pair';
import { signEvidence } from '../../src/signing/sign-evidence';
import { verifyEvidenceEnvelope } from '../../src/signing/verify-evidence-envelope';
import { releaseRecords } from './signing-fixtures';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('createEd25519Signer', () => {
  it('signs with a key resolved by the secret resolver, which registers it for redaction', async () => {
    const pair = generateEd25519KeyPair();
    const redactor = createRedactor();
    const secrets = createSecretResolver({
      redactor,
      environment: { EVIDENCE_SIGNING_KEY: pair.privateKey.reveal() },
    });
    const signer = createEd25519Signer({
      privateKey: await secrets.resolve('env:EVIDENCE_SIGNING_KEY'),
    });
    expect(signer.keyId).toBe(pair.keyId);
    // `env:` drops one trailing newline, so the registered secret is the PEM without it; the
    // newline after the masked key is not part of the secret.
    expect(redactor.redactText(`key: ${pair.privateKey.reveal()}`)).toBe('key: [REDACTED]\n');
  });

  it.each([
    ['text that is not a key', 'not a key at all', 'text that is not a PEM private key'],
    ['a public key', generateEd25519KeyPair().publicKey, 'text that is not a PEM private key'],
    [
      'an RSA key',
      generateKeyPairSync('rsa', { modulusLength: 1024 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      'a rsa private key',
    ],
  ])('refuses %s, naming the secret reference and never the text', (_name, text, received) => {
    const error = thrown(() =>
      createEd25519Signer({ privateKey: new SecretValue(text, 'env:EVIDENCE_SIGNING_KEY') }),
    );
    expect(ConfigurationError.isInstance(error)).toBe(true);
    const configurationError = error as ConfigurationError;
    expect(configurationError.issues).toEqual([
      {
        path: 'env:EVIDENCE_SIGNING_KEY',
        expected: 'an Ed25519 private key in PEM (PKCS#8) format',
        received,
      },
    ]);
    expect(configurationError.cause).toBeUndefined();
    expect(inspect(configurationError)).not.toContain(text.slice(40, 80) || text);
  });
});

describe('createEd25519Verifier', () => {
  it.each([
    ['text that is not a key', 'nope', 'publicKey', 'text that is not a PEM public key'],
    [
      'an RSA public key',
      generateKeyPairSync('rsa', { modulusLength: 1024 })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString(),
      'publicKey',
      'a rsa public key',
    ],
  ])('refuses %s', (_name, publicKey, path, received) => {
    const error = thrown(() => createEd25519Verifier({ publicKey }));
    expect((error as ConfigurationError).issues).toEqual([
      { path, expected: 'an Ed25519 public key in PEM (SPKI) format', received },
    ]);
  });

  it('names the position of a bad key in a list, and refuses an empty list', () => {
    const error = thrown(() =>
      createEd25519Verifier({ publicKey: [generateEd25519KeyPair().publicKey, 'nope'] }),
    );
    expect((error as ConfigurationError).issues[0]?.path).toBe('publicKey[1]');
    expect(
      ConfigurationError.isInstance(thrown(() => createEd25519Verifier({ publicKey: [] }))),
    ).toBe(true);
  });

  it('refuses a private key, so private keys are not copied to verifiers', () => {
    const pair = generateEd25519KeyPair();
    const error = thrown(() => createEd25519Verifier({ publicKey: pair.privateKey.reveal() }));
    expect((error as ConfigurationError).issues[0]?.received).toBe(
      'a private key; give verifiers the public key only',
    );
    expect((error as ConfigurationError).message).not.toContain(
      pair.privateKey.reveal().slice(30, 60),
    );
  });
});

describe('the private key never leaves (canary)', () => {
  it('appears in no envelope, report, result, error or printout', async () => {
    const pair = generateEd25519KeyPair();
    const pem = pair.privateKey.reveal();
    // Forms of the key a leak could take: the PEM body, the DER in hex, the raw seed.
    const body = pem
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('-----'))
      .join('');
    const der = Buffer.from(body, 'base64');
    const seed = der.subarray(der.byteLength - 32);
    const canaries = [
      body,
      body.slice(20, 44),
      der.toString('hex'),
      seed.toString('hex'),
      seed.toString('base64').replace(/=+$/, ''),
      seed.toString('base64url'),
    ];

    const signer = createEd25519Signer({ privateKey: pair.privateKey });
    const records = releaseRecords();
    const statement = createEvidenceStatement({ records });
    const envelope = await signEvidence(statement, signer);
    const wrongVerifier = createEd25519Verifier({ publicKey: generateEd25519KeyPair().publicKey });
    const outputs: string[] = [
      JSON.stringify(envelope),
      Buffer.from(envelope.payload, 'base64').toString('utf8'),
      JSON.stringify(await verifyEvidenceEnvelope(envelope, { verifier: wrongVerifier })),
      JSON.stringify(
        await verifyEvidenceEnvelope(envelope, {
          verifier: createEd25519Verifier({ publicKey: pair.publicKey }),
        }),
      ),
      renderJsonReport({ records }),
      renderMarkdownReport({ records }),
      renderJunitReport({ records }),
      inspect(signer, { depth: 10, showHidden: true }),
      JSON.stringify(signer),
      inspect(pair, { depth: 10 }),
      JSON.stringify(pair),
      String(pair.privateKey),
      `${pair.privateKey}`,
      inspect(
        thrown(() =>
          createEd25519Signer({
            privateKey: new SecretValue(
              pem.replace(body.slice(8, 24), '!'.repeat(16)),
              'file:key.pem',
            ),
          }),
        ),
        { depth: 10 },
      ),
      inspect(
        thrown(() => createEd25519Signer({ privateKey: pem.replace('PRIVATE', 'PUBLIC') })),
        { depth: 10 },
      ),
    ];
    for (const output of outputs) {
      for (const canary of canaries) expect(output).not.toContain(canary);
    }
  });
});
