import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { commitSha, workflowArtifacts, workflowJobs, workflowRun } from '../peer/github-fixtures';
import { announceReady } from '../shared/server-child';
import {
  kubernetesDeployment,
  kubernetesPods,
  kubernetesReplicaSets,
  prometheusAnswer,
} from './provider-fixtures';

// Three provider mocks for P3 in one process: GitHub (http), Prometheus (http) and a
// Kubernetes API server (https with a throwaway certificate, as the connector requires), each
// answering after `latencyMs` and counting its requests (`GET /__bench/stats`).
const [targetsText = '10000', latencyText = '5', certificatePath = '', keyPath = ''] =
  process.argv.slice(2);
const targetCount = Number(targetsText);
const latencyMs = Number(latencyText);

const commitIndex = new Map<string, number>();
for (let index = 0; index < targetCount; index++) commitIndex.set(commitSha(index), index);

type Answer = { status: number; body: unknown; etag?: boolean };
const notFound: Answer = { status: 404, body: { message: 'Not Found' } };

function github(url: URL): Answer {
  if (url.pathname.endsWith('/actions/workflows/build.yml/runs')) {
    const index = commitIndex.get(url.searchParams.get('head_sha') ?? '');
    const runs = index === undefined ? [] : [workflowRun(index)];
    return { status: 200, body: { total_count: runs.length, workflow_runs: runs }, etag: true };
  }
  const match = /\/actions\/runs\/(\d+)\/(jobs|artifacts)$/.exec(url.pathname);
  if (match === null) return notFound;
  const index = Number(match[1]) - 9_000_000_000;
  if (match[2] === 'jobs')
    return { status: 200, body: { total_count: 4, jobs: workflowJobs(index) }, etag: true };
  return { status: 200, body: { total_count: 1, artifacts: workflowArtifacts(index) }, etag: true };
}

function prometheus(url: URL): Answer {
  if (url.pathname !== '/api/v1/query') return notFound;
  return {
    status: 200,
    body: prometheusAnswer(url.searchParams.get('query') ?? '', Math.floor(Date.now() / 1000)),
  };
}

function kubernetes(url: URL): Answer {
  const deployment = /^\/apis\/apps\/v1\/namespaces\/([^/]+)\/deployments\/[^/]+$/.exec(
    url.pathname,
  );
  if (deployment?.[1] !== undefined)
    return { status: 200, body: kubernetesDeployment(deployment[1]) };
  if (/^\/apis\/apps\/v1\/namespaces\/[^/]+\/replicasets$/.test(url.pathname)) {
    return { status: 200, body: kubernetesReplicaSets };
  }
  if (/^\/api\/v1\/namespaces\/[^/]+\/pods$/.test(url.pathname)) {
    return { status: 200, body: kubernetesPods };
  }
  return notFound;
}

const counts = { github: 0, prometheus: 0, kubernetes: 0 };
type Provider = keyof typeof counts;

function handler(provider: Provider, route: (url: URL) => Answer): http.RequestListener {
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__bench/stats') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(counts));
      return;
    }
    counts[provider] += 1;
    const answer = route(url);
    const text = JSON.stringify(answer.body);
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    };
    if (answer.etag === true) {
      headers.etag = `"${createHash('sha1').update(text).digest('hex')}"`;
    }
    setTimeout(() => {
      response.writeHead(answer.status, headers);
      response.end(text);
    }, latencyMs);
  };
}

const servers = [
  http.createServer(handler('github', github)),
  http.createServer(handler('prometheus', prometheus)),
  https.createServer(
    { cert: readFileSync(certificatePath), key: readFileSync(keyPath) },
    handler('kubernetes', kubernetes),
  ),
];
const ports = await Promise.all(
  servers.map(
    (server) =>
      new Promise<number>((resolve) => {
        server.keepAliveTimeout = 60_000;
        server.listen(0, '127.0.0.1', () => {
          const address = server.address();
          resolve(typeof address === 'object' && address !== null ? address.port : 0);
        });
      }),
  ),
);
announceReady({ github: ports[0], prometheus: ports[1], kubernetes: ports[2] });
process.on('SIGTERM', () => {
  for (const server of servers) server.close();
  process.exit(0);
});
