import { createHash } from 'node:crypto';
import http from 'node:http';
import { announceReady } from '../shared/server-child';

// A loopback JSON endpoint for the transport benchmark: a small body (the size of a typical
// status answer) with an ETag, answered after `latencyMs` (0: at once).
const latencyMs = Number(process.argv[2] ?? '0');

const server = http.createServer((request, response) => {
  const body = JSON.stringify({
    id: request.url ?? '/',
    status: 'completed',
    conclusion: 'success',
    updated_at: '2026-11-21T10:00:00Z',
  });
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    etag: `"${createHash('sha1').update(body).digest('hex')}"`,
  };
  const answer = () => {
    response.writeHead(200, headers);
    response.end(body);
  };
  if (latencyMs > 0) setTimeout(answer, latencyMs);
  else answer();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  announceReady({ port: typeof address === 'object' && address !== null ? address.port : 0 });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
