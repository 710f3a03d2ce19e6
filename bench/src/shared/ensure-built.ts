import { execFileSync } from 'node:child_process';
import { builtPackages, needsBuild, REPOSITORY_ROOT } from './workspace-packages';

/**
 * Builds the workspace packages when a `dist` is missing or older than its sources, so every
 * suite measures the code as it is now. Returns the packages that were stale.
 */
export function ensureBuilt(): string[] {
  const stale = builtPackages()
    .filter(needsBuild)
    .map((workspacePackage) => workspacePackage.name);
  if (stale.length === 0) return stale;
  process.stderr.write(`building (stale or missing dist: ${stale.join(', ')})\n`);
  // `pnpm bench` runs under pnpm, so pnpm is on PATH.
  execFileSync('pnpm', ['-r', '--filter', './packages/**', 'run', 'build'], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return stale;
}
