import type { z } from 'zod';
import { definitionOf, innerSchemaOf } from './schema-definition';

const maxDepth = 64;

/**
 * The schemas that can stand at `path` inside `schema`, looking through optional, default,
 * pipe and lazy wrappers and into every option of a union. Used to name the keys an object
 * accepts when a configuration error reports an unknown one.
 */
export function schemasAt(
  schema: z.core.$ZodType,
  path: readonly PropertyKey[],
): z.core.$ZodType[] {
  let current: z.core.$ZodType[] = unwrap(schema, 0);
  for (const segment of path) {
    const next: z.core.$ZodType[] = [];
    for (const candidate of current) {
      const definition = definitionOf(candidate);
      let child: z.core.$ZodType | undefined;
      if (definition.type === 'object' && typeof segment === 'string') {
        child = definition.shape?.[segment];
      } else if (definition.type === 'array' && typeof segment === 'number') {
        child = definition.element;
      } else if (definition.type === 'record') {
        child = definition.valueType;
      }
      if (child !== undefined) next.push(...unwrap(child, 0));
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** Every key an object schema at `path` accepts (the union of a union's object options). */
export function objectKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const candidate of schemasAt(schema, path)) {
    const definition = definitionOf(candidate);
    if (definition.type === 'object') {
      for (const key of Object.keys(definition.shape ?? {})) keys.add(key);
    }
  }
  return [...keys];
}

function unwrap(schema: z.core.$ZodType, depth: number): z.core.$ZodType[] {
  if (depth > maxDepth) return [];
  const definition = definitionOf(schema);
  if (definition.type === 'union') {
    return (definition.options ?? []).flatMap((option) => unwrap(option, depth + 1));
  }
  const inner = innerSchemaOf(definition);
  if (inner !== undefined) return unwrap(inner, depth + 1);
  return [schema];
}
