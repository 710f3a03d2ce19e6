// The rules every published @evidencekit package follows, checked by scripts/check-packages.mjs
// on the packed tarball and by scripts/test/package-policy.test.ts in `npm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { TarballFile } from './read-tarball.ts';
import { findRelativeLinks } from './relative-links.ts';

/** The one place the repository's address is written; READMEs and manifests link to it. */
export const repositoryUrl = 'https://github.com/evidencekit/evidencekit';
/** The branch READMEs link to (docs on `main` describe the latest release line). */
export const defaultBranch = 'main';
export const license = 'Apache-2.0';
/** Files every tarball carries besides the build: what the registry page and users read. */
export const requiredTarballFiles = ['package.json', 'README.md', 'LICENSE'] as const;

export const root = path.resolve(import.meta.dirname, '..');
const packageParents = ['packages', path.join('packages', 'connectors')];

/** A workspace package that is published (not `private`). */
export interface PublishedPackage {
  name: string;
  /** Absolute path. */
  directory: string;
  /** Relative to the repository root, with `/` separators: `packages/connectors/trivy`. */
  relativeDirectory: string;
  manifest: Record<string, unknown>;
}

/** Every non-private package directly under packages/ and packages/connectors/, by name. */
export function findPublishedPackages(repositoryRoot: string = root): PublishedPackage[] {
  const found: PublishedPackage[] = [];
  for (const parent of packageParents) {
    const parentDirectory = path.join(repositoryRoot, parent);
    if (!existsSync(parentDirectory)) continue;
    for (const entry of readdirSync(parentDirectory, { withFileTypes: true })) {
      const directory = path.join(parentDirectory, entry.name);
      const manifestPath = path.join(directory, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      if (manifest.private === true) continue;
      found.push({
        name: typeof manifest.name === 'string' ? manifest.name : entry.name,
        directory,
        relativeDirectory: path.relative(repositoryRoot, directory).split(path.sep).join('/'),
        manifest,
      });
    }
  }
  return found.sort((left, right) => left.name.localeCompare(right.name));
}

/** The manifest fields that tell the registry where a package comes from and how to publish it. */
export function expectedPublishingFields(relativeDirectory: string): Record<string, unknown> {
  return {
    license,
    repository: { type: 'git', url: `git+${repositoryUrl}.git`, directory: relativeDirectory },
    homepage: `${repositoryUrl}/tree/${defaultBranch}/${relativeDirectory}#readme`,
    bugs: { url: `${repositoryUrl}/issues` },
    publishConfig: { access: 'public', provenance: true },
  };
}

/** What is wrong with a published package's manifest, one sentence per field. */
export function manifestProblems(manifest: unknown, relativeDirectory: string): string[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return ['package.json: expected a JSON object'];
  }
  const fields = manifest as Record<string, unknown>;
  const problems: string[] = [];
  for (const [field, expected] of Object.entries(expectedPublishingFields(relativeDirectory))) {
    if (!isDeepStrictEqual(fields[field], expected)) {
      problems.push(
        `package.json "${field}": expected ${JSON.stringify(expected)}, found ${
          fields[field] === undefined ? 'nothing' : JSON.stringify(fields[field])
        }`,
      );
    }
  }
  const files = fields.files;
  if (Array.isArray(files)) {
    for (const required of requiredTarballFiles) {
      if (required !== 'package.json' && !files.includes(required)) {
        problems.push(`package.json "files": expected it to list "${required}"`);
      }
    }
  }
  return problems;
}

/** Relative links in a README, as problems: they break on the registry page. */
export function readmeProblems(markdown: string): string[] {
  return findRelativeLinks(markdown).map(
    ({ line, target }) =>
      `README.md line ${line}: relative link "${target}" breaks on the registry page; link to ${repositoryUrl}/blob/${defaultBranch}/… instead`,
  );
}

/**
 * What is wrong with a packed package: the required files, the packed manifest's fields, the
 * README's links, and the LICENSE being the repository's own (so a copy cannot drift).
 */
export function tarballProblems(
  files: readonly TarballFile[],
  options: { relativeDirectory: string; license: Buffer },
): string[] {
  const byPath = new Map(files.map((file) => [file.path, file.contents]));
  const problems: string[] = [];
  for (const required of requiredTarballFiles) {
    if (!byPath.has(required)) problems.push(`tarball: ${required} is missing`);
  }
  const manifestBytes = byPath.get('package.json');
  if (manifestBytes !== undefined) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(manifestBytes.toString('utf8'));
    } catch (error) {
      problems.push(`tarball: package.json is not JSON (${(error as Error).message})`);
    }
    if (manifest !== undefined) {
      problems.push(...manifestProblems(manifest, options.relativeDirectory));
    }
  }
  const readme = byPath.get('README.md');
  if (readme !== undefined) problems.push(...readmeProblems(readme.toString('utf8')));
  const packedLicense = byPath.get('LICENSE');
  if (packedLicense !== undefined && !packedLicense.equals(options.license)) {
    problems.push('tarball: LICENSE differs from the repository root LICENSE; copy it again');
  }
  return problems;
}

/**
 * Whether changesets releases every published package together: one `fixed` group holding
 * exactly the published packages (see docs/releasing.md for why).
 */
export function versionGroupProblems(
  changesetConfig: unknown,
  publishedNames: readonly string[],
): string[] {
  const fixed = (changesetConfig as { fixed?: unknown } | null)?.fixed;
  if (!Array.isArray(fixed) || fixed.length !== 1 || !Array.isArray(fixed[0])) {
    return ['.changeset/config.json "fixed": expected one group with every published package'];
  }
  const group = new Set<unknown>(fixed[0]);
  const problems: string[] = [];
  for (const name of publishedNames) {
    if (!group.has(name)) {
      problems.push(`.changeset/config.json "fixed": ${name} is missing from the group`);
    }
  }
  for (const name of group) {
    if (!publishedNames.includes(String(name))) {
      problems.push(`.changeset/config.json "fixed": ${String(name)} is not a published package`);
    }
  }
  return problems;
}
