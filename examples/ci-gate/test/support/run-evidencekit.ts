import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const manifestPath = require.resolve('@evidencekit/cli/package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { evidencekit: string } };

/** The `evidencekit` binary of the installed `@evidencekit/cli`, as `npx evidencekit` runs it. */
export const EVIDENCEKIT_BINARY = path.join(path.dirname(manifestPath), manifest.bin.evidencekit);

/** What one run of the binary produced. */
export interface EvidencekitRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `evidencekit <args>` in a child process with only PATH and the given variables, as a
 * CI step would (asynchronously, so an in-process sandbox keeps answering).
 */
export function runEvidencekit(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<EvidencekitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EVIDENCEKIT_BINARY, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
