import type { TransportClient } from './transport-clients';

/**
 * Requests per second `client` completes with `concurrency` requests in flight, over
 * `durationMs` after a warm-up of `warmupMs`. Every request gets a new index (a new URL).
 */
export async function measureThroughput(
  client: TransportClient,
  options: { concurrency: number; durationMs: number; warmupMs: number; firstIndex: number },
): Promise<number> {
  let next = options.firstIndex;
  const run = async (untilMs: number): Promise<number> => {
    let completed = 0;
    const worker = async () => {
      while (performance.now() < untilMs) {
        await client.get(next++);
        completed += 1;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return completed;
  };
  await run(performance.now() + options.warmupMs);
  const startedAt = performance.now();
  const completed = await run(startedAt + options.durationMs);
  return completed / ((performance.now() - startedAt) / 1000);
}
