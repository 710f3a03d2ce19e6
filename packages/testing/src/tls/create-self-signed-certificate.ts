import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** A throwaway self-signed certificate and its key, as files and as PEM text. */
export interface SelfSignedCertificate {
  /** PEM of the certificate: serve it, and trust it as the CA of the client under test. */
  certificate: string;
  /** PEM of the private key (test material only). */
  key: string;
  certificatePath: string;
  keyPath: string;
  /** The temporary folder holding both files. */
  directory: string;
  /** Deletes the folder. */
  remove(): Promise<void>;
}

/**
 * Makes a self-signed certificate for a loopback TLS server (default `127.0.0.1`, as an IP
 * subject alternative name), valid for one day, with the machine's `openssl`: for testing that a
 * connector trusts a private CA (a cluster CA) and only that.
 *
 * @throws when `openssl` is not installed.
 */
export async function createSelfSignedCertificate(
  options: { ipAddress?: string } = {},
): Promise<SelfSignedCertificate> {
  const ipAddress = options.ipAddress ?? '127.0.0.1';
  const directory = await mkdtemp(path.join(tmpdir(), 'evidencekit-tls-'));
  const certificatePath = path.join(directory, 'certificate.pem');
  const keyPath = path.join(directory, 'key.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certificatePath,
    '-days',
    '1',
    '-subj',
    `/CN=${ipAddress}`,
    '-addext',
    `subjectAltName=IP:${ipAddress}`,
  ]);
  return {
    certificate: await readFile(certificatePath, 'utf8'),
    key: await readFile(keyPath, 'utf8'),
    certificatePath,
    keyPath,
    directory,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
