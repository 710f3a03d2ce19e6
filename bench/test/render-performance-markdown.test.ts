import { describe, expect, it } from 'vitest';
import type { BenchmarkResults } from '../src/report/benchmark-results';
import { renderPerformanceMarkdown } from '../src/report/render-performance-markdown';

const machine = {
  cpuModel: 'Test CPU',
  cores: 2,
  memoryGigabytes: 4,
  node: 'v24.0.0',
  platform: 'linux-x64',
  date: '2026-11-21T00:00:00.000Z',
  loadAverageAtStart: [0.5, 0.4, 0.3],
};

function results(overrides: Partial<BenchmarkResults> = {}): BenchmarkResults {
  return {
    machine,
    rebuilt: [],
    durationSeconds: 1,
    p1: {
      rows: [
        {
          concurrency: 16,
          requestsPerSecond: { evidencekit: 800, undici: 1000, fetch: 500 },
          evidencekitToUndici: 0.8,
          fetchToUndici: 0.5,
        },
      ],
      rounds: 1,
      durationMs: 1000,
      warmupMs: 100,
    },
    p2: { error: 'peer suite not run' },
    p3: { error: 'scale suite not run' },
    p4: { error: 'footprint suite not run' },
    faults: {
      outcomes: [
        {
          connector: 'prometheus',
          route: 'GET /api/v1/query',
          scenario: 'timeout',
          expected: 'unavailable (timeout)',
          status: 'unavailable',
          facts: 'error_rate=unavailable:timeout',
          wallMs: 3,
          waitedMs: 0,
          crashed: false,
          falsePass: false,
          leakedSecret: false,
          conforms: true,
        },
      ],
      totals: {
        runs: 1,
        skipped: 0,
        crashes: 0,
        falsePasses: 1,
        leakedSecrets: 0,
        nonConforming: 0,
      },
      conformance: [],
    },
    ...overrides,
  };
}

describe('renderPerformanceMarkdown', () => {
  it('marks a goal not met when a ratio misses it', () => {
    const markdown = renderPerformanceMarkdown(results());

    expect(markdown).toContain('Goal ≥ 0.9× raw undici: **not met** (lowest ratio 0.8)');
  });

  it('says which suites failed instead of leaving their section empty', () => {
    const markdown = renderPerformanceMarkdown(results());

    expect(markdown).toContain('The suite failed: `peer suite not run`.');
    expect(markdown).toContain('The suite failed: `scale suite not run`.');
  });

  it('counts a false pass against the fault goal', () => {
    const markdown = renderPerformanceMarkdown(results());

    expect(markdown).toContain('Goal 0 crashes, 0 false passes, 0 leaks: **not met**');
  });

  it('escapes pipes inside table cells', () => {
    const base = results();
    const faults = base.faults as Exclude<BenchmarkResults['faults'], { error: string }>;
    const outcome = { ...faults.outcomes[0], facts: 'a|b' } as (typeof faults.outcomes)[number];
    const markdown = renderPerformanceMarkdown(
      results({ faults: { ...faults, outcomes: [outcome] } }),
    );

    expect(markdown).toContain('a\\|b');
  });
});
