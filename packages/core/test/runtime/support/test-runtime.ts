import { MockAgent } from 'undici';
import { createRuntime, type RuntimeOptions } from '../../../src/runtime/create-runtime';
import type { RuntimeEvent } from '../../../src/runtime/events/runtime-event';
import { createRedactor } from '../../../src/runtime/redaction/redactor';
import { createSecretResolver } from '../../../src/runtime/secrets/secret-resolver';
import { createFakeClock } from './fake-clock';

export const ORIGIN = 'https://api.provider.test';
export const CANARY = 'canary-secret-7f3a9c2e1b';

/** A runtime on a MockAgent with a fake clock, a canary token in `env:TOKEN`, and recorded events. */
export function createTestRuntime(
  overrides: Partial<RuntimeOptions> & { hold?: (ms: number) => boolean } = {},
) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  // Attempt deadlines (30 s by default) stay pending unless a test releases them.
  const timeoutMs = overrides.timeoutMs ?? 30_000;
  const clock = createFakeClock({
    hold: (ms) => ms === timeoutMs || (overrides.hold?.(ms) ?? false),
  });
  const redactor = createRedactor();
  const secrets = createSecretResolver({
    redactor,
    environment: { TOKEN: CANARY, OTHER_TOKEN: 'other-tenant-token-123' },
  });
  const events: RuntimeEvent[] = [];
  const { hold: _hold, ...runtimeOverrides } = overrides;
  const runtime = createRuntime({
    dispatcher: agent,
    clock,
    redactor,
    secrets,
    events: { emit: (event) => events.push(event) },
    retry: { random: () => 0.5 },
    ...runtimeOverrides,
  });
  const controller = new AbortController();
  const bound = (extra: { failFastOnRateLimit?: boolean; signal?: AbortSignal } = {}) =>
    runtime.bind({
      connectorId: 'test',
      packageName: '@evidencekit/test',
      packageVersion: '1.2.3',
      signal: extra.signal ?? controller.signal,
      ...(extra.failFastOnRateLimit === undefined
        ? {}
        : { failFastOnRateLimit: extra.failFastOnRateLimit }),
    });
  return { agent, pool: agent.get(ORIGIN), clock, runtime, events, bound, controller, redactor };
}
