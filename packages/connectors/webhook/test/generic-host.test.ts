import { createHmac } from 'node:crypto';
import {
  ConfigurationError,
  collectEvidence,
  configureConnector,
  evaluateGate,
  ingestEvidence,
  parseGatePolicy,
  validateTargetConfiguration,
} from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import { type WebhookSettings, webhookConnector } from '../src/index';
import { deployVerificationPayload } from './fixtures/deploy-verification-payload';
import { NOW, NOW_SECONDS, SIGNING_SECRET, scope, testRuntime } from './support';

// A generic host (the CLI is one) knows only the exported definition and the settings it
// read from a file: no createWebhook. Issue 11 item 3: such a host used to get only the health
// facts, and every mapped fact came out `unavailable: config`.
const settings: WebhookSettings = {
  secret: 'env:WEBHOOK_SECRET',
  facts: {
    smoke_tests_failed: {
      pointer: '/tests/failed',
      unit: 'count',
      threshold: '== 0',
      action: 'Fix the failing smoke tests.',
    },
    verification_verdict: {
      pointer: '/verdict',
      unit: 'word',
      threshold: '== passed',
      action: 'Read the verification report.',
    },
  },
};
const configured = configureConnector(webhookConnector, settings);

function signedPayload(body: string) {
  const signature = createHmac('sha256', SIGNING_SECRET)
    .update(`${NOW_SECONDS}.${body}`)
    .digest('hex');
  return {
    rawBody: body,
    headers: {
      'x-evidencekit-timestamp': String(NOW_SECONDS),
      'x-evidencekit-signature': `sha256=${signature}`,
    },
  };
}

const policyRequiring = (fact: string) => ({
  environments: { production: { required: [{ connector: 'webhook', fact }] } },
});

describe('a generic host with the exported webhookConnector', () => {
  it('ingests the mapped facts and a policy naming one of them passes the gate', async () => {
    const record = await ingestEvidence(configured, {
      scope,
      payload: signedPayload(JSON.stringify(deployVerificationPayload)),
      now: () => NOW,
      runtime: testRuntime(),
    });
    expect(record.facts.map((fact) => [fact.name, fact.status])).toEqual([
      ['smoke_tests_failed', 'passed'],
      ['verification_verdict', 'passed'],
    ]);
    const policy = parseGatePolicy(policyRequiring('smoke_tests_failed'), {
      connectors: [configured],
    });
    expect(evaluateGate([record], policy, NOW).decision).toBe('pass');
  });

  it('records manual evidence for a mapped fact', async () => {
    const [record] = await Array.fromAsync(
      collectEvidence({
        targets: [
          {
            connector: configured,
            scope,
            selector: {
              mode: 'manual',
              facts: [
                {
                  name: 'verification_verdict',
                  value: 'passed',
                  reason: 'Verified by hand during the CI outage',
                  actor: 'jane.doe@acme.example',
                  expiresAt: '2026-05-10T00:00:00Z',
                },
              ],
            },
          },
        ],
        now: () => NOW,
        runtime: testRuntime(),
      }),
    );
    expect(record?.facts).toEqual([
      expect.objectContaining({ name: 'verification_verdict', status: 'passed' }),
    ]);
  });

  it('refuses a misspelt mapped fact in a policy and in a threshold override, with a did-you-mean', async () => {
    expect(() =>
      parseGatePolicy(policyRequiring('smoke_test_failed'), { connectors: [configured] }),
    ).toThrow(/"smoke_test_failed" is not one \(did you mean "smoke_tests_failed"\?\)/);
    const validation = validateTargetConfiguration(
      {
        connector: configured,
        scope,
        selector: { mode: 'health' },
        thresholds: { verification_verdic: '== passed', smoke_tests_failed: '<= 1' },
      },
      { runtime: testRuntime() },
    );
    await expect(validation).rejects.toThrow(ConfigurationError);
    await expect(validation).rejects.toThrow(/did you mean "verification_verdict"/);
  });
});
