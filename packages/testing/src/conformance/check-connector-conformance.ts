import {
  type EvidenceRecord,
  evidenceRecordSchema,
  type FactDefinitionV1,
  factCatalogOf,
} from '@evidencekit/core';
import { type AnyHandler, HttpResponse, http, matchRequestUrl } from 'msw';
import type { FaultScenario } from '../faults/fault-scenario';
import { FAULT_SCENARIOS } from '../faults/fault-scenarios';
import { hangUntilAborted, resolveMockRoute } from '../mocks/mock-reply';
import { mockProviderRoutes } from '../mocks/provider-routes';
import { parseRouteKey, routeUrl } from '../mocks/route-key';
import { createProviderMockServer } from '../msw/provider-mock-server';
import {
  CANARY_ENVIRONMENT_VARIABLE,
  type CanarySecret,
  createCanarySecret,
} from './canary-secret';
import { checkStrictConfiguration } from './configuration-checks';
import { resolveConformanceClock } from './conformance-clock';
import { CONFORMANCE_RUNTIME, ConformanceHarness, type HarnessRun } from './conformance-harness';
import type { ConnectorConformanceOptions, PrimaryRoute } from './conformance-options';
import type {
  ConformanceCheckResult,
  ConformanceReport,
  FaultScenarioOutcome,
} from './conformance-report';
import { checkEmptyRules } from './empty-rule-checks';
import { evaluateFaultOutcome } from './evaluate-fault-outcome';
import { findCanaryLeaks, formatCanaryLeaks } from './find-canary-leaks';
import { checkMetadata } from './metadata-checks';
import { checkObservedAt } from './observed-at-checks';

/**
 * Runs the connector conformance checks and returns a report of named checks; never throws for
 * a connector problem. Checks: metadata and catalog rules, strict settings and selectors,
 * valid happy-path evidence, an honest `observedAt`, every fault scenario on every primary
 * route (the empty result on each, derived from the happy body when not declared),
 * Retry-After honoured, no retries of the connector's own, aborts, `doCheck` (completes;
 * fails fast on 429), every request through the runtime, and the canary secret in no output.
 * docs/testing.md lists each check with what it catches.
 *
 * Runs use a virtual clock (no real waiting) and the runtime settings in `CONFORMANCE_RUNTIME`;
 * a run that does not finish within `CONFORMANCE_RUNTIME.runGuardMs` of real time is cancelled
 * and reported.
 * `describeConnectorConformance` from `@evidencekit/testing/vitest` wraps this for vitest.
 */
export async function checkConnectorConformance(
  options: ConnectorConformanceOptions,
): Promise<ConformanceReport> {
  const canary = createCanarySecret();
  const previousCanary = process.env[CANARY_ENVIRONMENT_VARIABLE];
  process.env[CANARY_ENVIRONMENT_VARIABLE] = canary.value;
  const ownServer = options.server === undefined ? createProviderMockServer() : undefined;
  const server = options.server ?? ownServer;
  const checks: ConformanceCheckResult[] = [];
  const faultOutcomes: FaultScenarioOutcome[] = [];
  let listening = false;
  const add = (name: string, problems: string[], success: string) =>
    checks.push(
      problems.length === 0
        ? { name, status: 'passed', message: success }
        : { name, status: 'failed', message: problems.join('; ') },
    );
  try {
    if (server === undefined) throw new Error('unreachable: no mock server');
    const clock = resolveConformanceClock(options.clock?.now, options.routes);
    await ownServer?.listen();
    listening = true;
    const harness = new ConformanceHarness(options, server, canary.reference, clock.nowMs);
    const { connector } = harness;
    checks.push(...checkMetadata(connector));
    const { catalog, check: catalogCheck } = configuredCatalog(harness);
    if (catalogCheck !== undefined) checks.push(catalogCheck);
    checks.push(checkEmptyRules(catalog));
    const catalogNames = catalog.map((fact) => fact.name);
    checks.push(
      ...checkStrictConfiguration(connector, harness.configured.settings, options.target.selector),
    );

    const happyHandlers = mockProviderRoutes(options.baseUrl, options.routes);
    const happy = await harness.collect('the happy path', happyHandlers);
    add(
      'happy-path:valid-evidence',
      [...happyPathProblems(happy, options), ...hungProblems(happy)],
      'the record validates, observedAt is set, the facts are as expected',
    );
    add(
      'happy-path:no-unmocked-requests',
      unhandledProblems(happy),
      'every request hit a mocked route',
    );
    checks.push(...checkObservedAt(happy, clock));

    const primaryRoutes = options.primaryRoutes.map((route) =>
      typeof route === 'string' ? ({ route } as PrimaryRoute) : route,
    );
    // A connector that sends its own requests makes every scenario fail for that one reason;
    // `transport:through-runtime` names it once instead.
    const bypassesRuntime = happy.bypassed.length > 0;
    const waitProblems: string[] = [];
    const retryProblems: string[] = [];
    let waitsChecked = 0;
    for (const primary of primaryRoutes) {
      for (const scenario of options.scenarios ?? FAULT_SCENARIOS) {
        const name = `fault:${scenario.id} ${primary.route}`;
        const skip = bypassesRuntime
          ? 'a request of the happy path did not go through the runtime (see transport:through-runtime)'
          : skipReason(scenario, primary, options);
        if (skip !== undefined) {
          checks.push({ name, status: 'skipped', message: skip });
          continue;
        }
        const startedAt = performance.now();
        const outputsBefore = harness.outputs.length;
        const notes: string[] = [];
        let skippedBecause: string | undefined;
        const run = await harness.collect(name, [
          faultHandler(scenario, primary, options, {
            clock: () => harness.currentClock,
            note: (text) => {
              if (!notes.includes(text)) notes.push(text);
            },
            skip: (reason) => {
              skippedBecause ??= reason;
            },
          }),
          ...happyHandlers,
        ]);
        const durationMs = performance.now() - startedAt;
        if (skippedBecause !== undefined) {
          checks.push({ name, status: 'skipped', message: skippedBecause });
          continue;
        }
        const problems = [...thrownProblems(run), ...unhandledProblems(run), ...hungProblems(run)];
        if (run.result !== undefined) {
          problems.push(
            ...evaluateFaultOutcome({
              catalog,
              record: run.result,
              expected: scenario.expected,
              facts: primary.facts ?? catalogNames,
              happy: happy.result,
              emptyDerived: primary.emptyBody === undefined,
            }),
          );
        }
        if (problems.length > 0) problems.push(...notes);
        add(name, problems, `${scenario.description}: ${describeExpectation(scenario)}`);
        const routeFacts = new Set(primary.facts ?? catalogNames);
        faultOutcomes.push({
          scenario: scenario.id,
          route: primary.route,
          expected: describeExpectation(scenario),
          status: run.result?.status,
          facts: (run.result?.facts ?? []).map((fact) => ({
            name: fact.name,
            status: fact.status,
            reason: fact.reason?.code,
          })),
          durationMs,
          waitedMs: run.clock.waits.reduce((total, wait) => total + wait, 0),
          falsePass:
            scenario.expected.outcome === 'unavailable' &&
            (run.result?.facts ?? []).some(
              (fact) => routeFacts.has(fact.name) && fact.status === 'passed',
            ),
          leakedSecret: findCanaryLeaks(canary, harness.outputs.slice(outputsBefore)).length > 0,
          thrown:
            run.thrown === undefined
              ? undefined
              : canary.findIn(String(run.thrown)) === undefined
                ? String(run.thrown)
                : '[an error quoting the canary secret]',
          conforms: problems.length === 0,
        });
        if (scenario.expectedRequests !== undefined) {
          const expected = scenario.expectedRequests(CONFORMANCE_RUNTIME.maxRetries);
          const counts = countRouteByUrl(run, primary.route, options.baseUrl);
          if (counts.size === 0) {
            retryProblems.push(`${scenario.id}: no request reached ${primary.route}`);
          }
          for (const [request, count] of counts) {
            if (count !== expected) {
              retryProblems.push(
                `${scenario.id}: ${count} request(s) of ${request.replace(/\?.*$/, '?…')}, the runtime alone makes ${expected}`,
              );
            }
          }
        }
        if (scenario.expectedWaitMs !== undefined) {
          waitsChecked += 1;
          const { min, max } = scenario.expectedWaitMs;
          const waits = run.clock.waits;
          // At most one wait per distinct faulted request (a connector may send several
          // queries; an HTTP-date Retry-After that already passed needs no wait), at least one.
          const faulted = countRouteByUrl(run, primary.route, options.baseUrl).size;
          const wrong =
            max === 0
              ? waits.length > 0
              : waits.length === 0 ||
                waits.length > faulted ||
                waits.some((wait) => wait < min || wait > max);
          if (wrong) {
            waitProblems.push(
              `${scenario.id}: waited [${waits.join(', ')}] ms, expected ${max === 0 ? 'no wait' : `one wait of ${min}–${max} ms per faulted request (at most ${faulted})`}`,
            );
          }
        }
      }
    }
    checks.push(
      waitsChecked === 0
        ? {
            name: 'retry-after:honoured',
            status: 'skipped',
            message: bypassesRuntime
              ? 'a request of the happy path did not go through the runtime (see transport:through-runtime)'
              : 'no Retry-After scenario ran',
          }
        : waitProblems.length === 0
          ? {
              name: 'retry-after:honoured',
              status: 'passed',
              message: 'waits follow Retry-After, within the cap',
            }
          : { name: 'retry-after:honoured', status: 'failed', message: waitProblems.join('; ') },
    );
    add(
      'retries:none-of-its-own',
      retryProblems,
      'request counts match the runtime retry policy (401 once, 503 burst per attempt)',
    );

    checks.push(await checkAbort(harness, primaryRoutes[0], options, happyHandlers));

    const check = await harness.check('check:completes', happyHandlers);
    const checkProblems = [
      ...thrownProblems(check),
      ...unhandledProblems(check),
      ...hungProblems(check),
    ];
    if (check.result !== undefined && check.result.ok !== (options.expectations?.checkOk ?? true)) {
      checkProblems.push(
        `doCheck returned ok: ${check.result.ok} (${check.result.findings.map((finding) => `${finding.code}: ${finding.message}`).join('; ')})`,
      );
    }
    add('check:completes', checkProblems, 'doCheck completes against the happy path');

    if (options.transport === 'none') {
      checks.push({
        name: 'check:fails-fast-on-429',
        status: 'skipped',
        message: 'the connector declares that it makes no HTTP requests',
      });
      add(
        'transport:no-requests',
        happy.requests.length === 0
          ? []
          : [
              `the connector declared transport "none" but sent ${happy.requests.length} request(s)`,
            ],
        'the connector sent no HTTP request, as it declares',
      );
    } else {
      const limited = await harness.check('check:fails-fast-on-429', [
        rateLimitEverything(options.baseUrl),
      ]);
      const limitedProblems = [...thrownProblems(limited), ...hungProblems(limited)];
      if (limited.result !== undefined) {
        if (limited.result.ok)
          limitedProblems.push('doCheck reported ok while every request was rate limited');
        if (!limited.result.findings.some((finding) => finding.code === 'rate_limited')) {
          limitedProblems.push(
            `no rate_limited finding (${limited.result.findings.map((finding) => finding.code).join(', ')})`,
          );
        }
      }
      if (limited.clock.waits.length > 0)
        limitedProblems.push(`doCheck waited [${limited.clock.waits.join(', ')}] ms`);
      const repeated = repeatedRequests(limited);
      if (repeated !== undefined) limitedProblems.push(`doCheck repeated ${repeated}`);
      add(
        'check:fails-fast-on-429',
        limitedProblems,
        'doCheck reports rate_limited without waiting or retrying',
      );
    }

    const bypassed = harness.bypassed;
    add(
      'transport:through-runtime',
      bypassed.length === 0
        ? []
        : [
            `a request did not go through the runtime: ${bypassed
              .slice(0, 3)
              .map((entry) => `${entry.request} in ${entry.run}`)
              .join(
                '; ',
              )}${bypassed.length > 3 ? ` (and ${bypassed.length - 3} more)` : ''}. Send every request with runtime.http(…): global fetch, node:http and other clients get no retries, rate limits, redaction, deadlines or destination checks. The suite answered it at once with a network error`,
          ],
      'every request the mock network saw was sent by the runtime',
    );

    const leaks = findCanaryLeaks(canary, harness.outputs);
    add(
      'secrets:no-canary-in-output',
      leaks.length === 0 ? [] : [`the canary secret leaked: ${formatCanaryLeaks(leaks)}`],
      'the canary secret appears in no record, error, log line, runtime event or check finding, in any form',
    );
  } catch (error) {
    checks.push({
      name: 'conformance:run',
      status: 'failed',
      message: `the suite could not run: ${canary.findIn(String(error)) === undefined ? String(error) : '[an error quoting the canary secret]'}`,
    });
  } finally {
    if (listening) await ownServer?.close();
    if (previousCanary === undefined) delete process.env[CANARY_ENVIRONMENT_VARIABLE];
    else process.env[CANARY_ENVIRONMENT_VARIABLE] = previousCanary;
  }
  withholdCanary(checks, canary);
  return {
    connector: options.name ?? safeConnectorId(options),
    checks,
    faultOutcomes,
    passed: checks.every((check) => check.status !== 'failed'),
  };
}

/**
 * The catalog of the configured connector under test (`factCatalogOf`): for a connector whose
 * catalog depends on its settings, `factsFor` of the suite's settings, which must build and
 * must keep every static fact (hosts and docs show `metadata.facts` as what every configuration
 * has). Falls back to the static catalog, with a failed check, when it does not.
 */
function configuredCatalog(harness: ConformanceHarness): {
  catalog: readonly FactDefinitionV1[];
  check?: ConformanceCheckResult;
} {
  const { connector } = harness;
  if (connector.factsFor === undefined) return { catalog: connector.metadata.facts };
  const name = 'catalog:settings-dependent';
  let catalog: readonly FactDefinitionV1[];
  try {
    catalog = factCatalogOf(harness.configured);
  } catch (error) {
    return {
      catalog: connector.metadata.facts,
      check: {
        name,
        status: 'failed',
        message: `factsFor of the conformance settings: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
  const names = new Set(catalog.map((fact) => fact.name));
  const dropped = connector.metadata.facts.filter((fact) => !names.has(fact.name));
  return {
    catalog,
    check:
      dropped.length === 0
        ? {
            name,
            status: 'passed',
            message: `factsFor builds a valid catalog of ${catalog.length} fact(s) that keeps the static ones`,
          }
        : {
            name,
            status: 'failed',
            message: `factsFor drops static fact(s) ${dropped.map((fact) => fact.name).join(', ')}; metadata.facts must be facts every configuration has`,
          },
  };
}

/** The connector id the suite is about (for titles), without running anything. */
export function safeConnectorId(options: ConnectorConformanceOptions): string {
  try {
    return options.createConnector(options.settings('env:UNUSED')).connector.metadata.id;
  } catch {
    return 'connector';
  }
}

function happyPathProblems(
  run: HarnessRun<EvidenceRecord>,
  options: ConnectorConformanceOptions,
): string[] {
  const problems = thrownProblems(run);
  const record = run.result;
  if (record === undefined) return problems;
  const parsed = evidenceRecordSchema.safeParse(record);
  if (!parsed.success) {
    problems.push(
      `the record does not validate: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  if (Number.isNaN(Date.parse(record.freshness.observedAt)))
    problems.push('freshness.observedAt is not a date');
  if (record.facts.length === 0) problems.push('no facts');
  for (const fact of record.facts) {
    if (fact.reason?.code === 'connector_error' || fact.reason?.code === 'invalid_response') {
      problems.push(`${fact.name} is ${fact.status}: ${fact.reason.code} (${fact.reason.message})`);
    }
  }
  for (const warning of record.warnings ?? []) {
    // Core keeps the worst of a duplicate and drops unknown facts, but on the happy path either
    // means the connector reports something it did not mean to.
    if (warning.code === 'duplicate_fact' || warning.code === 'unknown_fact') {
      problems.push(`warning ${warning.code}: ${warning.message}`);
    }
  }
  for (const [name, status] of Object.entries(options.expectations?.facts ?? {})) {
    const fact = record.facts.find((candidate) => candidate.name === name);
    if (fact?.status !== status)
      problems.push(`${name} is ${fact?.status ?? 'missing'}, expected ${String(status)}`);
  }
  return problems;
}

function thrownProblems(run: HarnessRun<unknown>): string[] {
  if (run.thrown === undefined) return [];
  const message = run.thrown instanceof Error ? run.thrown.message : String(run.thrown);
  return [`threw instead of reporting: ${message}`];
}

function hungProblems(run: HarnessRun<unknown>): string[] {
  return run.hung
    ? [
        `the run did not finish within ${CONFORMANCE_RUNTIME.runGuardMs} ms of real time and was cancelled: the connector waits on something outside the runtime's virtual clock (its own timer, or a client other than runtime.http)`,
      ]
    : [];
}

/**
 * A check message that quotes the canary (an error text, a reason) would print it in the
 * test output; it is replaced, and `secrets:no-canary-in-output` says where the leak was.
 */
function withholdCanary(checks: ConformanceCheckResult[], canary: CanarySecret): void {
  for (const check of checks) {
    if (canary.findIn(check.message) !== undefined) {
      check.message = `[message withheld: it quotes the canary secret; see secrets:no-canary-in-output]`;
    }
  }
}

function unhandledProblems(run: HarnessRun<unknown>): string[] {
  return run.unhandled.length === 0 ? [] : [`unmocked request(s): ${run.unhandled.join(', ')}`];
}

function skipReason(
  scenario: FaultScenario,
  primary: PrimaryRoute,
  options: ConnectorConformanceOptions,
): string | undefined {
  const declared = options.expectations?.skipScenarios?.[scenario.id];
  if (declared !== undefined) return `skipped by the connector author: ${declared}`;
  if (scenario.requires === 'link-pagination' && primary.pagination !== 'link') {
    return 'the route does not declare `pagination: "link"`';
  }
  if (scenario.requires === 'empty-body' && primary.emptyBody === undefined) {
    return 'the route declares no `emptyBody`';
  }
  if (scenario.id === 'empty-result' && primary.noEmptyAnswer !== undefined) {
    return `the route has no empty answer, as its author declares: ${primary.noEmptyAnswer}`;
  }
  return undefined;
}

function describeExpectation(scenario: FaultScenario): string {
  const { expected } = scenario;
  if (expected.outcome === 'unavailable') return `unavailable (${expected.reasons.join(' or ')})`;
  if (expected.outcome === 'recovered') return 'the normal result after retries';
  return 'each fact follows its whenEmpty rule';
}

function faultHandler(
  scenario: FaultScenario,
  primary: PrimaryRoute,
  options: ConnectorConformanceOptions,
  hooks: {
    clock: () => HarnessRun<EvidenceRecord>['clock'];
    note: (text: string) => void;
    skip: (reason: string) => void;
  },
): AnyHandler {
  const { method, path } = parseRouteKey(primary.route);
  const happyRoute = options.routes[primary.route];
  if (happyRoute === undefined) {
    throw new TypeError(`primary route "${primary.route}" is not a key of routes`);
  }
  // Sequences ("429 once, then the real answer") run per distinct request, so a connector that
  // calls one route with several queries sees each of them faulted the same way.
  const callsByUrl = new Map<string, number>();
  return http.all(routeUrl(path, options.baseUrl), async ({ request, params }) => {
    if (method !== '*' && request.method.toUpperCase() !== method) return undefined;
    const call = (callsByUrl.get(request.url) ?? 0) + 1;
    callsByUrl.set(request.url, call);
    return scenario.respond({
      call,
      request,
      clock: hooks.clock(),
      happyResponse: () => resolveMockRoute(happyRoute, { request, params, call }),
      emptyBody: primary.emptyBody,
      maxResponseBytes: CONFORMANCE_RUNTIME.maxResponseBytes,
      note: hooks.note,
      skip: hooks.skip,
    });
  });
}

/**
 * Requests to a route, per distinct URL (query included): a connector may legitimately call one
 * route several times with different queries (one PromQL query per fact), and each of those
 * calls must be retried by the runtime alone.
 */
function countRouteByUrl(
  run: HarnessRun<unknown>,
  route: string,
  baseUrl: string,
): Map<string, number> {
  const { method, path } = parseRouteKey(route);
  const url = routeUrl(path, baseUrl);
  const counts = new Map<string, number>();
  for (const request of run.requests) {
    if (
      (method === '*' || request.method === method) &&
      matchRequestUrl(request.url, url).matches
    ) {
      const key = `${request.method} ${request.url.href}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function repeatedRequests(run: HarnessRun<unknown>): string | undefined {
  const seen = new Set<string>();
  for (const request of run.requests) {
    const key = `${request.method} ${request.url.href}`;
    if (seen.has(key)) return key.replace(/\?.*$/, '?…');
    seen.add(key);
  }
  return undefined;
}

function rateLimitEverything(baseUrl: string): AnyHandler {
  // A wait within the cap: a runtime that does not fail fast would wait and retry.
  return http.all(`${baseUrl.replace(/\/+$/, '')}/*`, () =>
    HttpResponse.json(
      { message: 'rate limited' },
      { status: 429, headers: { 'retry-after': '5' } },
    ),
  );
}

async function checkAbort(
  harness: ConformanceHarness,
  primary: PrimaryRoute | undefined,
  options: ConnectorConformanceOptions,
  happyHandlers: readonly AnyHandler[],
): Promise<ConformanceCheckResult> {
  const name = 'abort:stops-promptly';
  if (primary === undefined) return { name, status: 'skipped', message: 'no primary route' };
  const controller = new AbortController();
  let requestAborted = false;
  const { method, path } = parseRouteKey(primary.route);
  const hanging = http.all(routeUrl(path, options.baseUrl), ({ request }) => {
    if (method !== '*' && request.method.toUpperCase() !== method) return undefined;
    request.signal.addEventListener('abort', () => {
      requestAborted = true;
    });
    controller.abort(new Error('conformance: the host cancelled the run'));
    return hangUntilAborted(request.signal);
  });
  // The harness's run guard ends a run that ignores the abort (never a timed assertion).
  const outcome = await harness.collect(name, [hanging, ...happyHandlers], {
    signal: controller.signal,
  });
  if (outcome.hung) {
    return {
      name,
      status: 'failed',
      message: `collection did not end within ${CONFORMANCE_RUNTIME.runGuardMs} ms of the abort`,
    };
  }
  const problems = [...thrownProblems(outcome)];
  const facts = outcome.result?.facts ?? [];
  const notCancelled = facts.filter(
    (fact) => fact.status !== 'unavailable' || fact.reason?.code !== 'cancelled',
  );
  if (facts.length === 0 || notCancelled.length > 0) {
    problems.push(
      `expected every fact unavailable: cancelled, got ${facts.map((fact) => `${fact.name}=${fact.status}:${fact.reason?.code ?? '-'}`).join(', ')}`,
    );
  }
  return problems.length === 0
    ? {
        name,
        status: 'passed',
        message: `the run ended with cancelled facts${requestAborted ? ' and the request was aborted' : ''}`,
      }
    : { name, status: 'failed', message: problems.join('; ') };
}
