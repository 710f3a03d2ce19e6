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
  const measured = createTransportClient(
    name,
    `http://127.0.0.1:${server.ready.port}`,
    concurrency,
  );
  // CPU time of this process per request: steadier than throughput on a shared machine.
  let requests = 0;
  const client = {
    ...measured,
    get: (index: number) => {
      requests += 1;
      return measured.get(index);
    },
  };
  const cpuBefore = process.cpuUsage();
  const requestsPerSecond = await measureThroughput(client, {
    concurrency,
    durationMs,
    warmupMs: 500,
    firstIndex: 0,
  });
  const cpu = process.cpuUsage(cpuBefore);
  await client.close();
  const cpuMicrosPerRequest = (cpu.user + cpu.system) / requests;
  const systemMicrosPerRequest = cpu.system / requests;
  process.stdout.write(
    `${JSON.stringify({ name, concurrency, requestsPerSecond: Math.round(requestsPerSecond), cpuMicrosPerRequest: Math.round(cpuMicrosPerRequest * 10) / 10, systemMicrosPerRequest: Math.round(systemMicrosPerRequest * 10) / 10 })}\n`,
  );
} finally {
  await server.stop();
}
