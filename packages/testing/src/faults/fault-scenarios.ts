import { HttpResponse } from 'msw';
import { hangUntilAborted } from '../mocks/mock-reply';
import { deriveEmptyBody, findEmptyList } from './derive-empty-body';
import type { FaultScenario } from './fault-scenario';
import { applySchemaDrift, type SchemaDriftKind } from './schema-drift';

const UNCHECKED_SHAPE_REASONS = ['invalid_response', 'no_data'] as const;

function driftScenario(
  id: FaultScenario['id'],
  kind: SchemaDriftKind,
  description: string,
): FaultScenario {
  return {
    id,
    description,
    // `no_data` is allowed: a tolerant schema may read a drifted list as empty.
    expected: { outcome: 'unavailable', reasons: UNCHECKED_SHAPE_REASONS },
    async respond({ happyResponse, note }) {
      const happy = await happyResponse();
      const body: unknown = await happy.json();
      const emptyList = findEmptyList(body);
      if (emptyList !== undefined) {
        note(
          `the happy-path body has no item in \`${emptyList}\`, so the drift leaves the list as it is and the connector reads it as it should; give the happy path at least one item`,
        );
      }
      return HttpResponse.json(applySchemaDrift(body, kind) as never, {
        status: happy.status,
      });
    },
  };
}

/**
 * The fault scenarios every connector must survive, applied to its primary route(s). Each says
 * what it does and the typed outcome it must lead to; the conformance suite runs them all.
 */
export const FAULT_SCENARIOS: readonly FaultScenario[] = [
  {
    id: 'rate-limited-retry-after-seconds',
    description: 'answers 429 with `Retry-After: 2` once, then the normal answer',
    expected: { outcome: 'recovered' },
    expectedWaitMs: { min: 2000, max: 2000 },
    expectedRequests: () => 2,
    respond: ({ call, happyResponse }) =>
      call === 1
        ? HttpResponse.json(
            { message: 'rate limited' },
            { status: 429, headers: { 'retry-after': '2' } },
          )
        : happyResponse(),
  },
  {
    id: 'rate-limited-retry-after-date',
    description:
      'answers 429 with `Retry-After` as an HTTP date 3 s ahead once, then the normal answer',
    expected: { outcome: 'recovered' },
    // HTTP dates have one-second resolution.
    expectedWaitMs: { min: 2000, max: 3000 },
    expectedRequests: () => 2,
    respond: ({ call, clock, happyResponse }) =>
      call === 1
        ? HttpResponse.json(
            { message: 'rate limited' },
            { status: 429, headers: { 'retry-after': new Date(clock.now() + 3000).toUTCString() } },
          )
        : happyResponse(),
  },
  {
    id: 'rate-limited-over-cap',
    description: 'answers 429 asking to wait an hour, longer than the runtime allows',
    expected: { outcome: 'unavailable', reasons: ['rate_limited'] },
    expectedWaitMs: { min: 0, max: 0 },
    expectedRequests: () => 1,
    respond: () =>
      HttpResponse.json(
        { message: 'rate limited' },
        { status: 429, headers: { 'retry-after': '3600' } },
      ),
  },
  {
    id: 'service-unavailable-burst',
    description: 'answers 503 twice, then the normal answer',
    expected: { outcome: 'recovered' },
    expectedRequests: () => 3,
    respond: ({ call, happyResponse }) =>
      call <= 2 ? HttpResponse.json({ message: 'unavailable' }, { status: 503 }) : happyResponse(),
  },
  {
    id: 'service-unavailable-persistent',
    description: 'answers 503 every time',
    expected: { outcome: 'unavailable', reasons: ['transient'] },
    expectedRequests: (maxRetries) => maxRetries + 1,
    respond: () => HttpResponse.json({ message: 'unavailable' }, { status: 503 }),
  },
  {
    id: 'connection-reset',
    description: 'drops the connection without an answer, every time',
    expected: { outcome: 'unavailable', reasons: ['transient'] },
    respond: () => HttpResponse.error(),
  },
  {
    id: 'timeout',
    description: 'never answers; the per-attempt deadline passes',
    expected: { outcome: 'unavailable', reasons: ['timeout'] },
    respond: ({ clock, request }) => {
      clock.expireDeadlines();
      return hangUntilAborted(request.signal);
    },
  },
  {
    id: 'slow-drip',
    description: 'sends the headers and the first bytes of the body, then stalls past the deadline',
    expected: { outcome: 'unavailable', reasons: ['timeout'] },
    respond: ({ clock, request }) => {
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!sent) {
            sent = true;
            controller.enqueue(new TextEncoder().encode('{"items":['));
            return;
          }
          clock.expireDeadlines();
          await hangUntilAborted(request.signal);
        },
      });
      return new HttpResponse(body, {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  },
  {
    id: 'malformed-json',
    description: 'answers 200 with a body that is not valid JSON',
    expected: { outcome: 'unavailable', reasons: ['invalid_response'] },
    respond: () =>
      new HttpResponse('{"items": [{"id": 1,', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
  },
  driftScenario(
    'schema-drift-missing-fields',
    'missing',
    'answers the normal shape with every field of every object removed',
  ),
  driftScenario(
    'schema-drift-renamed-fields',
    'renamed',
    'answers the normal shape with every field renamed (`name` → `name_v2`)',
  ),
  driftScenario(
    'schema-drift-wrong-types',
    'wrong_type',
    'answers the normal shape with every value of the wrong type (strings as numbers, …)',
  ),
  {
    id: 'unauthorized',
    description: 'answers 401: the credential is rejected',
    expected: { outcome: 'unavailable', reasons: ['auth'] },
    expectedRequests: () => 1,
    respond: () => HttpResponse.json({ message: 'Bad credentials' }, { status: 401 }),
  },
  {
    id: 'forbidden',
    description: 'answers 403 without rate-limit headers: the credential lacks a permission',
    expected: { outcome: 'unavailable', reasons: ['forbidden'] },
    expectedRequests: () => 1,
    respond: () => HttpResponse.json({ message: 'Resource not accessible' }, { status: 403 }),
  },
  {
    id: 'oversized-body',
    description: "answers 200 with a body larger than the runtime's response size cap",
    expected: { outcome: 'unavailable', reasons: ['invalid_response'] },
    respond: ({ maxResponseBytes }) => {
      const text = `{"padding":"${'x'.repeat(maxResponseBytes + 1024)}"}`;
      return new HttpResponse(text, {
        status: 200,
        headers: { 'content-type': 'application/json', 'content-length': String(text.length) },
      });
    },
  },
  {
    id: 'pagination-loop',
    description: 'answers the normal page with a `Link: rel="next"` pointing back at the same page',
    requires: 'link-pagination',
    expected: { outcome: 'unavailable', reasons: ['invalid_response'] },
    async respond({ request, happyResponse }) {
      const happy = await happyResponse();
      const headers = new Headers(happy.headers);
      headers.set('link', `<${request.url}>; rel="next"`);
      return new HttpResponse(await happy.text(), { status: happy.status, headers });
    },
  },
  {
    id: 'redirect-loop',
    description: 'answers 302 redirecting to the same URL',
    // The runtime detects the loop and reports `invalid_response`; `transient` is accepted for
    // runtimes that give up on the redirect count instead.
    expected: { outcome: 'unavailable', reasons: ['invalid_response', 'transient'] },
    respond: ({ request }) =>
      new HttpResponse(null, { status: 302, headers: { location: request.url } }),
  },
  {
    id: 'empty-result',
    description:
      'answers 200 with an empty result: the `emptyBody` the author declared, or the happy body with its lists emptied and totals zeroed',
    expected: { outcome: 'empty' },
    async respond({ emptyBody, happyResponse, note, skip }) {
      if (emptyBody !== undefined) return HttpResponse.json(emptyBody);
      const happy = await happyResponse();
      const body: unknown = await happy
        .clone()
        .json()
        .catch(() => undefined);
      const derived = deriveEmptyBody(body);
      if (derived === undefined) {
        skip(
          "the happy-path body has no list or total to empty; declare the route's `emptyBody`, or `noEmptyAnswer` with the reason it has none",
        );
        return happy;
      }
      note(
        `the empty answer was derived from the happy body by emptying ${derived.emptied.join(', ')}; if that is not how this route answers "nothing", declare its \`emptyBody\`, or \`noEmptyAnswer\` with the reason`,
      );
      return HttpResponse.json(derived.body as never, { status: happy.status });
    },
  },
];
