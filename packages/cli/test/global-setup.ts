import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const repositoryRoot = path.resolve(import.meta.dirname, '../../..');

// The binary runs from dist and imports the built core and connectors, so each is rebuilt
// only when a source file is newer than its build.
const packagesToBuild = [
  'packages/core',
  'packages/connectors/prometheus',
  'packages/connectors/trivy',
  'packages/cli',
];

function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const fullPath = path.join(directory, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestModification(fullPath) : statSync(fullPath).mtimeMs,
    );
  }
  return newest;
}

function isStale(packageDirectory: string): boolean {
  const built = path.join(packageDirectory, 'dist', 'index.js');
  if (!existsSync(built)) return true;
  return newestModification(path.join(packageDirectory, 'src')) > statSync(built).mtimeMs;
}

/** Builds what the tests' child processes import, when missing or stale. */
export default function setup(): void {
  for (const relative of packagesToBuild) {
    const directory = path.join(repositoryRoot, relative);
    if (!isStale(directory)) continue;
    const result = spawnSync('pnpm', ['run', 'build'], { cwd: directory, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`building ${relative} failed:\n${result.stdout}\n${result.stderr}`);
    }
  }
}
