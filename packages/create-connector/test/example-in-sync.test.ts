import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readToolVersions, renderConnector } from '../src/index';

// examples/custom-connector is what the scaffold writes for its parameters, with its own
// provider logic: every file the scaffold owns (configs, manifest, entry, test wiring) is
// byte for byte the scaffold's, and every file the scaffold writes exists there. Regenerate
// with `npm create @evidencekit/connector statuspage -- --name "Atlassian Statuspage"
// --category incidents --credential optional --package @acme/evidencekit-statuspage`.

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const example = path.join(repositoryRoot, 'examples', 'custom-connector');
const generated = renderConnector({
  mode: 'standalone',
  versions: readToolVersions(repositoryRoot),
  answers: {
    id: 'statuspage',
    displayName: 'Atlassian Statuspage',
    category: 'incidents',
    maturity: 'native-pull',
    credential: 'optional',
    packageName: '@acme/evidencekit-statuspage',
  },
});

/** Files the scaffold owns outright; the rest is the example's provider logic. */
const OWNED = [
  '.gitignore',
  'tsconfig.json',
  'tsup.config.ts',
  'vitest.config.ts',
  'src/index.ts',
  'src/version.ts',
  'test/conformance.test.ts',
];

describe('examples/custom-connector', () => {
  it.each(OWNED)('has the scaffold’s %s', (file) => {
    const expected = generated.find((item) => item.path === file)?.text;
    expect(expected, `the scaffold writes no ${file}`).toBeDefined();
    expect(readFileSync(path.join(example, file), 'utf8')).toBe(expected);
  });

  it('has the scaffold’s package.json, but private and with its own description', () => {
    const expected = JSON.parse(
      generated.find((item) => item.path === 'package.json')?.text ?? '{}',
    );
    const actual = JSON.parse(readFileSync(path.join(example, 'package.json'), 'utf8'));
    const { private: isPrivate, description, ...rest } = actual;

    expect(isPrivate).toBe(true);
    expect(typeof description).toBe('string');
    expect(rest).toEqual(withoutDescription(expected));
  });

  it('has every file the scaffold writes (the same layout)', () => {
    const missing = generated
      .map((item) => item.path)
      .filter((file) => !existsSync(path.join(example, file)));
    expect(missing).toEqual([]);
  });
});

function withoutDescription(manifest: Record<string, unknown>): Record<string, unknown> {
  const { description: _description, ...rest } = manifest;
  return rest;
}
