import { get } from 'node:https';
import { defineConnector } from '@evidencekit/core';
import { z } from 'zod';
import { brokenConnectorBase } from './broken-status-page-connectors';
import { collectStatusPage, statusPageMetadata } from './status-page-connector';

// The six mistakes a new connector author makes, one broken status-page connector each (and
// each variant of a mistake). The good connector is `statusPageConnector`; these differ from it
// in the one place named in their comment.

type Leak = (token: string) => string;

/** Mistake 1, each form: the secret, transformed by `leak`, in one output of the collection. */
export function leakingConnector(
  place: 'fact value' | 'reason' | 'warning' | 'providerMetadata',
  leak: Leak,
) {
  return defineConnector({
    ...brokenConnectorBase,
    async doCollect({ runtime, config, selector }) {
      const token = (await runtime.secrets.resolve(config.apiKey)).reveal();
      const result = await collectStatusPage(runtime, config, selector.page);
      const leaked = leak(token);
      if (place === 'fact value') {
        return {
          ...result,
          facts: [
            ...result.facts.filter((fact) => fact.name !== 'page_indicator'),
            { name: 'page_indicator', kind: 'word', value: leaked },
          ],
        };
      }
      if (place === 'reason') {
        return {
          ...result,
          facts: [
            ...result.facts.filter((fact) => fact.name !== 'open_incidents'),
            {
              name: 'open_incidents',
              kind: 'unavailable',
              reason: 'auth',
              message: `the key ${leaked} was refused`,
            },
          ],
        };
      }
      if (place === 'warning') {
        return { ...result, warnings: [{ code: 'token_hint', message: `using ${leaked}` }] };
      }
      return { ...result, providerMetadata: { tokenHint: leaked } };
    },
  });
}

/** Mistake 1, check findings: doCheck quotes a piece of the key. */
export const leaksInCheckFindingsConnector = defineConnector({
  ...brokenConnectorBase,
  async doCheck({ runtime, config }) {
    const token = (await runtime.secrets.resolve(config.apiKey)).reveal();
    return {
      ok: true,
      findings: [{ status: 'ok', code: 'reachable', message: `key …${token.slice(-10)} works` }],
    };
  },
  doCollect: ({ runtime, config, selector }) => collectStatusPage(runtime, config, selector.page),
});

/** Mistake 1, runtime events: a piece of the key in a query parameter the redactor cannot know. */
export const leaksInRequestUrlConnector = defineConnector({
  ...brokenConnectorBase,
  async doCollect({ runtime, config, selector }) {
    const token = (await runtime.secrets.resolve(config.apiKey)).reveal();
    const client = runtime.http({ baseUrl: config.baseUrl });
    await client.getJson(`/v1/pages/${selector.page}/summary`, z.unknown(), {
      query: { hint: token.slice(8, 20) },
    });
    return collectStatusPage(runtime, config, selector.page);
  },
});

/** Mistake 2, variants: `observedAt` from the real clock, in the future, or long stale. */
export function fabricatedObservedAtConnector(variant: 'real clock' | 'future' | 'stale') {
  return defineConnector({
    ...brokenConnectorBase,
    async doCollect({ runtime, config, selector, now }) {
      const result = await collectStatusPage(runtime, config, selector.page);
      const observedAt =
        variant === 'real clock'
          ? new Date() // should be now()
          : variant === 'future'
            ? new Date(now().getTime() + 6 * 3_600_000)
            : // Epoch seconds read as milliseconds: a date in January 1970.
              new Date(Math.floor((result.observedAt ?? now()).getTime() / 1000));
      return { ...result, observedAt };
    },
  });
}

/** The catalog with `open_incidents` unknown on an empty list (no pass-on-empty rule). */
export const noPassOnEmptyMetadata = {
  ...statusPageMetadata,
  facts: statusPageMetadata.facts.map((fact) => {
    const { whenEmpty: _whenEmpty, ...rest } = fact as typeof fact & { whenEmpty?: unknown };
    return rest;
  }),
} as const;

/** Mistake 4: an empty list of incidents is reported as 0 incidents, which passes `< 1`. */
export const passesOnEmptyListConnector = defineConnector({
  ...brokenConnectorBase,
  metadata: noPassOnEmptyMetadata,
  async doCollect({ runtime, config, selector }) {
    const result = await collectStatusPage(runtime, config, selector.page);
    return {
      ...result,
      facts: result.facts.map((fact) =>
        fact.kind === 'empty'
          ? { name: fact.name, kind: 'measured', value: 0, unit: 'count' }
          : fact,
      ),
    };
  },
});

/** Mistake 4, catalog: a percentage that passes on an empty result. */
export const passOnEmptyRateConnector = defineConnector({
  ...brokenConnectorBase,
  metadata: {
    ...statusPageMetadata,
    facts: [
      ...statusPageMetadata.facts,
      {
        name: 'incident_share',
        description: 'Share of components with an open incident.',
        unit: '%',
        defaultThreshold: '< 5%',
        defaultAction: 'Look at the affected components.',
        whenEmpty: { status: 'passed', value: '0' },
      },
    ],
  },
  async doCollect({ runtime, config, selector }) {
    const result = await collectStatusPage(runtime, config, selector.page);
    return { ...result, facts: [...result.facts, { name: 'incident_share', kind: 'empty' }] };
  },
});

/** Mistake 6, fetch: the summary is read with the global `fetch`. */
export const globalFetchConnector = defineConnector({
  ...brokenConnectorBase,
  async doCollect({ runtime, config, selector }) {
    const token = (await runtime.secrets.resolve(config.apiKey)).reveal();
    const response = await fetch(`${config.baseUrl}/v1/pages/${selector.page}/summary`, {
      headers: { authorization: `OAuth ${token}` },
    });
    const summary = (await response.json()) as { status: { indicator: string } };
    return { facts: [{ name: 'page_indicator', kind: 'word', value: summary.status.indicator }] };
  },
});

/** Mistake 6, node:http: the summary is read with `https.get`. */
export const nodeHttpConnector = defineConnector({
  ...brokenConnectorBase,
  async doCollect({ config, selector }) {
    const text = await new Promise<string>((resolve, reject) => {
      get(`${config.baseUrl}/v1/pages/${selector.page}/summary`, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve(body));
        response.on('error', reject);
      }).on('error', reject);
    });
    const summary = JSON.parse(text) as { status: { indicator: string } };
    return { facts: [{ name: 'page_indicator', kind: 'word', value: summary.status.indicator }] };
  },
});
