import type { z } from 'zod';

/**
 * The parts of a zod 4 schema's definition (`_zod.def`, zod's documented surface for
 * libraries) that configuration tooling reads: wrappers, objects, arrays, records, unions and
 * string checks.
 */
export interface SchemaDefinition {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  getter?: () => z.core.$ZodType;
  checks?: readonly { _zod: { def: { fn?: unknown } } }[];
}

/** The definition of a zod schema. */
export function definitionOf(schema: z.core.$ZodType): SchemaDefinition {
  return (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
}

/** The schema a wrapper (optional, default, pipe input, lazy…) stands for, or undefined. */
export function innerSchemaOf(definition: SchemaDefinition): z.core.$ZodType | undefined {
  switch (definition.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return definition.innerType;
    case 'pipe':
      return definition.in;
    case 'lazy':
      return definition.getter?.();
    default:
      return undefined;
  }
}
