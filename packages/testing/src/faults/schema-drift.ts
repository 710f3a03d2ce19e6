/** How a provider's response shape drifted. */
export type SchemaDriftKind = 'missing' | 'renamed' | 'wrong_type';

/**
 * Applies a drift to every object in a JSON body, keeping arrays (so lists still look like
 * lists): `missing` drops every field, `renamed` appends `_v2` to every field name,
 * `wrong_type` swaps the type of every leaf (string → number, number → string,
 * boolean → string). The result still parses as JSON; only its shape is wrong.
 */
export function applySchemaDrift(body: unknown, kind: SchemaDriftKind): unknown {
  if (Array.isArray(body)) return body.map((item) => applySchemaDrift(item, kind));
  if (typeof body === 'object' && body !== null) {
    if (kind === 'missing') return {};
    const output: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      output[kind === 'renamed' ? `${key}_v2` : key] = applySchemaDrift(value, kind);
    }
    return output;
  }
  if (kind !== 'wrong_type') return body;
  if (typeof body === 'string') return 42;
  if (typeof body === 'number') return 'not a number';
  if (typeof body === 'boolean') return 'yes';
  return body;
}
