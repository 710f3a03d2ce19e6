import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { describeConnectorConformance, useProviderMockServer } from '../src/vitest/index';
import { statusPageConformance } from './support/status-page-conformance';

describeConnectorConformance(statusPageConformance());

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
