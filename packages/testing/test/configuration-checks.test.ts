import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkStrictConfiguration } from '../src/conformance/configuration-checks';
import { statusPageConnector } from './support/status-page-connector';

const connectorWith = (
  configSchema: z.ZodType,
  selectorSchema: z.ZodType = z.strictObject({ page: z.string() }),
) => ({ ...statusPageConnector, configSchema, selectorSchema }) as never;

const settings = {
  baseUrl: 'https://status.example.test',
  auth: { type: 'bearer', token: 'env:X' },
};
const selector = { page: 'p' };

describe('checkStrictConfiguration', () => {
  it('passes schemas that refuse unknown keys everywhere', () => {
    const schema = z.strictObject({
      baseUrl: z.url(),
      auth: z.strictObject({ type: z.literal('bearer'), token: z.string() }),
    });
    const results = checkStrictConfiguration(connectorWith(schema), settings, selector);
    expect(results.map((result) => result.status)).toEqual(['passed', 'passed']);
  });

  it('names a nested object that drops unknown keys, even when the top level is strict', () => {
    const schema = z.strictObject({
      baseUrl: z.url(),
      auth: z.object({ type: z.literal('bearer'), token: z.string() }),
    });
    const [settingsCheck] = checkStrictConfiguration(connectorWith(schema), settings, selector);
    expect(settingsCheck?.status).toBe('failed');
    expect(settingsCheck?.message).toContain('accepts an unknown key at auth');
    expect(settingsCheck?.message).not.toContain('(top level)');
  });

  it('names a loose top level and a loose selector', () => {
    const results = checkStrictConfiguration(
      connectorWith(
        z.object({ baseUrl: z.url(), auth: z.unknown() }),
        z.object({ page: z.string() }),
      ),
      settings,
      selector,
    );
    expect(results[0]?.message).toContain('(top level)');
    expect(results[1]?.status).toBe('failed');
  });

  it('reports settings that do not validate in the first place instead of a false pass', () => {
    const [settingsCheck] = checkStrictConfiguration(
      connectorWith(z.strictObject({ other: z.string() })),
      settings,
      selector,
    );
    expect(settingsCheck?.status).toBe('failed');
    expect(settingsCheck?.message).toMatch(/do not validate/);
  });
});
