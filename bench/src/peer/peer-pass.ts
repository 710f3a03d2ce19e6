import type { GitHubMockStats } from './github-api-mock-main';

/** One pass over every commit by one side. */
export interface PeerPass {
  wallMs: number;
  /** Commits whose evidence came out as expected (every check green). */
  commitsPassed: number;
  /** What the mock counted: `ok` answers cost primary rate limit, 304s do not. */
  requests: GitHubMockStats;
}

/** Resets the mock's counters, runs `pass`, and returns its time and the mock's counts. */
export async function measurePass(mockUrl: string, pass: () => Promise<number>): Promise<PeerPass> {
  await fetch(`${mockUrl}/__bench/reset`, { method: 'POST' });
  const startedAt = performance.now();
  const commitsPassed = await pass();
  const wallMs = Math.round(performance.now() - startedAt);
  const requests = (await (await fetch(`${mockUrl}/__bench/stats`)).json()) as GitHubMockStats;
  return { wallMs, commitsPassed, requests };
}

/** Runs `task` for each index below `count`, `concurrency` at a time. */
export async function forEachConcurrently(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
