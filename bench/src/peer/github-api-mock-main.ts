import { createHash } from 'node:crypto';
import http from 'node:http';
import { announceReady } from '../shared/server-child';
import { commitSha, workflowArtifacts, workflowJobs, workflowRun } from './github-fixtures';

/** What the mock counted since the last reset (`GET /__bench/stats`). */
export interface GitHubMockStats {
  /** Answers with a body: what GitHub charges to the primary rate limit. */
  ok: number;
  /** 304 answers to conditional requests: free on GitHub. */
  notModified: number;
  other: number;
}

// A GitHub REST API mock on loopback for the peer benchmark: the three Actions endpoints the
// connector reads, answered after `latencyMs`, with strong ETags (a matching If-None-Match
// gets a 304 without a body) and GitHub's rate-limit headers.
const commitCount = Number(process.argv[2] ?? '500');
const latencyMs = Number(process.argv[3] ?? '5');
const RATE_LIMIT = 15_000;

const commitIndex = new Map<string, number>();
for (let index = 0; index < commitCount; index++) commitIndex.set(commitSha(index), index);

let stats: GitHubMockStats = { ok: 0, notModified: 0, other: 0 };
const resetAt = Math.floor(Date.now() / 1000) + 3600;

const runsPath = /^\/repos\/octo-org\/octo-repo\/actions\/workflows\/build\.yml\/runs$/;
const runPath = /^\/repos\/octo-org\/octo-repo\/actions\/runs\/(\d+)\/(jobs|artifacts)$/;

function route(url: URL): { status: number; body: unknown } {
  if (runsPath.test(url.pathname)) {
    const index = commitIndex.get(url.searchParams.get('head_sha') ?? '');
    const runs = index === undefined ? [] : [workflowRun(index)];
    return { status: 200, body: { total_count: runs.length, workflow_runs: runs } };
  }
  const match = runPath.exec(url.pathname);
  if (match !== null) {
    const index = Number(match[1]) - 9_000_000_000;
    if (!(index >= 0 && index < commitCount))
      return { status: 404, body: { message: 'Not Found' } };
    if (match[2] === 'jobs') {
      const jobs = workflowJobs(index);
      return { status: 200, body: { total_count: jobs.length, jobs } };
    }
    const artifacts = workflowArtifacts(index);
    return { status: 200, body: { total_count: artifacts.length, artifacts } };
  }
  return {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
  };
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/__bench/stats') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(stats));
    return;
  }
  if (url.pathname === '/__bench/reset') {
    stats = { ok: 0, notModified: 0, other: 0 };
    response.writeHead(204);
    response.end();
    return;
  }
  const { status, body } = route(url);
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 40)}"`;
  const notModified = status === 200 && request.headers['if-none-match'] === etag;
  if (notModified) stats.notModified += 1;
  else if (status === 200) stats.ok += 1;
  else stats.other += 1;
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'private, max-age=60, s-maxage=60',
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
    etag,
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': RATE_LIMIT,
    'x-ratelimit-remaining': Math.max(0, RATE_LIMIT - stats.ok),
    'x-ratelimit-reset': resetAt,
    'x-ratelimit-used': stats.ok,
    'x-ratelimit-resource': 'core',
    'x-github-request-id': `BENCH:${stats.ok + stats.notModified}`,
  };
  setTimeout(() => {
    if (notModified) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    headers['content-length'] = Buffer.byteLength(text);
    response.writeHead(status, headers);
    response.end(text);
  }, latencyMs);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  announceReady({ port: typeof address === 'object' && address !== null ? address.port : 0 });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
