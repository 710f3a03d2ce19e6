// Helpers of the packaging tests: build and pack workspace packages, and install the tarballs
// into throwaway projects the way npm users do.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');

/** Runs a command; a failure names the command and carries its output. */
export async function runOrExplain(
  command: string,
  args: string[],
  cwd: string,
  environment: Record<string, string> = {},
): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, ...environment },
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stderr}${stdout}`);
  }
}

/**
 * Builds the workspace package in `packageDirectory` when it has no `dist` yet, packs it into
 * `destination` and returns the tarball's path.
 */
export async function packWorkspacePackage(
  packageDirectory: string,
  destination: string,
): Promise<string> {
  if (!existsSync(path.join(packageDirectory, 'dist', 'index.cjs'))) {
    await runOrExplain('pnpm', ['run', 'build'], packageDirectory);
  }
  const output = await runOrExplain(
    'pnpm',
    ['pack', '--pack-destination', destination, '--json'],
    packageDirectory,
  );
  return path.resolve(destination, (JSON.parse(output) as { filename: string }).filename);
}

/** Creates `directory` with `manifest` as its package.json and npm-installs `specs` into it. */
export async function createProject(
  directory: string,
  manifest: Record<string, unknown>,
  specs: readonly string[],
): Promise<void> {
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, 'package.json'), JSON.stringify(manifest));
  await runOrExplain(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs],
    directory,
  );
}
