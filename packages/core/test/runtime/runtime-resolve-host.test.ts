import { describe, expect, it } from 'vitest';
import { DestinationRefusedError } from '../../src/errors/destination-refused-error';
import { createRuntime } from '../../src/runtime/create-runtime';
import type { DestinationPolicy } from '../../src/runtime/http/destination-policy';
import type { HostResolver } from '../../src/runtime/http/host-resolver';

const answering =
  (address: string, seen: string[]): HostResolver =>
  async (hostname) => {
    seen.push(hostname);
    return [{ address, family: 4 }];
  };

// Every request below is refused after resolution, before any connection: the address a
// refusal names shows which resolver answered.
async function refusalOf(
  runtimeResolver: HostResolver | undefined,
  policy: DestinationPolicy | undefined,
): Promise<unknown> {
  const runtime = createRuntime(
    runtimeResolver === undefined ? {} : { resolveHost: runtimeResolver },
  );
  try {
    const client = runtime
      .bind({
        connectorId: 'probe',
        packageName: 'probe',
        packageVersion: '0.0.0',
        signal: new AbortController().signal,
      })
      .http({
        baseUrl: 'https://health.internal.example',
        ...(policy === undefined ? {} : { destinationPolicy: policy }),
        cache: false,
      });
    return await client.request({ path: '/health' }).then(
      () => undefined,
      (error: unknown) => error,
    );
  } finally {
    await runtime.close();
  }
}

describe('createRuntime({ resolveHost })', () => {
  it('resolves for a destination policy that names no resolver', async () => {
    const seen: string[] = [];
    const error = await refusalOf(answering('10.1.2.3', seen), {});
    expect(DestinationRefusedError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).toContain('10.1.2.3');
    expect(seen).toContain('health.internal.example');
  });

  it("leaves a policy's own resolver in charge", async () => {
    const runtimeSeen: string[] = [];
    const error = await refusalOf(answering('10.1.2.3', runtimeSeen), {
      resolveHost: answering('192.168.7.7', []),
    });
    expect(String((error as Error).message)).toContain('192.168.7.7');
    expect(runtimeSeen).toEqual([]);
  });
});
