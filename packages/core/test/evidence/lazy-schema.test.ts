import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema, lazyShape } from '../../src/evidence/lazy-schema';

// The exported schemas keep their names and types but build their fields on first use. What
// must hold for that to be invisible: nothing is built at construction, each field once, and
// the lazy schema answers every input exactly as the eagerly built one does.

const fields = {
  name: () => z.string().min(1).describe('A name.'),
  count: () => z.number().int().nonnegative().optional(),
  tags: () => z.array(z.enum(['a', 'b'])).optional(),
  nested: () => z.object({ flag: z.boolean() }).optional(),
};

function eagerTwin() {
  return z
    .strictObject({
      name: fields.name(),
      count: fields.count(),
      tags: fields.tags(),
      nested: fields.nested(),
    })
    .superRefine((value, context) => {
      if (value.count === 0) context.addIssue({ code: 'custom', message: 'not zero' });
    })
    .describe('A thing.');
}

function lazyTwin() {
  return z
    .strictObject(lazyShape(fields))
    .superRefine((value, context) => {
      if (value.count === 0) context.addIssue({ code: 'custom', message: 'not zero' });
    })
    .describe('A thing.');
}

const inputs = fc.oneof(
  fc.anything(),
  fc.record(
    {
      name: fc.oneof(fc.string(), fc.integer()),
      count: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double(), fc.string()),
      tags: fc.array(fc.constantFrom('a', 'b', 'c')),
      nested: fc.oneof(fc.record({ flag: fc.boolean() }), fc.constant(null)),
      extra: fc.string(),
    },
    { requiredKeys: [] },
  ),
);

describe('lazyShape', () => {
  it('builds nothing when the schema is constructed, described or wrapped', () => {
    const builders = { name: vi.fn(fields.name), count: vi.fn(fields.count) };
    const schema = z.object(lazyShape(builders)).describe('described');
    schema.optional().nullable();
    expect(builders.name).not.toHaveBeenCalled();
    expect(builders.count).not.toHaveBeenCalled();
  });

  it('builds each field once, shared by every copy of the schema', () => {
    const builders = { name: vi.fn(fields.name), count: vi.fn(fields.count) };
    const base = z.object(lazyShape(builders));
    const described = base.describe('described');
    described.parse({ name: 'x' });
    base.parse({ name: 'y', count: 1 });
    described.optional().parse(undefined);
    expect(builders.name).toHaveBeenCalledTimes(1);
    expect(builders.count).toHaveBeenCalledTimes(1);
    expect(described.shape.name).toBe(base.shape.name);
  });

  it('answers every input as the eagerly built schema does', () => {
    const eager = eagerTwin();
    const lazy = lazyTwin();
    fc.assert(
      fc.property(inputs, (input) => {
        const expected = eager.safeParse(input);
        const actual = lazy.safeParse(input);
        expect(actual.success).toBe(expected.success);
        expect(actual.data).toEqual(expected.data);
        expect(actual.error?.issues).toEqual(expected.error?.issues);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same JSON Schema and keeps field descriptions', () => {
    expect(z.toJSONSchema(lazyTwin())).toEqual(z.toJSONSchema(eagerTwin()));
    expect(lazyTwin().shape.name.description).toBe('A name.');
  });
});

describe('lazySchema', () => {
  it('builds on the first call only and returns the same schema after', () => {
    const build = vi.fn(() => z.string());
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema()).toBe(schema());
    expect(build).toHaveBeenCalledTimes(1);
  });
});
