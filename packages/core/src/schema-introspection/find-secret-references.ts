import type { z } from 'zod';
import { isSecretReferenceCheck } from '../runtime/secrets/secret-reference';
import { definitionOf, innerSchemaOf } from './schema-definition';

/** A secret reference found in settings, with its path (e.g. `auth.token`). */
export interface FoundSecretReference {
  path: string;
  reference: string;
}

const maxDepth = 32;

/**
 * Finds every secret reference in `value` (settings as written) by walking it alongside the
 * schema that validates it: a string at a field built with `secretReferenceSchema` is a
 * reference. Lets a host resolve every secret before a run, so a missing one is reported as
 * configuration, not as a fact that is merely unavailable.
 */
export function findSecretReferences(
  schema: z.core.$ZodType,
  value: unknown,
): FoundSecretReference[] {
  const found: FoundSecretReference[] = [];
  visit(schema, value, '', 0, found);
  return found;
}

function visit(
  schema: z.core.$ZodType,
  value: unknown,
  path: string,
  depth: number,
  found: FoundSecretReference[],
): void {
  if (depth > maxDepth || value === undefined || value === null) return;
  const definition = definitionOf(schema);
  const inner = innerSchemaOf(definition);
  if (inner !== undefined) {
    visit(inner, value, path, depth + 1, found);
    return;
  }
  switch (definition.type) {
    case 'union':
      // The option that accepts the value decides which fields are secrets.
      for (const option of definition.options ?? []) {
        if ((option as z.ZodType).safeParse(value).success) {
          visit(option, value, path, depth + 1, found);
          return;
        }
      }
      return;
    case 'object':
      if (typeof value !== 'object') return;
      for (const [key, child] of Object.entries(definition.shape ?? {})) {
        visit(child, (value as Record<string, unknown>)[key], join(path, key), depth + 1, found);
      }
      return;
    case 'array':
      if (!Array.isArray(value) || definition.element === undefined) return;
      for (const [index, item] of value.entries()) {
        visit(definition.element, item, `${path}[${index}]`, depth + 1, found);
      }
      return;
    case 'record':
      if (typeof value !== 'object' || definition.valueType === undefined) return;
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        visit(definition.valueType, item, join(path, key), depth + 1, found);
      }
      return;
    case 'string':
      if (
        typeof value === 'string' &&
        (definition.checks ?? []).some((check) => isSecretReferenceCheck(check._zod.def.fn))
      ) {
        found.push({ path, reference: value });
      }
      return;
    default:
      return;
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
