import { startExampleHost } from './start-example-host';

const port = Number(process.env.PORT ?? 8080);
const example = await startExampleHost({ port });
console.log(`evidence host listening on ${example.url}`);
console.log(`try: curl -s -X POST ${example.url}/v1/evidence/collect \\
  -H 'content-type: application/json' -H 'accept: application/x-ndjson' \\
  -d '{"service":"payments-api","environment":"production"}'`);

// Graceful shutdown: stop accepting, let running requests finish, close the pools.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: shutting down`);
    example.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
