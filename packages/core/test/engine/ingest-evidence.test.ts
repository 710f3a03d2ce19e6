import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configureConnector } from '../../src/contract/configured-connector';
import type { IngestOptionsV1 } from '../../src/contract/v1/connector-v1';
import { defineConnector } from '../../src/contract/v1/define-connector';
import { ingestEvidence } from '../../src/engine/ingest-evidence';
import { parseBoundedJson } from '../../src/json/parse-bounded-json';
import { scope, testRuntimeHost } from './fixtures';

/** A connector that records what `doIngest` received and reports one passing fact. */
function recordingConnector() {
  const received: Array<{ payload: unknown; payloadBytes: number | undefined }> = [];
  const connector = defineConnector({
    specificationVersion: 'v1',
    metadata: {
      id: 'recording',
      displayName: 'Recording',
      category: 'custom',
      maturity: 'evidence-ingest',
      credential: 'none',
      scope: { minimum: 'one payload', avoid: 'nothing' },
      defaultMaxAgeSeconds: 300,
      facts: [
        {
          name: 'findings',
          description: 'findings in the payload',
          unit: 'count',
          defaultThreshold: '== 0',
          defaultAction: 'Fix the findings.',
        },
      ],
    },
    configSchema: z.object({}),
    selectorSchema: z.object({}),
    async doCheck() {
      return { ok: true, findings: [] };
    },
    async doCollect() {
      return { facts: [] };
    },
    async doIngest(options: IngestOptionsV1<Record<string, never>>) {
      received.push({ payload: options.payload, payloadBytes: options.payloadBytes });
      return { facts: [{ name: 'findings', kind: 'measured', value: 0, unit: 'count' }] };
    },
  });
  return { configured: configureConnector(connector, {}), received };
}

function ingest(
  payload: unknown,
  limits: { maxPayloadBytes?: number; maxPayloadDepth?: number } = {},
) {
  const { configured, received } = recordingConnector();
  const record = ingestEvidence(configured, {
    scope: scope('checkout'),
    payload,
    runtime: testRuntimeHost(),
    ...limits,
  });
  return { record, received };
}

// A Trivy report, trimmed further from the Trivy connector's fixtures (Trivy's documented JSON
// output, trivy.dev docs/docs/configuration/reporting.md; ArtifactName and the one result
// changed to model a clean image), and a workflow_run webhook delivery trimmed from
// docs.github.com/en/webhooks/webhook-events-and-payloads#workflow_run (only the run fields the
// GitHub Actions connector reads). Core only parses them; the connectors' own tests read them.
const trivyReport = {
  SchemaVersion: 2,
  CreatedAt: '2026-11-21T09:00:00Z',
  ArtifactName: 'registry.example.test/checkout:1.4.0',
  ArtifactType: 'container_image',
  Results: [{ Target: 'alpine 3.19', Class: 'os-pkgs', Type: 'alpine', Vulnerabilities: [] }],
};
const workflowRunDelivery = {
  action: 'completed',
  workflow_run: {
    id: 30433642,
    head_sha: '009b8a3a9ccbb128af87f9b1c0f4c62e8a304f6d',
    status: 'completed',
    conclusion: 'success',
    workflow_id: 159038,
    html_url: 'https://github.com/octo-org/octo-repo/actions/runs/30433642',
    created_at: '2020-01-22T19:33:08Z',
  },
  repository: { full_name: 'octo-org/octo-repo' },
};

describe('ingestEvidence: payloads given as text', () => {
  it.each([
    ['a Trivy report', JSON.stringify(trivyReport), trivyReport],
    ['a Trivy report with a byte order mark', `\uFEFF${JSON.stringify(trivyReport)}`, trivyReport],
    [
      'a pretty-printed webhook delivery',
      JSON.stringify(workflowRunDelivery, null, 2),
      workflowRunDelivery,
    ],
    ['a JSON array', '[1, 2]', [1, 2]],
    ['a JSON string', '"ok"', 'ok'],
  ])('parses %s once, so the connector receives the value', async (_label, text, expected) => {
    const { record, received } = ingest(text);

    expect((await record).status).toBe('passed');
    expect(received).toEqual([
      { payload: expected, payloadBytes: Buffer.byteLength(text, 'utf8') },
    ]);
  });

  it('counts the size in UTF-8 bytes, not characters', async () => {
    const text = JSON.stringify({ ArtifactName: 'é'.repeat(10) });
    const { record, received } = ingest(text);

    await record;
    expect(received[0]?.payloadBytes).toBe(text.length + 10);
  });

  it('hands text that is not JSON to the connector unchanged', async () => {
    const { record, received } = ingest('severity=critical count=3');

    await record;
    expect(received).toEqual([{ payload: 'severity=critical count=3', payloadBytes: 25 }]);
  });

  it.each([
    ['a parsed object', trivyReport],
    ['a Uint8Array', new TextEncoder().encode(JSON.stringify(trivyReport))],
    ['a number', 42],
  ])('passes %s on as it is, without a size', async (_label, payload) => {
    const { record, received } = ingest(payload);

    await record;
    expect(received[0]?.payload).toBe(payload);
    expect(received[0]?.payloadBytes).toBeUndefined();
  });

  it('refuses text over maxPayloadBytes before parsing: every fact unavailable, the connector never called', async () => {
    const text = JSON.stringify(trivyReport);
    const bytes = Buffer.byteLength(text, 'utf8');
    const over = ingest(text, { maxPayloadBytes: bytes - 1 });
    const at = ingest(text, { maxPayloadBytes: bytes });

    const record = await over.record;
    expect(over.received).toEqual([]);
    expect(record.status).toBe('unavailable');
    expect(record.facts).toEqual([
      expect.objectContaining({
        name: 'findings',
        status: 'unavailable',
        reason: expect.objectContaining({ code: 'invalid_response' }),
      }),
    ]);
    expect(record.facts[0]?.reason?.message).toContain(
      `${bytes} bytes, more than the ${bytes - 1}-byte limit (maxPayloadBytes)`,
    );
    expect((await at.record).status).toBe('passed');
  });

  it.each([
    ['100 000 nested arrays', '['.repeat(100_000), 128],
    ['129 nested objects', `${'{"a":'.repeat(129)}1${'}'.repeat(129)}`, 128],
    ['3 levels under a limit of 2', '{"a":[{"b":1}]}', 2],
  ])('refuses %s over maxPayloadDepth before parsing', async (_label, text, maxPayloadDepth) => {
    const { record, received } = ingest(text, { maxPayloadDepth });

    const result = await record;
    expect(received).toEqual([]);
    expect(result.facts[0]).toMatchObject({
      status: 'unavailable',
      reason: { code: 'invalid_response' },
    });
    expect(result.facts[0]?.reason?.message).toContain(
      `more than ${maxPayloadDepth} levels deep (maxPayloadDepth)`,
    );
  });

  it('does not count brackets inside strings, escaped quotes included', async () => {
    const payload = { ArtifactName: `[{"\\"${'['.repeat(500)}`, Results: [] };
    const { record, received } = ingest(JSON.stringify(payload), { maxPayloadDepth: 2 });

    expect((await record).status).toBe('passed');
    expect(received[0]?.payload).toEqual(payload);
  });

  it.each([
    [{ maxPayloadBytes: 0 }, 'maxPayloadBytes'],
    [{ maxPayloadBytes: 1.5 }, 'maxPayloadBytes'],
    [{ maxPayloadDepth: -1 }, 'maxPayloadDepth'],
    [{ maxPayloadDepth: Number.NaN }, 'maxPayloadDepth'],
  ])('refuses the limit %j as configuration naming %s', async (limits, field) => {
    const { record, received } = ingest('{}', limits);

    const result = await record;
    expect(received).toEqual([]);
    expect(result.facts[0]?.reason?.code).toBe('config');
    expect(result.facts[0]?.reason?.message).toContain(field);
  });
});

describe('parseBoundedJson', () => {
  function depthOf(value: unknown): number {
    if (typeof value !== 'object' || value === null) return 0;
    const children = Array.isArray(value) ? value : Object.values(value);
    return 1 + Math.max(0, ...children.map(depthOf));
  }

  it('parses any JSON text exactly as JSON.parse does, refusing it only when it nests deeper than the limit', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (value, maxDepth) => {
          const text = JSON.stringify(value);
          const result = parseBoundedJson(text, { maxBytes: 1_000_000, maxDepth });
          if (depthOf(JSON.parse(text)) > maxDepth) expect(result.kind).toBe('too_deep');
          else
            expect(result).toEqual({
              kind: 'json',
              value: JSON.parse(text),
              bytes: Buffer.byteLength(text),
            });
        },
      ),
    );
  });

  it('refuses any text over the byte limit, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), (text) => {
        const bytes = Buffer.byteLength(text, 'utf8');
        expect(parseBoundedJson(text, { maxBytes: bytes - 1, maxDepth: 128 })).toEqual({
          kind: 'too_large',
          bytes,
        });
      }),
    );
  });
});
