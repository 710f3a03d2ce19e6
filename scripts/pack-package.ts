import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Packs a workspace package with `pnpm pack` into `destination` and returns the tarball's path:
 * exactly what `pnpm publish` would upload (`files`, `workspace:` ranges replaced).
 */
export function packPackage(directory: string, destination: string): string {
  const result = spawnSync('pnpm', ['pack', '--pack-destination', destination, '--json'], {
    cwd: directory,
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`could not run pnpm pack: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`pnpm pack failed in ${directory}:\n${result.stderr || result.stdout}`);
  }
  const { filename } = JSON.parse(result.stdout) as { filename: string };
  return path.isAbsolute(filename) ? filename : path.join(destination, filename);
}
