import path from 'node:path';
import { ConfigurationError, createRuntime } from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import { evidencekitConfigSchema } from '../../src/config/config-schema';
import { configureConnectors } from '../../src/config/configure-connectors';
import type { LoadedConfig } from '../../src/config/load-config';
import { preflightConfiguration } from '../../src/config/preflight-configuration';

// The CLI is a generic host: it loads the webhook package's exported definition by its `use`
// field and binds it to the file's settings. Its policy check must see the facts those
// settings map (issue 11 item 3), not only the connector's static health facts.
const webhookPackage = path.resolve(import.meta.dirname, '../../../connectors/webhook');

const loaded: LoadedConfig = {
  file: path.join(webhookPackage, 'evidencekit.config.yaml'),
  directory: webhookPackage,
  config: evidencekitConfigSchema.parse({
    workspaceId: 'acme',
    connectors: {
      webhook: {
        use: './src/index.ts',
        settings: {
          secret: 'env:WEBHOOK_SECRET',
          facts: {
            smoke_tests_failed: {
              pointer: '/tests/failed',
              unit: 'count',
              threshold: '== 0',
              action: 'Fix the failing smoke tests.',
            },
          },
        },
      },
    },
    services: [
      {
        name: 'checkout',
        environments: ['production'],
        targets: [{ connector: 'webhook', selector: { mode: 'health' } }],
      },
    ],
  }),
  inlineSecrets: {},
  warnings: [],
};

async function preflightWithPolicyFact(fact: string): Promise<unknown> {
  const runtime = createRuntime();
  try {
    return await preflightConfiguration(loaded, {
      targets: [],
      connectors: await configureConnectors(loaded),
      runtime,
      policy: { environments: { production: { required: [{ connector: 'webhook', fact }] } } },
    });
  } finally {
    await runtime.close();
  }
}

describe('the CLI with a connector whose catalog comes from its settings', () => {
  it('accepts a policy naming a mapped fact', async () => {
    await expect(preflightWithPolicyFact('smoke_tests_failed')).resolves.toMatchObject({
      environments: { production: { required: [{ fact: 'smoke_tests_failed' }] } },
    });
  });

  it('refuses a misspelt mapped fact with a did-you-mean at its path in the file', async () => {
    const refusal = preflightWithPolicyFact('smoke_test_failed');
    await expect(refusal).rejects.toThrow(ConfigurationError);
    await expect(refusal).rejects.toThrow(
      /policy\.environments\.production\.required\[0\]\.fact: .*did you mean "smoke_tests_failed"/,
    );
  });
});
