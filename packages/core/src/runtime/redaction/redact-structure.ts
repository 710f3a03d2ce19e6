import { SecretValue } from '../secrets/secret-value';
import { REDACTED as MASK } from './redacted-mask';
import { classifyName, isSensitiveNamedValue } from './sensitive-names';

/** Values nested deeper than this are replaced by the mask. */
const MAXIMUM_DEPTH = 256;

/** The text operations a structure walk applies to its leaves. */
export interface LeafRedaction {
  redactText(text: string): string;
  redactUrl(url: URL): string;
}

// Marks an object whose walk has started and not finished: meeting it again is a cycle.
const IN_PROGRESS: unique symbol = Symbol('in progress');

interface Walk {
  leaves: LeafRedaction;
  // Finished objects and their results, so that shared and cyclic references stay shared.
  results: Map<object, unknown>;
  // Copies handed out for a cycle back to an object still being walked; created only then.
  cycleCopies: Map<object, Record<string, unknown> | unknown[]> | undefined;
  // Keys repeat across the records of a list: each is redacted and classified once per walk.
  keys: Map<string, KnownKey>;
}

interface KnownKey {
  redacted: string;
  masksValue: (value: unknown) => boolean;
}

const NEVER = () => false;

/**
 * Redacts a JSON-like value, copying only what changes: a plain object or array in which
 * nothing was masked is returned itself, so a record with nothing to hide costs no copy.
 *
 * Errors and other non-plain objects (class instances, maps, buffers) always become plain
 * objects of their own enumerable properties, as before: their prototype could carry `toJSON`
 * or getters the walk never saw. So does a plain object with symbol keys, which inspection
 * would print.
 */
export function redactStructure(value: unknown, leaves: LeafRedaction): unknown {
  return walk(value, { leaves, results: new Map(), cycleCopies: undefined, keys: new Map() }, 0);
}

function walk(value: unknown, state: Walk, depth: number): unknown {
  if (typeof value === 'string') return state.leaves.redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (SecretValue.isInstance(value)) return MASK;
  if (value instanceof URL) return state.leaves.redactUrl(value);
  if (value instanceof Date) return value;
  if (depth >= MAXIMUM_DEPTH) return MASK;
  const known = state.results.get(value);
  if (known === IN_PROGRESS) return cycleCopyOf(value, state);
  if (known !== undefined) return known;
  state.results.set(value, IN_PROGRESS);
  const result = Array.isArray(value)
    ? walkArray(value, state, depth)
    : walkObject(value, state, depth);
  state.results.set(value, result);
  return result;
}

function cycleCopyOf(value: object, state: Walk): Record<string, unknown> | unknown[] {
  state.cycleCopies ??= new Map();
  let copy = state.cycleCopies.get(value);
  if (copy === undefined) {
    copy = Array.isArray(value) ? [] : {};
    state.cycleCopies.set(value, copy);
  }
  return copy;
}

function walkArray(value: readonly unknown[], state: Walk, depth: number): unknown {
  // An array subclass is copied into a plain array, like any non-plain object.
  let copy: unknown[] | undefined =
    Object.getPrototypeOf(value) === Array.prototype ? undefined : [];
  for (let index = 0; index < value.length; index += 1) {
    const item = value[index];
    const redacted = walk(item, state, depth + 1);
    if (copy === undefined && redacted !== item) copy = value.slice(0, index);
    copy?.push(redacted);
  }
  // A cycle reached this array before it was finished: that copy is the result.
  const cycleCopy = state.cycleCopies?.get(value);
  if (cycleCopy !== undefined && Array.isArray(cycleCopy)) {
    cycleCopy.push(...(copy ?? value));
    return cycleCopy;
  }
  return copy ?? value;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    Object.getOwnPropertySymbols(value).length === 0
  );
}

// A key's class depends on the name alone, so one bounded cache serves every walk: redacting
// each finished record would otherwise split and classify the same few dozen keys again.
const fieldNameClasses = new Map<string, ReturnType<typeof classifyName>>();
const maxCachedFieldNames = 4096;

function classifyFieldName(key: string): ReturnType<typeof classifyName> {
  let nameClass = fieldNameClasses.get(key);
  if (nameClass === undefined) {
    nameClass = classifyName(key, 'field');
    if (fieldNameClasses.size < maxCachedFieldNames) fieldNameClasses.set(key, nameClass);
  }
  return nameClass;
}

function keyOf(key: string, state: Walk): KnownKey {
  let known = state.keys.get(key);
  if (known === undefined) {
    known = {
      redacted: state.leaves.redactText(key),
      masksValue:
        classifyFieldName(key) === 'ordinary'
          ? NEVER
          : (value: unknown) => isSensitiveNamedValue(key, value, 'field'),
    };
    if (state.keys.size < 4096) state.keys.set(key, known);
  }
  return known;
}

function walkObject(value: object, state: Walk, depth: number): unknown {
  const source = value as Record<string, unknown>;
  // Non-plain objects are always copied (see redactStructure); plain ones only once changed.
  let copy: Record<string, unknown> | undefined = isPlainObject(value) ? undefined : {};
  if (value instanceof Error && copy !== undefined) {
    // Own properties of an Error skip `name` and often `message`; keep them readable.
    copy.name = value.name;
    copy.message = state.leaves.redactText(value.message);
    if (value.stack !== undefined) copy.stack = state.leaves.redactText(value.stack);
    if (value.cause !== undefined) copy.cause = walk(value.cause, state, depth + 1);
  }
  for (const key of Object.keys(source)) {
    const item = source[key];
    const known = keyOf(key, state);
    const redactedKey = known.redacted;
    const redacted = known.masksValue(item) ? MASK : walk(item, state, depth + 1);
    if (copy === undefined && (redactedKey !== key || redacted !== item)) {
      copy = {};
      // Every key before this one was unchanged: copy it as it is.
      for (const previous of Object.keys(source)) {
        if (previous === key) break;
        copy[previous] = source[previous];
      }
    }
    if (copy !== undefined) copy[redactedKey] = redacted;
  }
  const cycleCopy = state.cycleCopies?.get(value);
  if (cycleCopy !== undefined && !Array.isArray(cycleCopy)) {
    Object.assign(cycleCopy, copy ?? source);
    return cycleCopy;
  }
  return copy ?? value;
}
