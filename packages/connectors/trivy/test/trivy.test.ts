import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkConnector,
  collectEvidence,
  createRuntime,
  type EvidenceRecord,
  type EvidenceScope,
  evaluateGate,
  evidenceRecordSchema,
  type Fact,
  ingestEvidence,
  parseGatePolicy,
  type Runtime,
} from '@evidencekit/core';
import { collectOne } from '@evidencekit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTrivy, type TrivySettings } from '../src/index';
import {
  cleanImageReport,
  filesystemReport,
  IMAGE_CONFIG_DIGEST,
  IMAGE_DIGEST,
  imageReport,
  noPackageTargetsReport,
  noResultsReport,
} from './fixtures/trivy-reports';

const scope: EvidenceScope = {
  workspaceId: 'workspace-acme',
  service: 'api',
  environment: 'production',
  release: { version: '2.14.0', artifactDigest: IMAGE_DIGEST },
};
const scopeWithoutDigest: EvidenceScope = {
  workspaceId: 'workspace-acme',
  service: 'api',
  environment: 'production',
};
const now = () => new Date('2026-05-03T10:00:00Z');

let runtime: Runtime;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'evidencekit-trivy-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});
beforeEach(() => {
  runtime = createRuntime({ cacheStore: false });
});
afterEach(async () => {
  await runtime.close();
});

function ingest(
  payload: unknown,
  options: {
    settings?: TrivySettings;
    scope?: EvidenceScope;
    thresholds?: Record<string, string>;
  } = {},
): Promise<EvidenceRecord> {
  return ingestEvidence(createTrivy(options.settings), {
    scope: options.scope ?? scope,
    payload,
    now,
    runtime,
    ...(options.thresholds === undefined ? {} : { thresholds: options.thresholds }),
  });
}

async function collect(
  selector: { reportPath?: string },
  settings: TrivySettings = {},
  collectScope: EvidenceScope = scope,
): Promise<EvidenceRecord> {
  return collectOne(createTrivy(settings), { scope: collectScope, selector }, { now, runtime });
}

async function writeReport(name: string, content: unknown): Promise<string> {
  const file = path.join(directory, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function fact(record: EvidenceRecord, name: string): Fact {
  const found = record.facts.find((candidate) => candidate.name === name);
  if (found === undefined)
    throw new Error(`no fact ${name} in ${record.facts.map((f) => f.name).join(', ')}`);
  return found;
}

function measured(record: EvidenceRecord): Record<string, number | undefined> {
  return Object.fromEntries(record.facts.map((f) => [f.name, f.measurement?.value]));
}

describe('ingesting a Trivy report', () => {
  it('counts distinct vulnerabilities by severity, fixable ones, and dates the record by CreatedAt', async () => {
    const record = await ingest(imageReport);

    expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
    expect(measured(record)).toEqual({
      critical_vulnerabilities: 1,
      high_vulnerabilities: 2,
      medium_vulnerabilities: 2,
      low_vulnerabilities: 1,
      unknown_severity_vulnerabilities: 1,
      fixable_vulnerabilities: 4,
      artifact_digest_match: undefined,
    });
    expect(record.freshness.observedAt).toBe('2026-05-03T09:12:45.338Z');
    expect(record.providerMetadata?.trivy).toMatchObject({
      artifactName: imageReport.ArtifactName,
      artifactType: 'container_image',
      scannedTargets: 3,
      duplicatesMerged: 1,
    });
  });

  it('fails the critical and high facts against their default thresholds and names the IDs', async () => {
    const record = await ingest(imageReport);

    expect(fact(record, 'critical_vulnerabilities')).toMatchObject({
      status: 'failed',
      threshold: '== 0',
      reason: { code: 'threshold_breached' },
    });
    expect(fact(record, 'critical_vulnerabilities').reason?.message).toContain(
      'CVE-2024-5535 in libssl3 3.0.11-1~deb12u2 (fixed in 3.0.14-1~deb12u1)',
    );
    expect(fact(record, 'high_vulnerabilities').reason?.message).toContain(
      'CVE-2023-45853 in zlib1g 1:1.2.13.dfsg-1 (no fix yet)',
    );
    for (const name of [
      'medium_vulnerabilities',
      'low_vulnerabilities',
      'fixable_vulnerabilities',
    ]) {
      expect(fact(record, name).status).toBe('passed');
    }
    expect(record.status).toBe('failed');
  });

  it('passes every count of a clean image and the gate lets it through', async () => {
    const record = await ingest(cleanImageReport);

    expect(record.status).toBe('passed');
    expect(fact(record, 'critical_vulnerabilities')).toMatchObject({
      status: 'passed',
      value: '0',
    });
    const policy = parseGatePolicy({
      environments: {
        production: {
          required: [
            { connector: 'trivy', fact: 'critical_vulnerabilities' },
            { connector: 'trivy', fact: 'artifact_digest_match' },
          ],
        },
      },
    });
    const decision = evaluateGate([record], policy, now());
    expect(decision.decision).toBe('pass');
  });

  it('applies threshold overrides: a looser high threshold passes, a stricter medium one fails', async () => {
    const record = await ingest(imageReport, {
      thresholds: { high_vulnerabilities: '<= 5', medium_vulnerabilities: '== 0' },
    });

    expect(fact(record, 'high_vulnerabilities')).toMatchObject({
      status: 'passed',
      threshold: '<= 5',
    });
    expect(fact(record, 'medium_vulnerabilities')).toMatchObject({ status: 'failed', value: '2' });
  });

  it('accepts the report as JSON text, with a byte order mark', async () => {
    const record = await ingest(`\uFEFF${JSON.stringify(imageReport)}`);

    expect(fact(record, 'critical_vulnerabilities').measurement?.value).toBe(1);
  });

  it('counts a vulnerability listed in several results once, with its worst severity', async () => {
    const report = structuredClone(imageReport);
    const copy = { ...report.Results[0]?.Vulnerabilities?.[3], Severity: 'CRITICAL' };
    report.Results.push({
      Target: 'second layer',
      Class: 'os-pkgs',
      Type: 'debian',
      Vulnerabilities: [copy],
    } as never);

    const record = await ingest(report);

    // CVE-2024-2511 moves from MEDIUM to CRITICAL instead of being counted twice.
    expect(measured(record)).toMatchObject({
      critical_vulnerabilities: 2,
      medium_vulnerabilities: 1,
    });
    expect(record.providerMetadata?.trivy).toMatchObject({ duplicatesMerged: 2 });
  });

  it('treats a report that scanned no package target as no data, never as zero findings', async () => {
    for (const report of [noResultsReport, noPackageTargetsReport]) {
      const record = await ingest(report, { scope: scopeWithoutDigest });
      const counts = record.facts.filter((f) => f.name !== 'artifact_digest_match');
      expect(counts).toHaveLength(6);
      for (const count of counts) {
        expect(count).toMatchObject({ status: 'unavailable', reason: { code: 'no_data' } });
        expect(count.reason?.message).toContain('lists no scanned package targets');
      }
      expect(record.status).toBe('unavailable');
    }
  });

  it('falls back to the ingestion time without CreatedAt, and says so', async () => {
    const { CreatedAt: _omitted, ...report } = cleanImageReport;

    const record = await ingest(report);

    expect(record.freshness.observedAt).toBe(now().toISOString());
    expect(record.warnings).toContainEqual(
      expect.objectContaining({ code: 'report_time_unknown' }),
    );
  });
});

describe('artifact digest', () => {
  it.each([
    ['the manifest digest from RepoDigests', IMAGE_DIGEST, 'passed'],
    ['the image config digest (ImageID)', IMAGE_CONFIG_DIGEST, 'passed'],
    [
      'an upper-case spelling of the digest',
      IMAGE_DIGEST.toUpperCase().replace('SHA256', 'sha256'),
      'passed',
    ],
    ['another artifact', `sha256:${'0'.repeat(64)}`, 'failed'],
  ])('compares the scope with %s', async (_what, artifactDigest, status) => {
    const record = await ingest(cleanImageReport, {
      scope: { ...scope, release: { artifactDigest } },
    });

    expect(fact(record, 'artifact_digest_match').status).toBe(status);
  });

  it('explains a mismatch with the digests the report names', async () => {
    const record = await ingest(cleanImageReport, {
      scope: { ...scope, release: { artifactDigest: `sha256:${'0'.repeat(64)}` } },
    });

    expect(fact(record, 'artifact_digest_match')).toMatchObject({
      status: 'failed',
      value: 'mismatch',
      reason: { code: 'threshold_breached' },
    });
    expect(fact(record, 'artifact_digest_match').reason?.message).toContain(
      `the report is about another artifact: it names ${IMAGE_DIGEST}`,
    );
    expect(record.status).toBe('failed');
  });

  it('is unavailable when the report names no digest (a filesystem scan)', async () => {
    const record = await ingest(filesystemReport);

    expect(fact(record, 'artifact_digest_match')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'no_data' },
    });
    expect(fact(record, 'high_vulnerabilities').measurement?.value).toBe(1);
  });

  it('is not reported when the scope names no digest, with a warning, and a gate requiring it holds', async () => {
    const record = await ingest(cleanImageReport, { scope: scopeWithoutDigest });

    expect(record.facts.map((f) => f.name)).not.toContain('artifact_digest_match');
    expect(record.warnings).toContainEqual(
      expect.objectContaining({ code: 'artifact_digest_unchecked' }),
    );
    const policy = parseGatePolicy({
      environments: {
        production: { required: [{ connector: 'trivy', fact: 'artifact_digest_match' }] },
      },
    });
    const decision = evaluateGate([record], policy, now());
    expect(decision.decision).toBe('hold');
  });
});

describe('malformed reports', () => {
  const withVulnerability = (change: Record<string, unknown>) => {
    const report = structuredClone(imageReport) as {
      Results: Array<{ Vulnerabilities?: unknown[] }>;
    };
    const result = report.Results[1];
    if (result?.Vulnerabilities === undefined) throw new Error('fixture changed');
    result.Vulnerabilities[0] = { ...(result.Vulnerabilities[0] as object), ...change };
    return report;
  };

  it.each([
    ['text that is not JSON', '{"SchemaVersion": 2, "Results": [', 'is not JSON'],
    ['JSON that is not an object', '[1, 2]', '(root): expected an object, received an array'],
    ['a SARIF report', { version: '2.1.0', runs: [] }, 'SchemaVersion: missing, expected 2'],
    ['SchemaVersion 1', { ...imageReport, SchemaVersion: 1 }, 'has SchemaVersion number 1'],
    ['SchemaVersion as text', { ...imageReport, SchemaVersion: '2' }, 'has SchemaVersion "2"'],
    [
      'an unknown severity',
      withVulnerability({ Severity: 'SEVERE' }),
      'Results[1].Vulnerabilities[0].Severity: expected one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN, received "SEVERE"',
    ],
    [
      'a numeric package name',
      withVulnerability({ PkgName: 42 }),
      'Results[1].Vulnerabilities[0].PkgName',
    ],
    [
      'a missing vulnerability ID',
      withVulnerability({ VulnerabilityID: undefined }),
      'Results[1].Vulnerabilities[0].VulnerabilityID',
    ],
    ['Results as an object', { ...imageReport, Results: {} }, 'Results: '],
    ['a CreatedAt that is not a date', { ...imageReport, CreatedAt: 'yesterday' }, 'CreatedAt: '],
  ])(
    'makes every fact unavailable: invalid_response for %s, naming the problem',
    async (_what, payload, expected) => {
      const record = await ingest(payload);

      expect(record.facts).toHaveLength(7);
      for (const f of record.facts) {
        expect(f).toMatchObject({ status: 'unavailable', reason: { code: 'invalid_response' } });
        expect(f.reason?.message).toContain('the uploaded Trivy report');
        expect(f.reason?.message).toContain(expected);
      }
      expect(record.status).toBe('unavailable');
    },
  );

  it('refuses a report text larger than maxReportBytes', async () => {
    const record = await ingest(JSON.stringify(imageReport), {
      settings: { maxReportBytes: 1_000 },
    });

    expect(fact(record, 'critical_vulnerabilities')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response' },
    });
    expect(fact(record, 'critical_vulnerabilities').reason?.message).toContain(
      'more than the 1000-byte limit',
    );
  });
});

describe('ignore settings', () => {
  it('leaves out ignoreIds (case-insensitively) and says which in a warning', async () => {
    const record = await ingest(imageReport, {
      settings: { ignoreIds: ['cve-2024-5535', 'CVE-2024-37890', 'CVE-1999-0001'] },
    });

    expect(measured(record)).toMatchObject({
      critical_vulnerabilities: 0,
      medium_vulnerabilities: 1,
    });
    expect(fact(record, 'critical_vulnerabilities').status).toBe('passed');
    expect(record.warnings).toContainEqual({
      code: 'vulnerabilities_ignored',
      message:
        '2 vulnerabilities were left out of the counts by ignoreIds: CVE-2024-37890, CVE-2024-5535',
    });
    expect(record.providerMetadata?.trivy).toMatchObject({
      ignoredIds: ['CVE-2024-37890', 'CVE-2024-5535'],
      ignoredByIdCount: 2,
    });
  });

  it('leaves out unfixed vulnerabilities with ignoreUnfixed and says how many', async () => {
    const record = await ingest(imageReport, { settings: { ignoreUnfixed: true } });

    expect(measured(record)).toMatchObject({
      critical_vulnerabilities: 1,
      high_vulnerabilities: 1,
      low_vulnerabilities: 0,
      unknown_severity_vulnerabilities: 0,
      fixable_vulnerabilities: 4,
    });
    expect(record.warnings).toContainEqual({
      code: 'unfixed_vulnerabilities_ignored',
      message:
        '3 vulnerabilities without a fixed version were left out of the counts by ignoreUnfixed',
    });
  });

  it('adds no ignore warning when nothing matched', async () => {
    const record = await ingest(imageReport, { settings: { ignoreIds: ['CVE-1999-0001'] } });

    expect(record.warnings?.map((warning) => warning.code) ?? []).not.toContain(
      'vulnerabilities_ignored',
    );
  });
});

describe('collecting from a report file', () => {
  it('reads the selector reportPath and links the file as the source', async () => {
    const file = await writeReport('image.json', imageReport);

    const record = await collect({ reportPath: file });

    expect(measured(record)).toMatchObject({
      critical_vulnerabilities: 1,
      fixable_vulnerabilities: 4,
    });
    expect(fact(record, 'artifact_digest_match').status).toBe('passed');
    expect(fact(record, 'critical_vulnerabilities').source?.url).toBe(`file://${file}`);
    expect(record.providerMetadata?.trivy).toMatchObject({ reportPath: file });
  });

  it("falls back to the settings' reportPath, and to the file time without CreatedAt", async () => {
    const { CreatedAt: _omitted, ...report } = cleanImageReport;
    const file = await writeReport('old.json', report);
    const written = new Date('2026-05-02T22:00:00Z');
    await utimes(file, written, written);

    const record = await collect({}, { reportPath: file });

    expect(record.freshness.observedAt).toBe(written.toISOString());
    expect(record.warnings).toContainEqual(
      expect.objectContaining({
        code: 'report_time_unknown',
        message: expect.stringContaining('modification time'),
      }),
    );
  });

  it.each([
    ['no path anywhere', undefined, 'no report to read: set reportPath'],
    ['a missing file', 'missing/trivy.json', 'no such file'],
    ['a directory', '.', 'is not a file'],
  ])('makes every fact unavailable: config for %s', async (_what, name, expected) => {
    const selector = name === undefined ? {} : { reportPath: path.join(directory, name) };

    const record = await collect(selector);

    for (const f of record.facts) {
      expect(f).toMatchObject({ status: 'unavailable', reason: { code: 'config' } });
      expect(f.reason?.message).toContain(expected);
    }
  });

  it('refuses a file larger than maxReportBytes before reading it', async () => {
    const file = await writeReport('large.json', imageReport);

    const record = await collect({ reportPath: file }, { maxReportBytes: 100 });

    expect(fact(record, 'critical_vulnerabilities')).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response' },
    });
    expect(fact(record, 'critical_vulnerabilities').reason?.message).toMatch(
      /is \d+ bytes, more than the 100-byte limit/,
    );
  });

  it('names the file in a malformed-report message', async () => {
    const file = await writeReport('broken.json', 'not json');

    const record = await collect({ reportPath: file });

    expect(fact(record, 'high_vulnerabilities').reason?.message).toContain(
      `the Trivy report at "${file}" is not JSON`,
    );
  });

  it('ends as cancelled when the run is aborted', async () => {
    const file = await writeReport('image-abort.json', imageReport);
    const controller = new AbortController();
    controller.abort(new Error('the host cancelled the run'));

    const records = await Array.fromAsync(
      collectEvidence({
        targets: [{ connector: createTrivy(), scope, selector: { reportPath: file } }],
        now,
        runtime,
        signal: controller.signal,
      }),
    );

    for (const f of records[0]?.facts ?? []) {
      expect(f).toMatchObject({ status: 'unavailable', reason: { code: 'cancelled' } });
    }
  });
});

describe('checkConnector', () => {
  it('is ok without a default report, with an informational finding', async () => {
    const check = await checkConnector(createTrivy(), { runtime });

    expect(check).toMatchObject({
      ok: true,
      findings: [{ status: 'ok', code: 'no_default_report' }],
    });
  });

  it('reads and parses the default report', async () => {
    const file = await writeReport('check.json', imageReport);

    const check = await checkConnector(createTrivy({ reportPath: file }), { runtime });

    expect(check.ok).toBe(true);
    expect(check.findings[0]).toMatchObject({ status: 'ok', code: 'report_readable' });
    expect(check.findings[0]?.message).toContain(
      'SchemaVersion 2, 4 result(s), created 2026-05-03T09:12:45.338741102Z',
    );
  });

  it.each([
    ['a missing default report', async () => path.join(directory, 'nope.json'), 'config'],
    [
      'a default report that does not parse',
      () => writeReport('check-bad.json', { SchemaVersion: 3 }),
      'invalid_response',
    ],
  ])('fails for %s', async (_what, makePath, code) => {
    const check = await checkConnector(createTrivy({ reportPath: await makePath() }), { runtime });

    expect(check.ok).toBe(false);
    expect(check.findings).toEqual([expect.objectContaining({ status: 'error', code })]);
  });

  it('reports bad settings as a config error', async () => {
    const check = await checkConnector(createTrivy({ ignoreIds: [''] }), { runtime });

    expect(check).toMatchObject({ ok: false, findings: [{ status: 'error', code: 'config' }] });
  });
});

describe('nested report directories', () => {
  it('resolves relative report paths from the working directory', async () => {
    const nested = path.join(directory, 'nested');
    await mkdir(nested, { recursive: true });
    await writeReport('nested/relative.json', cleanImageReport);
    const relative = path.relative(process.cwd(), path.join(nested, 'relative.json'));

    const record = await collect({ reportPath: relative });

    expect(fact(record, 'critical_vulnerabilities').status).toBe('passed');
  });
});
