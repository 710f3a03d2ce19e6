import { spawn } from 'node:child_process';
import path from 'node:path';

/** The built binary the tests run. */
export const BINARY = path.resolve(import.meta.dirname, '../../dist/bin/evidencekit.js');

/** What a run of the binary produced. */
export interface BinaryRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `evidencekit` in a child process (asynchronously, so an in-process sandbox
 * server keeps answering). The environment is only what the test gives, plus PATH.
 */
export function runBinary(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<BinaryRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BINARY, ...args], {
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
