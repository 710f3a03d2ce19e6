import { startServerChild } from '../shared/server-child';
import { measureThroughput } from './measure-throughput';
import { createTransportClient, type TransportClientName } from './transport-clients';

// One client at one concurrency, for profiling (`node --cpu-prof --import tsx ...`):
// `profile-transport-main.ts <client> <concurrency> <durationMs>`.
const name = (process.argv[2] ?? 'evidencekit') as TransportClientName;
const concurrency = Number(process.argv[3] ?? '16');
const durationMs = Number(process.argv[4] ?? '5000');

const server = await startServerChild<{ port: number }>('src/transport/transport-server-main.ts');
try {
  const client = createTransportClient(name, `http://127.0.0.1:${server.ready.port}`, concurrency);
  const requestsPerSecond = await measureThroughput(client, {
    concurrency,
    durationMs,
    warmupMs: 500,
    firstIndex: 0,
  });
  await client.close();
  process.stdout.write(`${JSON.stringify({ name, concurrency, requestsPerSecond })}\n`);
} finally {
  await server.stop();
}
