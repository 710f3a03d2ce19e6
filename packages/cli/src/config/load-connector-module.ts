import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AnyConnectorV1, ConfigurationError } from '@evidencekit/core';

/**
 * Loads the connector a `use` field names: a package (resolved from the configuration's
 * folder first, so the project's installed version wins, then from the CLI's own install) or
 * a module path relative to the configuration file. The connector is the module's default
 * export or its first export that looks like a connector (`specificationVersion`, `metadata`,
 * `doCollect`).
 *
 * @param use - The `use` field.
 * @param options - `baseDirectory`: the configuration file's folder; `fieldPath`: where `use`
 *   is, for errors (e.g. `connectors.prometheus.use`).
 * @throws ConfigurationError naming `fieldPath` and the install command when it cannot load.
 */
export async function loadConnectorModule(
  use: string,
  options: { baseDirectory: string; fieldPath: string },
): Promise<AnyConnectorV1> {
  let loaded: Record<string, unknown>;
  try {
    loaded = isModulePath(use)
      ? await importModulePath(use, options.baseDirectory)
      : await importPackage(use, options.baseDirectory);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigurationError({
      message: isModulePath(use)
        ? `Invalid configuration at ${options.fieldPath}: the connector module "${use}" could not be loaded (${detail}).`
        : `Invalid configuration at ${options.fieldPath}: the connector package "${use}" could not be loaded (${detail}). Install it next to your configuration: npm install ${use}`,
      issues: [
        {
          path: options.fieldPath,
          expected: isModulePath(use)
            ? 'a connector module that exists and loads'
            : `an installed connector package (npm install ${use})`,
          received: `"${use}"`,
        },
      ],
      cause: error,
    });
  }
  const connector = findConnectorExport(loaded);
  if (connector === undefined) {
    throw new ConfigurationError({
      issues: [
        {
          path: options.fieldPath,
          expected: 'a module that exports an Evidencekit connector (made with defineConnector)',
          received: `"${use}", which exports none`,
        },
      ],
    });
  }
  return connector;
}

function isModulePath(use: string): boolean {
  return (
    use.startsWith('./') || use.startsWith('../') || path.isAbsolute(use) || use.startsWith('file:')
  );
}

async function importModulePath(
  use: string,
  baseDirectory: string,
): Promise<Record<string, unknown>> {
  const url = use.startsWith('file:') ? use : pathToFileURL(path.resolve(baseDirectory, use)).href;
  return (await import(url)) as Record<string, unknown>;
}

async function importPackage(
  name: string,
  baseDirectory: string,
): Promise<Record<string, unknown>> {
  const entry = await resolvePackageEntry(name, baseDirectory);
  if (entry !== undefined)
    return (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  return (await import(name)) as Record<string, unknown>;
}

/** The ESM entry of a package installed under `baseDirectory`, or undefined when it is not. */
async function resolvePackageEntry(
  name: string,
  baseDirectory: string,
): Promise<string | undefined> {
  const require = createRequire(path.join(baseDirectory, 'evidencekit.config.js'));
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch {
    try {
      // Packages that do not export ./package.json: the CommonJS entry is still usable.
      return require.resolve(name);
    } catch {
      return undefined;
    }
  }
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as PackageManifest;
  const relativeEntry = esmEntryOf(manifest);
  return relativeEntry === undefined
    ? require.resolve(name)
    : path.join(path.dirname(manifestPath), relativeEntry);
}

interface PackageManifest {
  exports?: unknown;
  module?: string;
  main?: string;
}

function esmEntryOf(manifest: PackageManifest): string | undefined {
  const rootExport =
    typeof manifest.exports === 'object' && manifest.exports !== null && '.' in manifest.exports
      ? (manifest.exports as Record<string, unknown>)['.']
      : manifest.exports;
  const fromExports = pickCondition(rootExport, ['import', 'node', 'default']);
  return fromExports ?? manifest.module ?? manifest.main;
}

function pickCondition(value: unknown, conditions: readonly string[]): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  for (const condition of conditions) {
    if (condition in record) {
      const picked = pickCondition(record[condition], ['default', ...conditions]);
      if (picked !== undefined) return picked;
    }
  }
  return undefined;
}

function findConnectorExport(loaded: Record<string, unknown>): AnyConnectorV1 | undefined {
  if (isConnector(loaded.default)) return loaded.default;
  return Object.values(loaded).find(isConnector);
}

function isConnector(value: unknown): value is AnyConnectorV1 {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.specificationVersion === 'string' &&
    typeof candidate.metadata === 'object' &&
    candidate.metadata !== null &&
    typeof candidate.doCollect === 'function'
  );
}
