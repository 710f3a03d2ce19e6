import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSupportedConnector } from '../contract/supported-specification-versions';
import type { AnyConnectorV1, DetectionV1 } from '../contract/v1/connector-v1';
import { compareCodeUnits } from '../evidence/compare-code-units';

/** Options of `detectConnectors`. */
export interface DetectConnectorsOptions {
  /** The connectors to ask; those without `doDetect` are skipped. */
  connectors: readonly AnyConnectorV1[];
  /** The repository folder to scan. */
  directory: string;
  /** Names (never values) of the environment variables that are set. */
  environmentVariableNames?: readonly string[];
  /** Most files listed before the walk stops. Default 5 000. */
  maxFiles?: number;
  /** Deepest folder level walked below `directory`. Default 8. */
  maxDepth?: number;
  /** Largest file a connector may read, in bytes. Default 1 MiB. */
  maxFileBytes?: number;
  signal?: AbortSignal;
}

/** One connector's suggestion, with the connector it is about. */
export interface ConnectorDetection extends DetectionV1 {
  /** The connector id, e.g. `trivy`. */
  connector: string;
  /** The npm package that ships the connector, when its metadata names one. */
  packageName?: string;
}

/** What `detectConnectors` found. */
export interface DetectConnectorsResult {
  /** Suggestions, most confident first. */
  detections: ConnectorDetection[];
  /** How many files were listed. */
  scannedFiles: number;
  /** The walk stopped at `maxFiles`; some files were not seen. */
  truncated: boolean;
  /** Connectors whose `doDetect` threw, with the error message. */
  failures: Array<{ connector: string; message: string }>;
}

// Folders that are never part of what a repository declares and can hold millions of files.
const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git']);
/**
 * The one file under `.git` a connector may read: it names the remotes (the GitHub
 * repository). Listed only when it is a regular file (not a link) of at most this size.
 */
const GIT_CONFIG_FILE = '.git/config';
const GIT_CONFIG_MAX_BYTES = 64 * 1024;

/**
 * Recognizes providers in a repository folder and in the names of environment variables, by
 * asking every connector's `doDetect`. The folder is walked once, breadth first, skipping
 * `node_modules` and `.git` (except `.git/config`, which names the remotes, when it is a
 * regular file of at most 64 KiB), following no symbolic links and stopping at `maxFiles`; files are
 * read only on a connector's request, only inside the folder and only up to `maxFileBytes`.
 * Environment variable values are never read. One connector's failure is reported in
 * `failures` and does not stop the others.
 *
 * @example
 * ```ts
 * const { detections } = await detectConnectors({
 *   connectors: [trivyConnector, prometheusConnector],
 *   directory: process.cwd(),
 *   environmentVariableNames: Object.keys(process.env),
 * });
 * ```
 */
export async function detectConnectors(
  options: DetectConnectorsOptions,
): Promise<DetectConnectorsResult> {
  const root = path.resolve(options.directory);
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
  const { files, truncated } = await listFiles(root, {
    maxFiles: options.maxFiles ?? 5_000,
    maxDepth: options.maxDepth ?? 8,
    signal: options.signal,
  });
  if (
    !files.includes(GIT_CONFIG_FILE) &&
    (await isSmallRegularFile(path.join(root, '.git', 'config')))
  ) {
    files.push(GIT_CONFIG_FILE);
  }
  const fileSet = new Set(files);
  const readRepositoryFile = async (relativePath: string): Promise<string | undefined> => {
    // Only files the walk listed: no `..`, no absolute paths, nothing under skipped folders.
    if (!fileSet.has(relativePath)) return undefined;
    const absolutePath = path.join(root, ...relativePath.split('/'));
    const limit =
      relativePath === GIT_CONFIG_FILE
        ? Math.min(maxFileBytes, GIT_CONFIG_MAX_BYTES)
        : maxFileBytes;
    try {
      const info = await lstat(absolutePath);
      if (!info.isFile() || info.size > limit) return undefined;
      return await readFile(absolutePath, 'utf8');
    } catch {
      return undefined;
    }
  };
  const environmentVariableNames = [...(options.environmentVariableNames ?? [])].sort();

  const detections: ConnectorDetection[] = [];
  const failures: DetectConnectorsResult['failures'] = [];
  for (const candidate of options.connectors) {
    const connector = assertSupportedConnector(candidate);
    if (connector.doDetect === undefined) continue;
    options.signal?.throwIfAborted();
    try {
      const detection = await connector.doDetect({
        files,
        readFile: readRepositoryFile,
        environmentVariableNames,
      });
      if (detection === undefined) continue;
      const packageName = connector.metadata.package?.name;
      detections.push({
        ...detection,
        confidence: Math.min(1, Math.max(0, detection.confidence)),
        connector: connector.metadata.id,
        ...(packageName === undefined ? {} : { packageName }),
      });
    } catch (error) {
      failures.push({
        connector: connector.metadata.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  detections.sort(
    (left, right) =>
      right.confidence - left.confidence || compareCodeUnits(left.connector, right.connector),
  );
  return { detections, scannedFiles: files.length, truncated, failures };
}

async function listFiles(
  root: string,
  limits: { maxFiles: number; maxDepth: number; signal: AbortSignal | undefined },
): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  let level: string[] = [''];
  for (let depth = 0; depth <= limits.maxDepth && level.length > 0; depth += 1) {
    const nextLevel: string[] = [];
    for (const relativeFolder of level) {
      limits.signal?.throwIfAborted();
      let entries: Dirent[];
      try {
        entries = await readdir(path.join(root, relativeFolder), { withFileTypes: true });
      } catch {
        continue;
      }
      // Code-unit order: which files a truncated walk lists must not depend on the locale.
      entries.sort((left, right) => compareCodeUnits(left.name, right.name));
      for (const entry of entries) {
        const relativePath = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!skippedFolders.has(entry.name)) nextLevel.push(relativePath);
        } else if (entry.isFile()) {
          if (files.length >= limits.maxFiles) return { files, truncated: true };
          files.push(relativePath);
        }
      }
    }
    level = nextLevel;
  }
  return { files, truncated: false };
}

async function isSmallRegularFile(absolutePath: string): Promise<boolean> {
  try {
    const info = await lstat(absolutePath);
    return info.isFile() && info.size <= GIT_CONFIG_MAX_BYTES;
  } catch {
    return false;
  }
}
