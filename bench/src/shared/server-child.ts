import { type ChildProcess, spawn } from 'node:child_process';
import { BENCH_DIRECTORY, typeScriptNodeArguments } from './child-process-suite';

/** A loopback server running in a child process of its own. */
export interface ServerChild<Ready> {
  /** What the server announced when it was listening (its ports, its CA…). */
  ready: Ready;
  /** Stops this child (and only it). */
  stop(): Promise<void>;
}

/**
 * Starts a server entry point in its own process, so serving costs none of the measured
 * process's CPU, and waits for the JSON line it prints once listening.
 */
export function startServerChild<Ready>(
  entry: string,
  args: readonly string[] = [],
): Promise<ServerChild<Ready>> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [...typeScriptNodeArguments(entry), ...args],
      { cwd: BENCH_DIRECTORY, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline === -1) return;
      child.stdout?.off('data', onData);
      try {
        const ready = JSON.parse(buffered.slice(0, newline)) as Ready;
        resolve({
          ready,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) {
                done();
                return;
              }
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      } catch (error) {
        child.kill('SIGTERM');
        reject(error);
      }
    };
    child.stdout?.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${entry} exited early (${code})`)));
  });
}

/** Announces that a server child is listening (the first stdout line). */
export function announceReady(ready: unknown): void {
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}
