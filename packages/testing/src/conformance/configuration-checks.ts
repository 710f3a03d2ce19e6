import type { AnyConnectorV1 } from '@evidencekit/core';
import type { ConformanceCheckResult } from './conformance-report';

/** The key the strictness checks add; no connector has a setting of this name. */
export const UNKNOWN_KEY_PROBE = 'evidencekitConformanceUnknownKey';

const maxProbes = 64;

/**
 * Strict settings and selectors: the valid settings (and the target's selector) with an unknown
 * key added at the top and inside every nested object must be refused. A schema that drops
 * unknown keys turns a typo (`baseURL`) into a silent default: a token sent to the wrong host,
 * a tenant header never sent.
 */
export function checkStrictConfiguration(
  connector: AnyConnectorV1,
  settings: unknown,
  selector: unknown,
): ConformanceCheckResult[] {
  return [
    strictness('settings:strict', 'settings', connector.configSchema, settings),
    strictness('selector:strict', 'selector', connector.selectorSchema, selector),
  ];
}

function strictness(
  name: string,
  what: string,
  schema: AnyConnectorV1['configSchema'],
  valid: unknown,
): ConformanceCheckResult {
  if (!schema.safeParse(valid).success) {
    return {
      name,
      status: 'failed',
      message: `the conformance ${what} themselves do not validate`,
    };
  }
  const accepted: string[] = [];
  const paths = objectPaths(valid);
  for (const path of paths) {
    const probe = withUnknownKey(valid, path);
    const parsed = schema.safeParse(probe);
    if (parsed.success) accepted.push(path.length === 0 ? '(top level)' : path.join('.'));
  }
  if (accepted.length > 0) {
    return {
      name,
      status: 'failed',
      message: `the ${what} schema accepts an unknown key at ${accepted.join(', ')}; use z.strictObject so a misspelt key is an error naming it`,
    };
  }
  return {
    name,
    status: 'passed',
    message: `an unknown key is refused at ${paths.length} place(s) in the ${what}`,
  };
}

/** Paths of every plain object in `value` (the root first), bounded. */
function objectPaths(value: unknown): string[][] {
  const paths: string[][] = [];
  const visit = (current: unknown, path: string[]) => {
    if (paths.length >= maxProbes || !isPlainObject(current)) return;
    paths.push(path);
    for (const [key, child] of Object.entries(current)) visit(child, [...path, key]);
  };
  visit(value, []);
  return paths;
}

function withUnknownKey(value: unknown, path: readonly string[]): unknown {
  if (!isPlainObject(value)) return value;
  if (path.length === 0) return { ...value, [UNKNOWN_KEY_PROBE]: 'unexpected' };
  const [head, ...rest] = path as [string, ...string[]];
  return { ...value, [head]: withUnknownKey(value[head], rest) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
