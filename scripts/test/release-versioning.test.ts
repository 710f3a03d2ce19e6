import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPublishedPackages, root } from '../package-policy';

// Runs the real `changeset version` with the repository's .changeset/config.json on a temporary
// copy of the workspace's manifests, and checks what a user of each package would get.

const published = findPublishedPackages();
const publishedNames = published.map(({ name }) => name);
const changesetBin = path.join(root, 'node_modules', '@changesets', 'cli', 'bin.js');

type Manifest = {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** `version` satisfies `^base` (plain x.y.z versions, as all of ours are). */
function withinCaret(version: string, base: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  const [baseMajor, baseMinor, basePatch] = base.split('.').map(Number) as [number, number, number];
  const notOlder =
    major !== baseMajor
      ? major > baseMajor
      : minor !== baseMinor
        ? minor > baseMinor
        : patch >= basePatch;
  if (!notOlder) return false;
  if (baseMajor > 0) return major === baseMajor;
  if (baseMinor > 0) return major === 0 && minor === baseMinor;
  return major === 0 && minor === 0 && patch === basePatch;
}

/** Every workspace folder from pnpm-workspace.yaml's `packages` globs (`dir/*` or `dir`). */
function workspaceFolders(): string[] {
  const yaml = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...yaml.matchAll(/^\s+-\s+(\S+)\s*$/gm)].map((match) => match[1] ?? '');
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    return readdirSync(path.join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
}

const copies: string[] = [];
afterEach(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

/**
 * A copy of the workspace's manifests and changeset config, with every published package at
 * `version` and only the given changesets pending (the real ones when `changesets` is omitted).
 */
function workspaceCopy(version: string, changesets?: Record<string, string>): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'evidencekit-release-'));
  copies.push(copy);
  for (const file of ['package.json', 'pnpm-workspace.yaml']) {
    copyFileSync(path.join(root, file), path.join(copy, file));
  }
  for (const folder of workspaceFolders()) {
    const source = path.join(root, folder, 'package.json');
    if (!existsSync(source)) continue;
    const manifest = JSON.parse(readFileSync(source, 'utf8')) as Manifest;
    if (publishedNames.includes(manifest.name)) manifest.version = version;
    mkdirSync(path.join(copy, folder), { recursive: true });
    writeFileSync(path.join(copy, folder, 'package.json'), JSON.stringify(manifest, null, 2));
  }
  const changesetFolder = path.join(copy, '.changeset');
  mkdirSync(changesetFolder);
  copyFileSync(
    path.join(root, '.changeset', 'config.json'),
    path.join(changesetFolder, 'config.json'),
  );
  if (changesets === undefined) {
    for (const file of readdirSync(path.join(root, '.changeset'))) {
      if (file.endsWith('.md') && file !== 'README.md') {
        copyFileSync(path.join(root, '.changeset', file), path.join(changesetFolder, file));
      }
    }
  } else {
    for (const [name, content] of Object.entries(changesets)) {
      writeFileSync(path.join(changesetFolder, `${name}.md`), content);
    }
  }
  // The changelog generator named in the config resolves from the workspace's node_modules.
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Runs `changeset version` in the copy and returns the published packages' manifests after it. */
function versionCopy(copy: string): Map<string, Manifest> {
  const result = spawnSync(process.execPath, [changesetBin, 'version'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  });
  expect(result.status, `changeset version failed:\n${result.stderr}${result.stdout}`).toBe(0);
  return new Map(
    published.map(({ name, relativeDirectory }) => [
      name,
      JSON.parse(
        readFileSync(path.join(copy, relativeDirectory, 'package.json'), 'utf8'),
      ) as Manifest,
    ]),
  );
}

function changeset(releases: Record<string, 'patch' | 'minor' | 'major'>): string {
  const lines = Object.entries(releases).map(([name, type]) => `"${name}": ${type}`);
  return `---\n${lines.join('\n')}\n---\n\nA synthetic change.\n`;
}

/**
 * For every published package P and every workspace package D it depends on or peers on with
 * a `workspace:^` / `workspace:~` range: when D's new version leaves the range P was published
 * with, P's new version must leave the caret range its users installed it with, so nobody gets
 * the new requirement through an in-range upgrade.
 */
function rangeBreaksHiddenInRange(
  before: string,
  after: Map<string, Manifest>,
): { dependent: string; dependency: string; dependentVersion: string }[] {
  const problems: { dependent: string; dependency: string; dependentVersion: string }[] = [];
  for (const [name, manifest] of after) {
    const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
    for (const [dependency, range] of Object.entries(ranges)) {
      const next = after.get(dependency)?.version;
      if (next === undefined || !/^workspace:[\^~]$/.test(range)) continue;
      const publishedRangeMoved = !withinCaret(next, before);
      if (publishedRangeMoved && withinCaret(manifest.version, before)) {
        problems.push({ dependent: name, dependency, dependentVersion: manifest.version });
      }
    }
  }
  return problems;
}

describe('release versioning (changesets, .changeset/config.json)', () => {
  it('the helper reads caret ranges as npm does for 0.x and 1.x', () => {
    expect(
      [
        ['0.2.1', '0.2.0'],
        ['0.3.0', '0.2.0'],
        ['1.0.0', '0.2.0'],
        ['0.0.2', '0.0.1'],
        ['1.4.0', '1.2.0'],
        ['2.0.0', '1.2.0'],
        ['0.1.9', '0.2.0'],
      ].map(([version, base]) => withinCaret(version ?? '', base ?? '')),
    ).toEqual([true, false, false, false, true, false, false]);
  });

  const scenarios: { name: string; releases: Record<string, 'patch' | 'minor' | 'major'> }[] = [
    { name: 'a core-only minor', releases: { '@evidencekit/core': 'minor' } },
    { name: 'a core-only major', releases: { '@evidencekit/core': 'major' } },
    { name: 'a core-only patch', releases: { '@evidencekit/core': 'patch' } },
    { name: 'a testing-only minor', releases: { '@evidencekit/testing': 'minor' } },
    { name: 'a connector-only minor', releases: { '@evidencekit/prometheus': 'minor' } },
  ];

  it.each(scenarios)(
    'after $name from 0.2.0, no dependent hides a moved range in a patch',
    ({ releases }) => {
      const after = versionCopy(workspaceCopy('0.2.0', { synthetic: changeset(releases) }));
      expect(rangeBreaksHiddenInRange('0.2.0', after)).toEqual([]);
      // One fixed group: every published package is released at the same version.
      expect(new Set([...after.values()].map(({ version }) => version)).size).toBe(1);
    },
  );

  it('a core-only minor moves the connectors to the same minor as their peer range', () => {
    const after = versionCopy(
      workspaceCopy('0.2.0', { synthetic: changeset({ '@evidencekit/core': 'minor' }) }),
    );
    const connectors = published.filter(({ relativeDirectory }) =>
      relativeDirectory.startsWith('packages/connectors/'),
    );
    expect(connectors.length).toBeGreaterThan(0);
    for (const { name } of connectors) {
      expect(after.get(name)?.peerDependencies?.['@evidencekit/core']).toBe('workspace:^');
      expect({ name, version: after.get(name)?.version }).toEqual({ name, version: '0.3.0' });
    }
  });

  it('the pending changesets release every package at one version, the first at 0.1.0', () => {
    const current = new Set(published.map(({ manifest }) => manifest.version));
    expect([...current], 'published packages share one version (the fixed group)').toHaveLength(1);
    const [version] = current as Set<string>;
    const after = versionCopy(workspaceCopy(String(version)));
    const next = new Set([...after.values()].map((manifest) => manifest.version));
    expect(next.size).toBe(1);
    // Nothing is published yet (0.0.0, see docs/releasing.md): the first version is chosen,
    // not whatever the pending changesets add up to from a placeholder.
    if (version === '0.0.0') expect([...next]).toEqual(['0.1.0']);
  });
});
