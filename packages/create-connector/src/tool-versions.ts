import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The versions a standalone connector is written with: the Evidencekit packages it builds on
 * and the tools that build and test it. They are read from the repository's manifests when
 * this package is built (and by its tests), so they move with every release.
 */
export interface ToolVersions {
  /** `@evidencekit/core`'s version; the range is `^` it. */
  core: string;
  /** `@evidencekit/testing`'s version. */
  testing: string;
  /** The ranges core itself declares or the repository builds with. */
  zod: string;
  tsup: string;
  vitest: string;
  typescript: string;
  typesNode: string;
}

interface Manifest {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') {
    throw new Error(`cannot read ${what} from the repository's manifests`);
  }
  return value;
}

/**
 * Reads the versions from an Evidencekit repository checkout: core's and testing's versions,
 * zod from core's dependencies, the build tools from the root's devDependencies.
 */
export function readToolVersions(repositoryRoot: string): ToolVersions {
  const root = readManifest(path.join(repositoryRoot, 'package.json'));
  const core = readManifest(path.join(repositoryRoot, 'packages', 'core', 'package.json'));
  const testing = readManifest(path.join(repositoryRoot, 'packages', 'testing', 'package.json'));
  const tool = (name: string) => required(root.devDependencies?.[name], `the root's ${name} range`);
  return {
    core: required(core.version, "core's version"),
    testing: required(testing.version, "testing's version"),
    zod: required(core.dependencies?.zod, "core's zod range"),
    tsup: tool('tsup'),
    vitest: tool('vitest'),
    typescript: tool('typescript'),
    typesNode: tool('@types/node'),
  };
}

// Replaced with the versions read at build time (tsup.config.ts, vitest.config.ts).
declare const __EVIDENCEKIT_TOOL_VERSIONS__: ToolVersions | undefined;

/** The versions this build of the package was made with; undefined when run from sources. */
export function bundledToolVersions(): ToolVersions | undefined {
  return typeof __EVIDENCEKIT_TOOL_VERSIONS__ === 'object'
    ? __EVIDENCEKIT_TOOL_VERSIONS__
    : undefined;
}
