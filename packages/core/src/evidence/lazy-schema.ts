import type { z } from 'zod';

// Importing core must cost little (a host may only read a config file): a zod schema built at
// module scope costs its construction on every import, used or not. These two helpers move
// the construction to the first use while the exported schema constants stay real zod
// schemas of the same types. They live in evidence/ because the contract may import only
// evidence/, errors/ and zod, and the evidence schema is their first user.

/** Builders of an object schema's fields: one function per key. */
export type ShapeBuilders = Record<string, () => z.core.$ZodType>;

/**
 * The shape of an object schema whose fields are built on first read. zod 4 reads a shape
 * through its getters once, on the first parse or inspection, and keeps what they returned;
 * each field is also memoized here, so copies made by `.describe()`, `.optional()` and
 * refinements share the same field schemas, exactly as an eagerly built shape would.
 *
 * @param builders - One function per field, returning that field's schema.
 * @returns a shape for `z.object` / `z.strictObject`, typed as the built fields.
 *
 * @example
 * ```ts
 * const releaseSchema = z.object(lazyShape({ version: () => z.string().min(1) }));
 * ```
 */
export function lazyShape<Builders extends ShapeBuilders>(
  builders: Builders,
): { -readonly [Key in keyof Builders]: ReturnType<Builders[Key]> } {
  const shape = {};
  for (const [key, build] of Object.entries(builders)) {
    let built: z.core.$ZodType | undefined;
    Object.defineProperty(shape, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        built ??= build();
        return built;
      },
    });
  }
  return shape as { -readonly [Key in keyof Builders]: ReturnType<Builders[Key]> };
}

/**
 * A schema (or any value) built on the first call and the same object on every later one.
 *
 * @param build - Builds it; called at most once.
 */
export function lazySchema<Schema>(build: () => Schema): () => Schema {
  let built: { schema: Schema } | undefined;
  return () => {
    built ??= { schema: build() };
    return built.schema;
  };
}
