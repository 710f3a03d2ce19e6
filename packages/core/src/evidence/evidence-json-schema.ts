import { z } from 'zod';
import {
  EVIDENCE_SCHEMA_V1_ID,
  evidenceRecordSchema,
  factSchema,
  jsonValueSchema,
} from './evidence-schema';
import { FACT_REASONS } from './fact-reason';

/** A JSON Schema document or sub-schema, as plain JSON. */
export type JsonSchemaObject = { [keyword: string]: unknown };

/** The title of the published evidence JSON Schema. */
export const EVIDENCE_JSON_SCHEMA_V1_TITLE = 'Evidencekit evidence record (v1)';

/**
 * The JSON Schema (draft 2020-12) of one evidence record, generated from `evidenceRecordSchema`
 * so the zod schema stays the single source of truth. It describes the input a host may send
 * (`io: 'input'`), and adds what zod cannot export by itself: the per-status reason rules of
 * the fact refinement and the case-insensitive patterns.
 *
 * @returns a fresh object with a stable key order; safe to mutate.
 */
export function evidenceJsonSchema(): JsonSchemaObject {
  let jsonValueText: string | undefined;
  const generated = z.toJSONSchema(evidenceRecordSchema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const target = jsonSchema as JsonSchemaObject;
      // zod types the callback with its internal schema union, which excludes our lazy schema.
      const schema: unknown = zodSchema;
      if (schema === factSchema) target.allOf = factReasonRules();
      if (schema === jsonValueSchema) jsonValueText = JSON.stringify(target);
      keepCaseInsensitivePatterns(zodSchema, target);
    },
  }) as JsonSchemaObject;
  const { $schema, ...body } = nameDefinition(generated, jsonValueText, 'jsonValue');
  return canonicalSchema({
    $schema,
    $id: EVIDENCE_SCHEMA_V1_ID,
    title: EVIDENCE_JSON_SCHEMA_V1_TITLE,
    ...body,
  });
}

/** The exact text of `schema/evidence-v1.json`: 2-space JSON with a trailing newline. */
export function evidenceJsonSchemaText(): string {
  return `${JSON.stringify(evidenceJsonSchema(), null, 2)}\n`;
}

/**
 * zod names the definitions it extracts for recursion `__schema0`, `__schema1`…; gives the one
 * whose body is `definitionText` a readable name, and points every reference at it.
 */
function nameDefinition(
  schema: JsonSchemaObject,
  definitionText: string | undefined,
  name: string,
): JsonSchemaObject {
  const definitions = (schema.$defs ?? {}) as JsonSchemaObject;
  const generatedName = Object.keys(definitions).find(
    (key) => JSON.stringify(definitions[key]) === definitionText,
  );
  if (generatedName === undefined || name in definitions) return schema;
  const reference = (definition: string) => JSON.stringify(`#/$defs/${definition}`);
  const renamed = JSON.parse(
    JSON.stringify(schema).replaceAll(reference(generatedName), reference(name)),
  ) as JsonSchemaObject;
  const renamedDefinitions = renamed.$defs as JsonSchemaObject;
  renamed.$defs = Object.fromEntries(
    Object.entries(renamedDefinitions).map(([key, value]) => [
      key === generatedName ? name : key,
      value,
    ]),
  );
  return renamed;
}

/**
 * The fact refinement in JSON Schema terms: a passed fact has no reason; every other status
 * requires one whose code belongs to that status.
 */
function factReasonRules(): JsonSchemaObject[] {
  // `type` repeated in each branch keeps strict validators (ajv `strictTypes`) quiet.
  const statusIs = (status: string): JsonSchemaObject => ({
    type: 'object',
    properties: { status: { const: status } },
    required: ['status'],
  });
  const rules: JsonSchemaObject[] = [
    {
      if: statusIs('passed'),
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here.
      then: {
        description: 'A passed fact has no reason.',
        type: 'object',
        properties: { reason: false },
      },
    },
  ];
  for (const [status, reasons] of Object.entries(FACT_REASONS)) {
    rules.push({
      if: statusIs(status),
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here.
      then: {
        description: `A ${status} fact carries a reason whose code explains a ${status} fact.`,
        type: 'object',
        properties: {
          reason: { type: 'object', properties: { code: { enum: Object.keys(reasons) } } },
        },
        required: ['reason'],
      },
    });
  }
  return rules;
}

/**
 * zod exports a regex's source but drops its flags, so `/^[0-9a-f]+$/i` would reject the
 * upper-case input the zod schema accepts. Rewrites such patterns to match both cases.
 */
function keepCaseInsensitivePatterns(zodSchema: z.core.$ZodType, jsonSchema: JsonSchemaObject) {
  const targets = [jsonSchema, ...(Array.isArray(jsonSchema.allOf) ? jsonSchema.allOf : [])];
  for (const check of zodSchema._zod.def.checks ?? []) {
    const pattern: unknown = (check._zod.def as { pattern?: unknown }).pattern;
    if (!(pattern instanceof RegExp) || !pattern.flags.includes('i')) continue;
    for (const target of targets as JsonSchemaObject[]) {
      if (target.pattern === pattern.source)
        target.pattern = caseInsensitivePattern(pattern.source);
    }
  }
}

const lowerLetters = { first: 'a'.charCodeAt(0), last: 'z'.charCodeAt(0) };
const upperLetters = { first: 'A'.charCodeAt(0), last: 'Z'.charCodeAt(0) };
const caseDistance = lowerLetters.first - upperLetters.first;
// Escapes whose following characters are not literals; rewriting them would change meaning.
const unsupportedEscapes = new Set(['x', 'u', 'p', 'P', 'k', 'c']);

/**
 * Rewrites a regular expression source so it matches without the `i` flag what it matched
 * with it, for the constructs evidence patterns use: literals, escapes and character classes.
 *
 * @throws Error on a construct it cannot rewrite safely, so generation fails loudly.
 */
export function caseInsensitivePattern(source: string): string {
  let result = '';
  let index = 0;
  const readAtom = (): string => {
    const character = source[index] ?? '';
    if (character !== '\\') {
      index += 1;
      return character;
    }
    const escaped = source[index + 1] ?? '';
    if (unsupportedEscapes.has(escaped)) {
      throw new Error(`Cannot make /${source}/ case-insensitive: "\\${escaped}" is not supported`);
    }
    index += 2;
    return `\\${escaped}`;
  };
  while (index < source.length) {
    if (source.startsWith('(?<', index) && /[A-Za-z]/.test(source[index + 3] ?? '')) {
      throw new Error(`Cannot make /${source}/ case-insensitive: named groups are not supported`);
    }
    if (source[index] !== '[') {
      const atom = readAtom();
      result += isLetter(atom) ? `[${atom.toLowerCase()}${atom.toUpperCase()}]` : atom;
      continue;
    }
    index += 1;
    let members = source[index] === '^' ? '^' : '';
    index += members.length;
    let additions = '';
    while (index < source.length && source[index] !== ']') {
      const start = readAtom();
      let end = start;
      if (source[index] === '-' && source[index + 1] !== ']') {
        index += 1;
        end = readAtom();
        members += `${start}-${end}`;
      } else {
        members += start;
      }
      if (start.length === 1 && end.length === 1) additions += otherCaseOf(start, end);
    }
    index += 1;
    result += `[${members}${additions}]`;
  }
  return result;
}

function isLetter(atom: string): boolean {
  return /^[A-Za-z]$/.test(atom);
}

/** The other-case counterpart of the letters inside the range `start`-`end`, as class members. */
function otherCaseOf(start: string, end: string): string {
  const first = start.charCodeAt(0);
  const last = end.charCodeAt(0);
  let members = '';
  for (const [letters, shift] of [
    [lowerLetters, -caseDistance],
    [upperLetters, caseDistance],
  ] as const) {
    const from = Math.max(first, letters.first);
    const to = Math.min(last, letters.last);
    if (from > to) continue;
    const shiftedFrom = String.fromCharCode(from + shift);
    const shiftedTo = String.fromCharCode(to + shift);
    members += from === to ? shiftedFrom : `${shiftedFrom}-${shiftedTo}`;
  }
  return members;
}

// JSON Schema keywords in reading order; anything else follows alphabetically.
const keywordOrder = [
  '$schema',
  '$id',
  '$ref',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'properties',
  'required',
  'propertyNames',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  '$defs',
];
const keywordsWithSchema = new Set([
  'additionalProperties',
  'contains',
  'else',
  'if',
  'items',
  'not',
  'propertyNames',
  'then',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
const keywordsWithSchemaList = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const keywordsWithSchemaMap = new Set([
  '$defs',
  'dependentSchemas',
  'patternProperties',
  'properties',
]);

function keywordRank(keyword: string): number {
  const rank = keywordOrder.indexOf(keyword);
  return rank === -1 ? keywordOrder.length : rank;
}

/**
 * Orders keywords the same way whatever order zod emits them in, so regenerating after a zod
 * upgrade only shows real changes. Property and definition maps keep their source order.
 */
function canonicalSchema(schema: unknown): JsonSchemaObject {
  if (typeof schema !== 'object' || schema === null) return schema as JsonSchemaObject;
  const entries = Object.entries(schema).sort(
    ([left], [right]) =>
      keywordRank(left) - keywordRank(right) || (left < right ? -1 : left > right ? 1 : 0),
  );
  const result: JsonSchemaObject = {};
  for (const [keyword, value] of entries) {
    if (keywordsWithSchema.has(keyword)) {
      result[keyword] = canonicalSchema(value);
    } else if (keywordsWithSchemaList.has(keyword) && Array.isArray(value)) {
      result[keyword] = value.map(canonicalSchema);
    } else if (keywordsWithSchemaMap.has(keyword) && typeof value === 'object' && value !== null) {
      result[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, member]) => [name, canonicalSchema(member)]),
      );
    } else {
      result[keyword] = value;
    }
  }
  return result;
}
