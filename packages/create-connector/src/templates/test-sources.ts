import { fitting, moduleBlock } from './source-layout';
import { placeholderBaseUrl, type TemplateContext, tokenVariable } from './template-context';

/**
 * `test/fixtures/<id>-responses.ts`: the one trimmed fixture, a Statuspage summary (the
 * placeholder provider), with its source noted as the repository asks of every fixture.
 */
export function fixtureSource(_context: TemplateContext): string {
  return `// A Statuspage public API v2 summary, trimmed but with the real field names and value sets:
// the placeholder provider of a generated connector. Replace it with your provider's answer
// and note where it comes from.
// Source: the API reference every Statuspage page serves at \`<page>/api\` (e.g.
// https://www.githubstatus.com/api: "Summary"), and the summary schema documented at
// https://www.mongodb.com/docs/api/doc/cloud-status/operation/operation-getstatussummary
// (a Statuspage-hosted page). Ids and names are made up.

/** A component as the summary lists it. */
function component(id: string, name: string, status: string) {
  return {
    id,
    name,
    status,
    created_at: '2023-06-01T10:00:00.000Z',
    updated_at: '2025-01-10T08:12:44.123Z',
    position: 1,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: 'y2j98763l56x',
    group: false,
    only_show_if_degraded: false,
  };
}

/** \`GET /api/v2/summary.json\`: checkout is operational, payments is degraded. */
export const summary = {
  page: {
    id: 'y2j98763l56x',
    name: 'Acme',
    url: 'https://status.acme.example',
    time_zone: 'Etc/UTC',
    updated_at: '2025-01-10T08:12:44.123Z',
  },
  components: [
    component('8l4ygp009s5s', 'Checkout API', 'operational'),
    component('0l2p9nhqnxpd', 'Payments API', 'degraded_performance'),
  ],
  incidents: [],
  scheduled_maintenances: [],
  status: { indicator: 'minor', description: 'Minor Service Outage' },
};
`;
}

/** `test/conformance-options.ts`: the suite's options, importable by other tools. */
export function conformanceOptionsSource(context: TemplateContext): string {
  const { answers, names } = context;
  const settings =
    answers.credential === 'none'
      ? 'settings: () => ({ baseUrl: BASE_URL }),'
      : 'settings: (token) => ({ baseUrl: BASE_URL, token }),';
  return `import { defineConformanceOptions } from '@evidencekit/testing';
import { create${names.provider} } from '../src/index';
import { summary } from './fixtures/${names.id}-responses';

const BASE_URL = '${placeholderBaseUrl(context)}';

/**
 * The conformance suite's options for this connector, in a module of their own so that other
 * tools (a fault matrix, the repository's surface test) can read them.
 */
export const conformanceOptions = defineConformanceOptions({
  name: '${names.id}',
  createConnector: create${names.provider},
  ${settings}
  target: {
    scope: { workspaceId: 'acme', service: 'checkout-api', environment: 'production' },
    selector: { component: 'Checkout API' },
  },
  baseUrl: BASE_URL,
  routes: {
    'GET /api/v2/summary.json': { json: summary },
  },
  primaryRoutes: [
    {
      route: 'GET /api/v2/summary.json',
      emptyBody: { ...summary, components: [] },
      facts: ['component_status'],
    },
  ],
  expectations: {
    facts: { component_status: 'passed' },
    skipScenarios: { 'pagination-loop': 'the summary endpoint does not paginate' },
  },
});
`;
}

/** `test/conformance.test.ts`: the one-call suite. The example keeps this file as is. */
export function conformanceTestSource(_context: TemplateContext): string {
  return `import { describeConnectorConformance } from '@evidencekit/testing/vitest';
import { conformanceOptions } from './conformance-options';

// The one-call suite: metadata, schemas, the happy path, every fault scenario on every primary
// route, Retry-After, aborts, the connection check and the canary secret.
describeConnectorConformance(conformanceOptions);
`;
}

/** `test/<id>.test.ts`: MSW tests of the happy path and the odd cases. */
export function providerTestSource(context: TemplateContext): string {
  const { answers, names } = context;
  const P = names.provider;
  const withToken = answers.credential !== 'none';
  const settingsOf = (token: boolean) =>
    token
      ? `{ baseUrl: BASE_URL, token: 'env:${tokenVariable(context)}' }`
      : '{ baseUrl: BASE_URL }';
  const tokenTest = withToken
    ? `
  it('sends the token as a bearer header and leaks it nowhere', async () => {
    answer({ status: 401, json: { error: 'unauthorized' } });
    const record = await collect(
      { component: 'Checkout API' },
      ${settingsOf(true)},
    );

    expect(server.recorder.requests[0]?.headers.authorization).toBe(\`Bearer \${SECRET}\`);
    expect(status(record).reason?.code).toBe('auth');
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });
`
    : '';
  const defaultSettings = answers.credential === 'required' ? settingsOf(true) : settingsOf(false);
  const imports = moduleBlock([
    {
      keyword: 'import',
      names: ['checkConnector', 'createRuntime', 'type EvidenceRecord', 'type Fact'],
      from: '@evidencekit/core',
    },
    {
      keyword: 'import',
      names: ['collectOne', 'createVirtualClock', 'type MockReply', 'mockProviderRoutes'],
      from: '@evidencekit/testing',
    },
    { keyword: 'import', names: ['useProviderMockServer'], from: '@evidencekit/testing/vitest' },
    {
      keyword: 'import',
      names: withToken
        ? ['afterEach', 'beforeEach', 'describe', 'expect', 'it', 'vi']
        : ['describe', 'expect', 'it'],
      from: 'vitest',
    },
    {
      keyword: 'import',
      names: [`create${P}`, `type ${P}Selector`, `type ${P}Settings`],
      from: '../src/index',
    },
    { keyword: 'import', names: ['summary'], from: `./fixtures/${names.id}-responses` },
  ]);
  const unknownField = fitting(
    `    const record = await collect({ component: 'Checkout API', page: 'other' } as ${P}Selector);`,
    `    const record = await collect({\n      component: 'Checkout API',\n      page: 'other',\n    } as ${P}Selector);`,
  );
  const check = fitting(
    `      const result = await checkConnector(create${P}(${defaultSettings}), { runtime });`,
    `      const result = await checkConnector(\n        create${P}(${defaultSettings}),\n        { runtime },\n      );`,
  );
  return `${imports}

const BASE_URL = '${placeholderBaseUrl(context)}';
${withToken ? "const SECRET = 'canary-token-3b7e19d4c2a8f605';\n" : ''}const SUMMARY = 'GET /api/v2/summary.json';

const server = useProviderMockServer();
${
  withToken
    ? `
beforeEach(() => {
  vi.stubEnv('${tokenVariable(context)}', SECRET);
});
afterEach(() => {
  vi.unstubAllEnvs();
});
`
    : ''
}
function answer(reply: MockReply = { json: summary }): void {
  server.use(...mockProviderRoutes(BASE_URL, { [SUMMARY]: reply }));
}

function testRuntime() {
  const clock = createVirtualClock({ maxWaitMs: 10_000 });
  const runtime = createRuntime({
    clock,
    cacheStore: false,
    retry: { maxRetries: 2, maxRetryAfterMs: 10_000, baseDelayMs: 100, random: () => 0.5 },
  });
  return { clock, runtime };
}

async function collect(
  selector: ${P}Selector = { component: 'Checkout API' },
  settings: ${P}Settings = ${defaultSettings},
): Promise<EvidenceRecord> {
  const { clock, runtime } = testRuntime();
  try {
    return await collectOne(
      create${P}(settings),
      {
        scope: { workspaceId: 'acme', service: 'checkout-api', environment: 'production' },
        selector,
      },
      { runtime, now: () => new Date(clock.now()) },
    );
  } finally {
    await runtime.close();
  }
}

function status(record: EvidenceRecord): Fact {
  const found = record.facts.find((item) => item.name === 'component_status');
  if (found === undefined) throw new Error('no component_status fact');
  return found;
}

describe('collection', () => {
  it('passes an operational component', async () => {
    answer();
    const record = await collect();

    expect(record.status).toBe('passed');
    expect(status(record)).toMatchObject({
      status: 'passed',
      value: 'operational',
      source: { url: \`\${BASE_URL}/api/v2/summary.json\` },
    });
  });

  it('fails a degraded component, selected by name in any case or by id', async () => {
    answer();
    const byName = await collect({ component: 'payments api' });
    const byId = await collect({ component: '0l2p9nhqnxpd' });

    expect(status(byName)).toMatchObject({ status: 'failed', value: 'degraded_performance' });
    expect(status(byId)).toMatchObject({ status: 'failed', value: 'degraded_performance' });
  });

  it('never reads a component the provider does not list as operational', async () => {
    answer();
    const record = await collect({ component: 'Search' });

    expect(status(record)).toMatchObject({ status: 'unavailable', reason: { code: 'no_data' } });
  });

  it.each([
    ['a 404', { status: 404, text: 'Not Found' }, 'not_found'],
    [
      'a changed response shape',
      { json: { page: summary.page, components: [{ id: 'x' }] } },
      'invalid_response',
    ],
  ] as const)('turns %s into unavailable, never a pass', async (_label, reply, reason) => {
    answer(reply);
    const record = await collect();

    expect(status(record)).toMatchObject({ status: 'unavailable', reason: { code: reason } });
  });
${tokenTest}
  it('refuses a selector with an unknown field and sends no request', async () => {
    answer();
${unknownField}

    expect(status(record).reason?.code).toBe('config');
    expect(server.recorder.requests).toHaveLength(0);
  });
});

describe('connection check', () => {
  it('names what it reached', async () => {
    answer();
    const { runtime } = testRuntime();
    try {
${check}

      expect(result.ok).toBe(true);
      expect(result.findings).toContainEqual(
        expect.objectContaining({ status: 'ok', code: 'connected' }),
      );
    } finally {
      await runtime.close();
    }
  });
});
`;
}
