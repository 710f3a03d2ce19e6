import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPackage } from '../pack-package';
import {
  expectedPublishingFields,
  findPublishedPackages,
  manifestProblems,
  readmeProblems,
  repositoryUrl,
  root,
  tarballProblems,
  versionGroupProblems,
} from '../package-policy';
import { readTarball, type TarballFile } from '../read-tarball';
import { findRelativeLinks } from '../relative-links';

const published = findPublishedPackages();
const rootLicense = readFileSync(path.join(root, 'LICENSE'));

describe('the LICENSE', () => {
  it('is the Apache License 2.0, byte for byte as published by the ASF', () => {
    // SHA-256 of https://www.apache.org/licenses/LICENSE-2.0.txt (the same file as Debian's
    // /usr/share/common-licenses/Apache-2.0): a reflowed or trimmed copy does not match.
    expect(createHash('sha256').update(rootLicense).digest('hex')).toBe(
      'cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30',
    );
  });

  it.each(published.map(({ name, directory }) => [name, directory]))(
    '%s commits an identical copy (the one in its tarball)',
    (_name, directory) => {
      expect(readFileSync(path.join(directory, 'LICENSE')).equals(rootLicense)).toBe(true);
    },
  );
});

describe('relative links in a README', () => {
  const relative: [string, string][] = [
    ['an inline link to a doc', 'See [the CLI](docs/cli.md).'],
    ['a link up the tree', 'See [the CLI](../../docs/cli.md) for flags.'],
    ['a dot-relative image', '![logo](./logo.png)'],
    ['an absolute path on the host', '[guide](/docs/guide.md)'],
    ['an angle-bracket target', '[guide](<docs/a guide.md>)'],
    ['a link with a title', '[guide](docs/guide.md "The guide")'],
    ['a reference definition', '[guide]: docs/guide.md'],
    ['an HTML anchor', '<a href="docs/guide.md">guide</a>'],
    ['an HTML image', "<img src='assets/logo.svg' alt=''>"],
    ['an empty target', '[nothing]()'],
  ];
  it.each(relative)('finds %s', (_name, markdown) => {
    expect(findRelativeLinks(markdown)).toHaveLength(1);
    expect(readmeProblems(markdown)[0]).toMatch(/line 1: relative link .* breaks/);
  });

  const absolute: [string, string][] = [
    ['an https link', `[docs](${repositoryUrl}/blob/main/docs/cli.md)`],
    ['an anchor on the page', '[install](#install)'],
    ['a mail link', '[mail](mailto:security@example.com)'],
    ['a link inside a fenced block', '```md\n[the CLI](docs/cli.md)\n```'],
    ['a link inside a tilde fence', '~~~\n<a href="x.md">x</a>\n~~~'],
    ['a link inside inline code', 'Write `[text](docs/x.md)` in Markdown.'],
    ['an https reference definition', '[guide]: https://example.com/guide'],
  ];
  it.each(absolute)('accepts %s', (_name, markdown) => {
    expect(findRelativeLinks(markdown)).toEqual([]);
  });

  it('reports the line of each relative link', () => {
    const markdown = '# Title\n\n[a](https://example.com)\n\n[b](b.md) and [c](c.md)\n';
    expect(findRelativeLinks(markdown)).toEqual([
      { line: 5, target: 'b.md' },
      { line: 5, target: 'c.md' },
    ]);
  });

  it('finds every relative path, whatever its characters', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
    const relativePath = fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((segments) => segments.join('/'))
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
    fc.assert(
      fc.property(relativePath, fc.constantFrom('[x](%)', '![x](%)', '[x]: %'), (target, form) => {
        expect(findRelativeLinks(form.replace('%', target))).toEqual([{ line: 1, target }]);
      }),
    );
  });

  it('takes linear time on pathological input', () => {
    // Nested quantifiers would backtrack on this for far longer than the test's timeout.
    const markdown = `${'[a]('.repeat(20_000)}\n${'<a href="'.repeat(20_000)}\n${'`'.repeat(40_001)}`;
    expect(Array.isArray(findRelativeLinks(markdown))).toBe(true);
  });
});

describe('package.json publishing fields', () => {
  const directory = 'packages/connectors/example';
  const good = { ...expectedPublishingFields(directory), files: ['dist', 'README.md', 'LICENSE'] };
  const broken: [string, Record<string, unknown>, RegExp][] = [
    ['no repository', { ...good, repository: undefined }, /"repository"/],
    [
      'a repository without its directory',
      { ...good, repository: { type: 'git', url: `git+${repositoryUrl}.git` } },
      /"repository"/,
    ],
    [
      'another package’s directory',
      {
        ...good,
        repository: { type: 'git', url: `git+${repositoryUrl}.git`, directory: 'packages/core' },
      },
      /"repository"/,
    ],
    ['no homepage', { ...good, homepage: undefined }, /"homepage"/],
    ['no bugs', { ...good, bugs: undefined }, /"bugs"/],
    ['no publishConfig', { ...good, publishConfig: undefined }, /"publishConfig"/],
    [
      'publishing without provenance',
      { ...good, publishConfig: { access: 'public' } },
      /"publishConfig"/,
    ],
    [
      'restricted access',
      { ...good, publishConfig: { access: 'restricted', provenance: true } },
      /"publishConfig"/,
    ],
    ['another license', { ...good, license: 'MIT' }, /"license"/],
    ['files without LICENSE', { ...good, files: ['dist', 'README.md'] }, /"files".*LICENSE/],
    ['files without README.md', { ...good, files: ['dist', 'LICENSE'] }, /"files".*README/],
  ];

  it('accepts the expected fields', () => {
    expect(manifestProblems(good, directory)).toEqual([]);
  });

  it.each(broken)('names the field when a package has %s', (_name, manifest, field) => {
    const problems = manifestProblems(manifest, directory);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(field);
  });

  it('rejects a manifest that is not an object', () => {
    expect(manifestProblems([], directory)).toEqual(['package.json: expected a JSON object']);
  });

  it.each(published.map((entry) => [entry.name, entry]))(
    '%s declares them in its package.json',
    (_name, { manifest, relativeDirectory }) => {
      expect(manifestProblems(manifest, relativeDirectory)).toEqual([]);
    },
  );
});

describe('the changesets version group', () => {
  const names = published.map(({ name }) => name);
  it('holds every published package, and only those', () => {
    const config: unknown = JSON.parse(
      readFileSync(path.join(root, '.changeset', 'config.json'), 'utf8'),
    );
    expect(versionGroupProblems(config, names)).toEqual([]);
  });

  it('names a package left out of it, or one that is not published', () => {
    expect(versionGroupProblems({ fixed: [names.slice(1)] }, names)).toEqual([
      `.changeset/config.json "fixed": ${names[0]} is missing from the group`,
    ]);
    expect(versionGroupProblems({ fixed: [[...names, '@evidencekit/bench']] }, names)).toEqual([
      '.changeset/config.json "fixed": @evidencekit/bench is not a published package',
    ]);
    expect(versionGroupProblems({ fixed: [] }, names)).toHaveLength(1);
  });
});

describe('the packed tarballs', () => {
  let workDirectory: string;
  const tarballs = new Map<string, TarballFile[]>();

  beforeAll(() => {
    // Packing needs no build: the entries checked here (LICENSE, README, package.json) are
    // not built, and `pnpm pack` reads the same `files` list `pnpm publish` does.
    workDirectory = mkdtempSync(path.join(tmpdir(), 'evidencekit-pack-test-'));
    for (const { name, directory } of published) {
      const destination = mkdtempSync(path.join(workDirectory, 'pack-'));
      tarballs.set(name, readTarball(readFileSync(packPackage(directory, destination))));
    }
  }, 120_000);

  afterAll(() => {
    if (workDirectory !== undefined) rmSync(workDirectory, { recursive: true, force: true });
  });

  it('covers every published package', () => {
    expect([...tarballs.keys()]).toEqual(published.map(({ name }) => name));
    expect(published.length).toBeGreaterThanOrEqual(8);
  });

  it.each(published.map((entry) => [entry.name, entry]))(
    '%s has LICENSE, README.md and package.json, its metadata, and no relative links',
    (name, { relativeDirectory }) => {
      const files = tarballs.get(name) ?? [];
      const paths = files.map((file) => file.path);
      expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
      expect(tarballProblems(files, { relativeDirectory, license: rootLicense })).toEqual([]);
    },
  );

  it('reports a missing file, a drifted LICENSE and a relative link', () => {
    const [first] = published;
    const files = first === undefined ? [] : (tarballs.get(first.name) ?? []);
    expect(files.length).toBeGreaterThan(0);
    const options = { relativeDirectory: first?.relativeDirectory ?? '', license: rootLicense };
    const without = (name: string) => files.filter((file) => file.path !== name);
    const replaced = (name: string, contents: string) => [
      ...without(name),
      { path: name, contents: Buffer.from(contents) },
    ];
    expect(tarballProblems(without('LICENSE'), options)).toEqual(['tarball: LICENSE is missing']);
    expect(tarballProblems(without('README.md'), options)).toEqual([
      'tarball: README.md is missing',
    ]);
    expect(tarballProblems(replaced('LICENSE', 'MIT License'), options)).toEqual([
      'tarball: LICENSE differs from the repository root LICENSE; copy it again',
    ]);
    expect(tarballProblems(replaced('README.md', '[a](docs/a.md)'), options)).toHaveLength(1);
    expect(tarballProblems(replaced('package.json', '{}'), options).length).toBeGreaterThan(0);
  });
});
