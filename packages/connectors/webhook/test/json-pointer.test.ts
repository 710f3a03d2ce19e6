import { describe, expect, it } from 'vitest';
import { evaluateJsonPointer, isJsonPointer, parseJsonPointer } from '../src/json-pointer';

// The example document and results of RFC 6901, section 5.
const rfcDocument = {
  foo: ['bar', 'baz'],
  '': 0,
  'a/b': 1,
  'c%d': 2,
  'e^f': 3,
  'g|h': 4,
  'i\\j': 5,
  'k"l': 6,
  ' ': 7,
  'm~n': 8,
};

describe('JSON Pointer (RFC 6901)', () => {
  it.each<[string, unknown]>([
    ['', rfcDocument],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ])('evaluates the RFC example %j', (pointer, expected) => {
    expect(evaluateJsonPointer(rfcDocument, pointer)).toEqual(expected);
  });

  it.each([
    ['/foo/2', 'an index past the end'],
    ['/foo/-', 'the "-" past-the-end token'],
    ['/foo/01', 'an index with a leading zero'],
    ['/foo/bar', 'a member name on an array'],
    ['/missing', 'a missing member'],
    ['/foo/0/x', 'a step into a string'],
    ['/constructor', 'an inherited property'],
    ['/__proto__', 'the prototype'],
  ])('finds nothing at %s (%s)', (pointer) => {
    expect(evaluateJsonPointer(rfcDocument, pointer)).toBeUndefined();
  });

  it('unescapes ~1 before ~0, so ~01 means "~1"', () => {
    expect(parseJsonPointer('/~01')).toEqual(['~1']);
    expect(evaluateJsonPointer({ '~1': 'tilde-one', '/': 'slash' }, '/~01')).toBe('tilde-one');
  });

  it.each(['foo', 'foo/bar', '/a~2b', '/a~', '#/foo'])(
    'rejects the malformed pointer %j',
    (pointer) => {
      expect(isJsonPointer(pointer)).toBe(false);
      expect(evaluateJsonPointer(rfcDocument, pointer)).toBeUndefined();
    },
  );
});
