import { describe, expect, it } from 'vitest';
import { resolveConformanceClock } from '../src/conformance/conformance-clock';
import { deriveEmptyBody } from '../src/faults/derive-empty-body';

describe('deriveEmptyBody', () => {
  // Shapes trimmed from the providers' published examples (GitHub "List workflow runs",
  // Prometheus "Instant queries", Kubernetes PodList, Statuspage "Get summary").
  it.each([
    {
      route: 'a GitHub list page',
      body: { total_count: 1, workflow_runs: [{ id: 30433642 }] },
      empty: { total_count: 0, workflow_runs: [] },
    },
    {
      route: 'a Prometheus vector (a missing group)',
      body: {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, '1'] }] },
      },
      empty: { status: 'success', data: { resultType: 'vector', result: [] } },
    },
    {
      route: 'a Kubernetes list',
      body: {
        kind: 'PodList',
        metadata: { resourceVersion: '1' },
        items: [{ metadata: { name: 'a' } }],
      },
      empty: { kind: 'PodList', metadata: { resourceVersion: '1' }, items: [] },
    },
    { route: 'a top-level list', body: [{ id: 1 }], empty: [] },
  ])('empties $route', ({ body, empty }) => {
    expect(deriveEmptyBody(body)?.body).toEqual(empty);
  });

  it.each([
    { route: 'one object', body: { page: { id: 'x' }, status: { indicator: 'none' } } },
    { route: 'totals without a list', body: { total_count: 3 } },
    { route: 'a list that is already empty', body: { incidents: [] } },
  ])('derives nothing from $route', ({ body }) => {
    expect(deriveEmptyBody(body)).toBeUndefined();
  });
});

describe('resolveConformanceClock', () => {
  it('uses the declared time', () => {
    expect(resolveConformanceClock('2020-01-22T19:45:00Z', {}).nowMs).toBe(
      Date.parse('2020-01-22T19:45:00Z'),
    );
  });

  it('derives one minute after the latest data time, leaving out future moments such as expires_at', () => {
    const clock = resolveConformanceClock(undefined, {
      'GET /runs': {
        json: {
          workflow_runs: [
            { created_at: '2020-01-22T19:33:08Z', updated_at: '2020-01-22T19:41:12Z' },
          ],
        },
      },
      'GET /artifacts': [
        { status: 503 },
        { json: { artifacts: [{ expires_at: '2020-04-21T19:40:12Z' }] } },
      ],
    });
    expect(new Date(clock.nowMs).toISOString()).toBe('2020-01-22T19:42:12.000Z');
    expect(clock.source).toMatch(/latest date-time in the fixtures/);
  });

  it("falls back to the kit's default without a date-time in the fixtures", () => {
    expect(
      new Date(
        resolveConformanceClock(undefined, { 'GET /x': { json: { n: 1 } } }).nowMs,
      ).toISOString(),
    ).toBe('2025-01-15T12:00:00.000Z');
  });

  it.each(['yesterday', '2025-01-15', '2025-13-45T99:00:00Z', ''])(
    'refuses clock.now %j, naming the field',
    (now) => {
      expect(() => resolveConformanceClock(now, {})).toThrow(
        /clock\.now must be an ISO 8601 date-time/,
      );
    },
  );
});
