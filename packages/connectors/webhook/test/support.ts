import {
  type Clock,
  createRedactor,
  createRuntime,
  createSecretResolver,
  type EvidenceScope,
  type HostResolver,
  type Runtime,
} from '@evidencekit/core';
import { createVirtualClock } from '@evidencekit/testing';

/** The signing secret the tests use; it must never appear in any output. */
export const SIGNING_SECRET = 'ek-webhook-secret-3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c1e';
/** The health endpoint token; it must never appear in any output either. */
export const HEALTH_TOKEN = 'health-read-token-9b8a7c6d5e4f3a2b1c0d';

export const scope: EvidenceScope = {
  workspaceId: 'workspace-acme',
  service: 'checkout-api',
  environment: 'production',
};

/** The engine clock of the ingestion tests. */
export const NOW = new Date('2026-05-03T09:30:00Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

/**
 * A runtime whose secrets come from a fixed environment, with no real waiting; `resolveHost`
 * answers the destination policy's DNS lookups (the health pull's SSRF guard).
 */
export function testRuntime(
  environment: Record<string, string> = {},
  options: { clock?: Clock; resolveHost?: HostResolver } = {},
): Runtime {
  const redactor = createRedactor();
  return createRuntime({
    redactor,
    secrets: createSecretResolver({
      redactor,
      environment: { WEBHOOK_SECRET: SIGNING_SECRET, HEALTH_TOKEN, ...environment },
    }),
    cacheStore: false,
    clock: options.clock ?? createVirtualClock({ maxWaitMs: 10_000 }),
    ...(options.resolveHost === undefined ? {} : { resolveHost: options.resolveHost }),
    retry: { maxRetries: 1, baseDelayMs: 10, random: () => 0.5 },
  });
}

/** A resolver answering from a table; unknown names fail like NXDOMAIN. */
export function resolverFrom(table: Record<string, string[]>): HostResolver {
  return async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}
