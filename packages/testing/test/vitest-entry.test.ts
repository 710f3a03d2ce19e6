import { HttpResponse, http } from 'msw';
import type { RunnerTask } from 'vitest';
import { describe, expect, it } from 'vitest';
import { describeConnectorConformance, useProviderMockServer } from '../src/vitest/index';
import { statusPageConformance } from './support/status-page-conformance';

describeConnectorConformance(statusPageConformance());

describe('describeConnectorConformance', () => {
  // Runs after the suite above (tests of a file run in order): reads vitest's own results.
  it('declares one test per check, with skipped checks in the skipped list and their reason', ({
    task,
  }) => {
    const suite = task.file.tasks.find(
      (candidate) => candidate.name === 'connector conformance: status-page',
    );
    const tests: RunnerTask[] = suite?.type === 'suite' ? suite.tasks : [];
    const byName = new Map(tests.map((test) => [test.name, test]));
    expect(byName.get('transport:through-runtime')?.result?.state).toBe('pass');
    expect(byName.get('secrets:no-canary-in-output')?.result?.state).toBe('pass');
    const skipped = byName.get('fault:pagination-loop GET /v1/pages/:page/summary');
    expect(skipped?.result?.state).toBe('skip');
    // vitest keeps the skip note on the result at run time; its published type leaves it out.
    const { note } = (skipped?.result ?? {}) as { note?: string };
    expect(note).toMatch(/pagination: "link"/);
  });
});

describe('useProviderMockServer', () => {
  const server = useProviderMockServer(
    http.get('https://lifecycle.test/ok', () => HttpResponse.json({ ok: true })),
  );

  it('listens before the tests', async () => {
    expect(await (await fetch('https://lifecycle.test/ok')).json()).toEqual({ ok: true });
  });

  it('resets per-test handlers after each test', async () => {
    server.use(http.get('https://lifecycle.test/ok', () => HttpResponse.json({ ok: 'override' })));
    expect(await (await fetch('https://lifecycle.test/ok')).json()).toEqual({ ok: 'override' });
  });

  it('no longer sees the previous override', async () => {
    expect(await (await fetch('https://lifecycle.test/ok')).json()).toEqual({ ok: true });
  });
});
