import { configureConnector, defineConnector } from '@evidencekit/core';
import { z } from 'zod';
import {
  collectStatusPage,
  statusPageConfigSchema,
  statusPageConnector,
  statusPageMetadata,
} from './status-page-connector';

/** The good connector's parts every broken variant starts from. */
export const brokenConnectorBase = {
  specificationVersion: 'v1',
  metadata: statusPageMetadata,
  configSchema: statusPageConfigSchema,
  selectorSchema: z.strictObject({ page: z.string().min(1) }),
  doCheck: statusPageConnector.doCheck,
} as const;

/** Leaks a "token hint" (a prefix the redactor cannot know) into a warning, and the token into logs. */
export const leakySecretConnector = defineConnector({
  ...brokenConnectorBase,
  async doCollect({ runtime, config, selector }) {
    const token = (await runtime.secrets.resolve(config.apiKey)).reveal();
    runtime.logger.debug({ token }, 'collecting with this token');
    const result = await collectStatusPage(runtime, config, selector.page);
    return {
      ...result,
      warnings: [{ code: 'token_hint', message: `token starts with ${token.slice(0, 20)}` }],
    };
  },
});

/** Reads a summary it cannot parse as "no problem": a drifted or empty body passes. */
export const passesOnEmptyConnector = defineConnector({
  ...brokenConnectorBase,
  async doCollect({ runtime, config, selector }) {
    const result = await collectStatusPage(runtime, { ...config }, selector.page).catch(
      () => undefined,
    );
    if (result !== undefined) return result;
    const client = runtime.http({
      baseUrl: config.baseUrl,
      auth: { type: 'header', name: 'Authorization', prefix: 'OAuth ', value: config.apiKey },
    });
    const summary = await client.getJson(
      `/v1/pages/${selector.page}/summary`,
      z.object({ status: z.object({ indicator: z.string() }).catch({ indicator: 'none' }) }).catch({
        status: { indicator: 'none' },
      }),
    );
    return {
      facts: [
        { name: 'page_indicator', kind: 'word', value: summary.status.indicator },
        { name: 'open_incidents', kind: 'measured', value: 0, unit: 'count' },
      ],
    };
  },
});

/** Loops over the API on failure: retries of its own on top of the runtime's. */
export const retriesOnItsOwnConnector = defineConnector({
  ...brokenConnectorBase,
  async doCollect({ runtime, config, selector }) {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await collectStatusPage(runtime, config, selector.page);
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  },
});

/** Turns every error into a clean result. */
export const swallowsErrorsConnector = defineConnector({
  ...brokenConnectorBase,
  async doCollect({ runtime, config, selector }) {
    try {
      return await collectStatusPage(runtime, config, selector.page);
    } catch {
      return {
        facts: [
          { name: 'open_incidents', kind: 'measured', value: 0, unit: 'count' },
          { name: 'page_indicator', kind: 'word', value: 'none' },
        ],
      };
    }
  },
});

/** `create<Provider>` for a broken variant. */
export function configureBroken(connector: typeof statusPageConnector) {
  return (settings: z.input<typeof statusPageConfigSchema>) =>
    configureConnector(connector, settings);
}

/** Drops unknown settings and selector keys, so a misspelt `baseURL` is silently ignored. */
export const looseSettingsConnector = defineConnector({
  ...brokenConnectorBase,
  configSchema: z.object({ baseUrl: z.url(), apiKey: statusPageConfigSchema.shape.apiKey }),
  selectorSchema: z.object({ page: z.string().min(1) }),
  async doCollect({ config, selector, runtime }) {
    return collectStatusPage(runtime, config, selector.page);
  },
});

/** Its settings-dependent catalog leaves out a fact of its static catalog. */
export const dropsStaticFactConnector = defineConnector({
  ...brokenConnectorBase,
  factsFor: () => statusPageMetadata.facts.filter((fact) => fact.name !== 'page_indicator'),
  doCollect: ({ runtime, config, selector }) => collectStatusPage(runtime, config, selector.page),
});

/** Its settings-dependent catalog throws. */
export const throwingCatalogConnector = defineConnector({
  ...brokenConnectorBase,
  factsFor: () => {
    throw new Error('no catalog for these settings');
  },
  doCollect: ({ runtime, config, selector }) => collectStatusPage(runtime, config, selector.page),
});
