import { ThresholdSyntaxError } from '../errors/threshold-syntax-error';
import { isMeasurementUnit } from '../evidence/measurement-unit';
import { parseThreshold } from '../threshold/parse-threshold';

/** Largest catalog `factsFor` may return; real catalogs have a handful of facts. */
export const MAX_CATALOG_FACTS = 1000;

/** At most this many problems are listed: one broken catalog should not make a huge message. */
const maxProblems = 10;

const factNamePattern = /^[a-z][a-z0-9_]*$/;
const maxNameLength = 128;

/**
 * What is wrong with a value offered as a fact catalog (`FactDefinitionV1[]`), or an empty
 * list when it is a valid one: a list of 1–1000 definitions with unique snake_case names, a
 * description and an action, a known unit, a default threshold that parses and fits the unit
 * (a word threshold for a `word` fact, a numeric one otherwise), and a valid `whenEmpty` and
 * `range`. The work is bounded by the size cap, checked first.
 */
export function describeFactCatalogProblems(catalog: unknown): string[] {
  if (!Array.isArray(catalog))
    return [`expected a list of fact definitions, got ${kindOf(catalog)}`];
  if (catalog.length === 0) return ['the catalog is empty; a record without facts proves nothing'];
  if (catalog.length > MAX_CATALOG_FACTS) {
    return [`${catalog.length} facts, more than the ${MAX_CATALOG_FACTS} a catalog may have`];
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, definition] of catalog.entries()) {
    if (problems.length >= maxProblems) break;
    const at = `facts[${index}]`;
    if (typeof definition !== 'object' || definition === null) {
      problems.push(`${at}: expected a fact definition, got ${kindOf(definition)}`);
      continue;
    }
    const fact = definition as Record<string, unknown>;
    const { name } = fact;
    if (typeof name !== 'string' || name.length > maxNameLength || !factNamePattern.test(name)) {
      problems.push(`${at}.name: expected a snake_case fact name, got ${describe(name)}`);
    } else if (seen.has(name)) {
      problems.push(`${at}.name: "${name}" appears twice`);
    } else {
      seen.add(name);
    }
    for (const field of ['description', 'defaultAction'] as const) {
      const text = fact[field];
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${at}.${field}: expected a non-empty string`);
      }
    }
    const { unit } = fact;
    const unitKnown = unit === 'word' || (typeof unit === 'string' && isMeasurementUnit(unit));
    if (!unitKnown) problems.push(`${at}.unit: expected a measurement unit or "word"`);
    problems.push(...thresholdProblems(at, fact.defaultThreshold, unitKnown ? unit : undefined));
    problems.push(...whenEmptyProblems(at, fact.whenEmpty));
    problems.push(...rangeProblems(at, fact.range, unit));
  }
  return problems.slice(0, maxProblems);
}

function thresholdProblems(at: string, threshold: unknown, unit: unknown): string[] {
  if (typeof threshold !== 'string') {
    return [`${at}.defaultThreshold: expected a threshold text, got ${describe(threshold)}`];
  }
  let type: string;
  try {
    type = parseThreshold(threshold).type;
  } catch (error) {
    if (!ThresholdSyntaxError.isInstance(error)) throw error;
    return [`${at}.defaultThreshold: ${error.message}`];
  }
  if (unit === undefined) return [];
  const numeric = type === 'comparison';
  if (unit === 'word' && numeric) {
    return [`${at}.defaultThreshold: a "word" fact needs a word threshold ("== passed")`];
  }
  if (unit !== 'word' && !numeric) {
    return [`${at}.defaultThreshold: a fact measured in ${String(unit)} needs a numeric threshold`];
  }
  return [];
}

function whenEmptyProblems(at: string, whenEmpty: unknown): string[] {
  if (whenEmpty === undefined) return [];
  const rule = whenEmpty as { status?: unknown; value?: unknown } | null;
  if (typeof rule === 'object' && rule !== null) {
    if (rule.status === 'unavailable') return [];
    if ((rule.status === 'passed' || rule.status === 'failed') && typeof rule.value === 'string') {
      return [];
    }
  }
  return [
    `${at}.whenEmpty: expected { status: "unavailable" } or { status: "passed" | "failed", value }`,
  ];
}

function rangeProblems(at: string, range: unknown, unit: unknown): string[] {
  if (range === undefined) return [];
  if (typeof range !== 'object' || range === null) {
    return [`${at}.range: expected { min?, max?, integer? }`];
  }
  if (unit === 'word') return [`${at}.range: a "word" fact cannot declare a range`];
  const { min, max, integer } = range as Record<string, unknown>;
  const problems: string[] = [];
  for (const [bound, value] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) {
      problems.push(`${at}.range.${bound}: expected a finite number`);
    }
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    problems.push(`${at}.range: min is above max`);
  }
  if (integer !== undefined && typeof integer !== 'boolean') {
    problems.push(`${at}.range.integer: expected true or false`);
  }
  return problems;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : typeof value;
}

// Names only, bounded: a catalog is connector output, never a secret, but may be huge.
function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : kindOf(value);
}
