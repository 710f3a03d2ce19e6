import { spawn } from 'node:child_process';
import path from 'node:path';

/** The bench package's directory, for resolving suite entry points. */
export const BENCH_DIRECTORY = path.resolve(import.meta.dirname, '../..');

/**
 * Node arguments that run one of the bench's TypeScript entry points. Workspace packages
 * resolve to their built `dist`, as hosts run them (the bench builds it first when stale).
 */
export function typeScriptNodeArguments(entry: string): string[] {
  return ['--import', 'tsx', path.resolve(BENCH_DIRECTORY, entry)];
}

/**
 * Runs a TypeScript entry point in its own Node process (so its memory and CPU are its own) and
 * returns the JSON it printed as the last line of stdout. Its stderr is passed through.
 */
export function runJsonChild<T>(
  entry: string,
  args: readonly string[] = [],
  options: {
    nodeOptions?: readonly string[];
    environment?: NodeJS.ProcessEnv;
    /**
     * Run the entry as plain JavaScript (bundled by `bundleEntry`) instead of through tsx, for
     * suites that measure the process's own memory.
     */
    plainNode?: string;
  } = {},
): Promise<T> {
  const entryArguments =
    options.plainNode === undefined ? typeScriptNodeArguments(entry) : [options.plainNode];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(options.nodeOptions ?? []), ...entryArguments, ...args],
      {
        cwd: BENCH_DIRECTORY,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ...options.environment },
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const lastLine = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) {
        reject(new Error(`${entry} exited with ${signal ?? code}`));
        return;
      }
      try {
        resolve(JSON.parse(lastLine) as T);
      } catch {
        reject(new Error(`${entry} printed no JSON result (last line: ${lastLine.slice(0, 200)})`));
      }
    });
  });
}

/** Prints a suite's result as the last line of stdout, for {@link runJsonChild}. */
export function printJsonResult(result: unknown): void {
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}
