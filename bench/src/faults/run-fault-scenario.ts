import { collectEvidence, createRuntime, type EvidenceRecord } from '@evidencekit/core';
import {
  CONFORMANCE_RUNTIME,
  type ConnectorConformanceOptions,
  createCapturingLogger,
  createVirtualClock,
  type FaultScenario,
  mockProviderRoutes,
  type PrimaryRoute,
  type ProviderMockServer,
  type VirtualClock,
} from '@evidencekit/testing';
import { type AnyHandler, HttpResponse, http, type JsonBodyType } from 'msw';
import type { FaultOutcome } from './fault-outcome';

/** A canary secret: a random value that must appear in no output. */
export interface Canary {
  reference: string;
  value: string;
}

/**
 * Collects the connector's target once with `scenario` answering `primary` (and the happy
 * routes answering the rest), on the conformance runtime settings and a virtual clock, and
 * describes what came out. `scenario` undefined runs the happy path.
 */
export async function runFaultScenario(options: {
  target: ConnectorConformanceOptions;
  primary: PrimaryRoute | undefined;
  scenario: FaultScenario | undefined;
  server: ProviderMockServer;
  canary: Canary;
}): Promise<
  Omit<FaultOutcome, 'connector' | 'route' | 'scenario' | 'expected' | 'conforms'> & {
    record: EvidenceRecord | undefined;
  }
> {
  const { target, primary, scenario, server, canary } = options;
  const clock = createVirtualClock({ maxWaitMs: CONFORMANCE_RUNTIME.maxWaitMs });
  const logger = createCapturingLogger();
  const runtime = createRuntime({
    clock,
    logger,
    cacheStore: false,
    timeoutMs: CONFORMANCE_RUNTIME.attemptTimeoutMs,
    maxResponseBytes: CONFORMANCE_RUNTIME.maxResponseBytes,
    retry: {
      maxRetries: CONFORMANCE_RUNTIME.maxRetries,
      maxRetryAfterMs: CONFORMANCE_RUNTIME.maxWaitMs,
      maxDelayMs: CONFORMANCE_RUNTIME.maxWaitMs,
      baseDelayMs: 500,
      random: () => 0.5,
    },
  });
  const happy = mockProviderRoutes(target.baseUrl, target.routes);
  server.resetHandlers(
    ...(scenario === undefined || primary === undefined
      ? happy
      : [faultHandler(target, primary, scenario, clock), ...happy]),
  );
  let record: EvidenceRecord | undefined;
  let thrown: unknown;
  const startedAt = performance.now();
  try {
    const records = await Array.fromAsync(
      collectEvidence({
        targets: [
          {
            connector: target.createConnector(target.settings(canary.reference)),
            scope: target.target.scope,
            selector: target.target.selector,
          },
        ],
        runtime,
        now: () => new Date(clock.now()),
      }),
    );
    record = records[0];
  } catch (error) {
    thrown = error;
  } finally {
    await runtime.close().catch(() => {});
  }
  const wallMs = Math.round(performance.now() - startedAt);
  const outputs = [
    safeJson(record),
    logger.text(),
    thrown === undefined ? '' : safeJson(thrown),
    String(thrown ?? ''),
  ];
  const leakedSecret = outputs.some(
    (text) =>
      text.includes(canary.value) || text.includes(Buffer.from(canary.value).toString('base64')),
  );
  const routeFacts = primary?.facts ?? record?.facts.map((fact) => fact.name) ?? [];
  const shown = (record?.facts ?? []).filter((fact) => routeFacts.includes(fact.name));
  const mustBeUnavailable = scenario?.expected.outcome === 'unavailable';
  return {
    record,
    status: thrown === undefined ? (record?.status ?? 'crashed') : 'crashed',
    facts: shown
      .map(
        (fact) =>
          `${fact.name}=${fact.status}${fact.reason === undefined ? '' : `:${fact.reason.code}`}`,
      )
      .join(', '),
    wallMs,
    waitedMs: clock.waits.reduce((sum, wait) => sum + wait, 0),
    crashed: thrown !== undefined || record === undefined,
    falsePass:
      mustBeUnavailable &&
      (record?.status === 'passed' || shown.some((fact) => fact.status === 'passed')),
    leakedSecret,
  };
}

function faultHandler(
  target: ConnectorConformanceOptions,
  primary: PrimaryRoute,
  scenario: FaultScenario,
  clock: VirtualClock,
): AnyHandler {
  const [method = 'GET', path = '/'] = primary.route.trim().split(/\s+/);
  const reply = target.routes[primary.route] as
    | { json?: JsonBodyType; status?: number }
    | undefined;
  const calls = new Map<string, number>();
  return http.all(`${target.baseUrl.replace(/\/+$/, '')}${path}`, ({ request }) => {
    if (request.method.toUpperCase() !== method.toUpperCase()) return undefined;
    const call = (calls.get(request.url) ?? 0) + 1;
    calls.set(request.url, call);
    return scenario.respond({
      call,
      request,
      clock,
      happyResponse: async () =>
        HttpResponse.json(reply?.json ?? null, { status: reply?.status ?? 200 }),
      emptyBody: primary.emptyBody,
      maxResponseBytes: CONFORMANCE_RUNTIME.maxResponseBytes,
    });
  });
}

function safeJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) =>
        item instanceof Error ? { ...item, name: item.name, message: item.message } : item,
      ) ?? ''
    );
  } catch {
    return String(value);
  }
}
