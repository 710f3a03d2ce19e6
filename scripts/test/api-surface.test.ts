// The API report must change whenever the public surface does (so no contract change goes
// unnoticed in review) and only then (so reports are not regenerated for a comment). Each case
// is a pair of declaration files for one tiny package, before and after an edit.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printApiSurface } from '../api-surface.ts';

const packageDirectory = path.resolve('/virtual/pkg');
const entryFile = path.join(packageDirectory, 'dist', 'index.d.ts');
const otherPackageFile = path.resolve('/virtual/other/dist/index.d.ts');

function surfaceOf(
  declarations: string,
  otherPackage = 'export interface Shared { id: string }',
): string {
  const files = new Map([
    [entryFile, declarations],
    [otherPackageFile, otherPackage],
    [path.resolve('/virtual/other/package.json'), '{ "name": "@virtual/other" }'],
  ]);
  return printApiSurface({
    packageDirectory,
    entries: [{ subpath: '.', declarationFile: entryFile }],
    host: {
      fileExists: (file) => files.has(path.resolve(file)),
      readFile: (file) => files.get(path.resolve(file)),
      directoryExists: (directory) =>
        [...files.keys()].some((file) => file.startsWith(`${path.resolve(directory)}/`)),
    },
  });
}

// Shaped like a bundled declaration file: declarations, then one export list. `CallOptions` is
// a base interface the exports extend without exporting it (the shape of `CallOptionsV1`).
const base = `
interface CallOptions { signal: AbortSignal; now: () => Date }
/** Options of collect. */
interface CollectOptions extends CallOptions { selector: string }
declare function collect(options: CollectOptions): Promise<number>;
declare const VERSION: string;
declare class Client { request(path: string): Promise<unknown> }
export { Client, type CollectOptions, VERSION, collect };
`;

// The shape of a zod enum schema in a bundled declaration file.
const withEnum = `${base}
interface Schema<Shape, Value> { shape: Shape; value: Value }
declare const STATUS: Schema<{ passed: "passed"; failed: "failed" }, "passed" | "failed" | undefined>;
export { STATUS };
`;

describe('printApiSurface', () => {
  it.each([
    [
      'a member added to an exported interface',
      base.replace('selector: string', 'selector: string; limit?: number'),
    ],
    [
      'a member type changed in a referenced, unexported interface',
      base.replace('now: () => Date', 'now: () => number'),
    ],
    ['a parameter made optional', base.replace('collect(options:', 'collect(options?:')],
    ['a return type changed', base.replace('Promise<number>', 'Promise<string>')],
    ['an export added', `${base}\nexport type Extra = string;`],
    [
      'an unexported declaration exported',
      base.replace('VERSION, collect', 'VERSION, collect, type CallOptions'),
    ],
    ['an export removed', base.replace('VERSION, collect', 'collect')],
    ['a const type changed', base.replace('VERSION: string', 'VERSION: "1.0.0"')],
    [
      'a class method changed',
      base.replace('request(path: string)', 'request(path: string, body?: unknown)'),
    ],
  ])('changes with %s', (_change, after) => {
    expect(surfaceOf(after)).not.toBe(surfaceOf(base));
  });

  it.each([
    [
      'a documentation comment edited',
      base.replace('/** Options of collect. */', '/** What collect takes. */'),
    ],
    ['comments added', base.replace('declare const', '// the version\ndeclare const')],
    ['the formatting changed', base.replace('{ selector: string }', '{\n    selector: string;\n}')],
    ['declarations reordered', base.split('\n').reverse().join('\n')],
  ])('does not change with %s', (_change, after) => {
    expect(surfaceOf(after)).toBe(surfaceOf(base));
  });

  // The checker's type creation order varies between builds of the same sources, and with it
  // the order the declaration emitter writes union members and mapped properties in.
  it.each([
    [
      'union members in another order',
      withEnum.replace('"passed" | "failed" | undefined', 'undefined | "failed" | "passed"'),
    ],
    [
      'properties of an object type in another order',
      withEnum.replace(
        '{ passed: "passed"; failed: "failed" }',
        '{ failed: "failed"; passed: "passed" }',
      ),
    ],
  ])('does not change with %s', (_change, after) => {
    expect(surfaceOf(after)).toBe(surfaceOf(withEnum));
  });

  it('changes when a union gains a member', () => {
    const after = withEnum.replace('"passed" | "failed" |', '"passed" | "failed" | "pending" |');
    expect(surfaceOf(after)).not.toBe(surfaceOf(withEnum));
  });

  it('prints exports in name order with their kinds, then what they reference', () => {
    const surface = surfaceOf(base);
    const headings = surface.split('\n').filter((line) => line.startsWith('// '));
    expect(headings).toEqual([
      '// Client: class',
      '// CollectOptions: interface',
      '// VERSION: const',
      '// collect: function',
      '// Referenced by the exports above, not exported:',
      '// CallOptions: interface',
    ]);
    expect(surface).toContain('interface CallOptions {\n    signal: AbortSignal;');
    expect(surface).toContain(
      'declare function collect(options: CollectOptions): Promise<number>;',
    );
    expect(surface).not.toContain('Options of collect');
  });

  it('names a re-export from another package instead of printing it', () => {
    const surface = surfaceOf(`${base}\nexport type { Shared } from '../../other/dist/index';`);
    expect(surface).toContain('// Shared: re-exported from @virtual/other');
    expect(surface).not.toContain('id: string');
  });

  it('refuses a file that is not a module', () => {
    expect(() => surfaceOf('declare const notAModule: number;')).toThrow(/not a module/);
  });
});
