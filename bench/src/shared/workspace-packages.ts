import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (the bench package sits one level below it). */
export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../../..');

/** A publishable workspace package the benchmarks measure. */
export interface WorkspacePackage {
  name: string;
  directory: string;
}

/** Core and every connector package (what hosts install), in a stable order. */
export function measuredPackages(): WorkspacePackage[] {
  const connectorsDirectory = path.join(REPOSITORY_ROOT, 'packages/connectors');
  const directories = [
    path.join(REPOSITORY_ROOT, 'packages/core'),
    ...readdirSync(connectorsDirectory)
      .sort()
      .map((entry) => path.join(connectorsDirectory, entry)),
  ];
  return directories
    .filter((directory) => existsSync(path.join(directory, 'package.json')))
    .map((directory) => ({
      name: (
        JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name: string }
      ).name,
      directory,
    }));
}

/** Every package the suites import from `dist` (the measured ones and the testing kit). */
export function builtPackages(): WorkspacePackage[] {
  return [
    ...measuredPackages(),
    { name: '@evidencekit/testing', directory: path.join(REPOSITORY_ROOT, 'packages/testing') },
  ];
}

function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when the package's `dist` is missing or older than a file of its `src`. */
export function needsBuild(workspacePackage: WorkspacePackage): boolean {
  const entry = path.join(workspacePackage.directory, 'dist/index.js');
  if (!existsSync(entry)) return true;
  return newestModification(path.join(workspacePackage.directory, 'src')) > statSync(entry).mtimeMs;
}
