import type { EvidenceRecord } from '../../src/evidence/evidence-schema';
import { failedLatency, makeRecord, passedErrorRate } from '../report/support/report-fixtures';

export const DIGEST_HEX = 'a'.repeat(64);
export const DIGEST = `sha256:${DIGEST_HEX}`;
export const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`;

/** Records about one release of a service whose name is not ASCII. */
export function releaseRecords(): EvidenceRecord[] {
  const release = { version: '2.14.0', artifactDigest: DIGEST };
  return [
    makeRecord({ service: 'zahlungsdienst-ü-決済', release, facts: [passedErrorRate] }),
    makeRecord({
      service: 'zahlungsdienst-ü-決済',
      environment: 'staging',
      release,
      facts: [failedLatency],
    }),
  ];
}
