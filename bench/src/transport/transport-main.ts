import { printJsonResult } from '../shared/child-process-suite';
import { startServerChild } from '../shared/server-child';
import { median, ratio, round } from '../shared/statistics';
import { measureThroughput } from './measure-throughput';
import {
  createTransportClient,
  TRANSPORT_CLIENT_NAMES,
  type TransportClientName,
} from './transport-clients';

/** P1 at one concurrency: requests per second of each client, and ratios to raw undici. */
export interface TransportRow {
  concurrency: number;
  requestsPerSecond: Record<TransportClientName, number>;
  /** evidencekit ÷ undici (the goal: ≥ 0.9). */
  evidencekitToUndici: number | null;
  fetchToUndici: number | null;
}

/** The P1 result. */
export interface TransportResult {
  rows: TransportRow[];
  rounds: number;
  durationMs: number;
  warmupMs: number;
}

const CONCURRENCIES = [1, 16, 128];
const ROUNDS = Number(process.env.BENCH_TRANSPORT_ROUNDS ?? '3');
const DURATION_MS = Number(process.env.BENCH_TRANSPORT_DURATION_MS ?? '2000');
const WARMUP_MS = 500;

const server = await startServerChild<{ port: number }>('src/transport/transport-server-main.ts');
const baseUrl = `http://127.0.0.1:${server.ready.port}`;
const samples = new Map<string, number[]>();
let firstIndex = 0;
try {
  for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
    for (const concurrency of CONCURRENCIES) {
      // Rotate the order each round so no client always runs first (or last).
      const order = TRANSPORT_CLIENT_NAMES.map(
        (_, index) =>
          TRANSPORT_CLIENT_NAMES[(index + roundIndex) % TRANSPORT_CLIENT_NAMES.length] ?? 'undici',
      );
      for (const name of order) {
        const client = createTransportClient(name, baseUrl, concurrency);
        const requestsPerSecond = await measureThroughput(client, {
          concurrency,
          durationMs: DURATION_MS,
          warmupMs: WARMUP_MS,
          firstIndex,
        });
        firstIndex += 10_000_000;
        await client.close();
        const key = `${name}@${concurrency}`;
        samples.set(key, [...(samples.get(key) ?? []), requestsPerSecond]);
        process.stderr.write(`P1 ${key}: ${Math.round(requestsPerSecond)} req/s\n`);
      }
    }
  }
} finally {
  await server.stop();
}

const rows: TransportRow[] = CONCURRENCIES.map((concurrency) => {
  const of = (name: TransportClientName) =>
    round(median(samples.get(`${name}@${concurrency}`) ?? [0]), 0);
  const requestsPerSecond = {
    evidencekit: of('evidencekit'),
    undici: of('undici'),
    fetch: of('fetch'),
  };
  return {
    concurrency,
    requestsPerSecond,
    evidencekitToUndici: ratio(requestsPerSecond.evidencekit, requestsPerSecond.undici),
    fetchToUndici: ratio(requestsPerSecond.fetch, requestsPerSecond.undici),
  };
});
printJsonResult({
  rows,
  rounds: ROUNDS,
  durationMs: DURATION_MS,
  warmupMs: WARMUP_MS,
} satisfies TransportResult);
