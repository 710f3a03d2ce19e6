import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A self-signed certificate for 127.0.0.1, made with the machine's `openssl` for this run. */
export interface ThrowawayCertificate {
  certificatePath: string;
  keyPath: string;
  directory: string;
}

/** Creates the certificate in a new temporary directory (the caller removes it). */
export function createThrowawayCertificate(): ThrowawayCertificate {
  const directory = mkdtempSync(path.join(tmpdir(), 'evidencekit-bench-tls-'));
  const certificatePath = path.join(directory, 'certificate.pem');
  const keyPath = path.join(directory, 'key.pem');
  execFileSync(
    'openssl',
    [
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
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { certificatePath, keyPath, directory };
}
