import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ConformanceReport, checkConnectorConformance } from '@evidencekit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceReport, trivyConformanceOptions } from './conformance-options';

// The Trivy connector reads local files and never makes an HTTP request: it declares
// `transport: 'none'`, so the kit's HTTP fault scenarios (no primary routes) and the 429 check
// are skipped, and the kit checks that no request was sent at all.

const directory = mkdtempSync(path.join(tmpdir(), 'evidencekit-trivy-conformance-'));
const reportPath = path.join(directory, 'trivy.json');
let report: ConformanceReport;

beforeAll(async () => {
  writeFileSync(reportPath, JSON.stringify(conformanceReport));
  report = await checkConnectorConformance(trivyConformanceOptions(reportPath));
}, 60_000);

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('connector conformance: trivy', () => {
  it('passes every check that applies to a connector without HTTP', () => {
    const failed = report.checks.filter((check) => check.status === 'failed');

    expect(failed.map((check) => `${check.name}: ${check.message}`)).toEqual([]);
  });

  it('runs the metadata, happy-path, secret and check checks', () => {
    const passed = report.checks
      .filter((check) => check.status === 'passed')
      .map((check) => check.name);

    expect(passed).toEqual(
      expect.arrayContaining([
        'metadata:complete',
        'metadata:default-thresholds-parse',
        'metadata:config-json-schema',
        'happy-path:valid-evidence',
        'happy-path:no-unmocked-requests',
        'check:completes',
        'transport:no-requests',
        'secrets:no-canary-in-output',
      ]),
    );
  });

  it('skips the HTTP rate-limit check, because the connector sends no request', () => {
    const rateLimitCheck = report.checks.find((check) => check.name === 'check:fails-fast-on-429');

    expect(rateLimitCheck?.status).toBe('skipped');
  });
});
