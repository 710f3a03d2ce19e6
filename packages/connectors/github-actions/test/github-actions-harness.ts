import {
  checkConnector,
  createRedactor,
  createRuntime,
  createSecretResolver,
  type EvidenceRecord,
  type EvidenceScope,
  type Runtime,
} from '@evidencekit/core';
import {
  type CapturingLogger,
  collectOne as collectOneTarget,
  createCapturingLogger,
  createVirtualClock,
  type VirtualClock,
} from '@evidencekit/testing';
import {
  createGitHubActions,
  type GitHubActionsSelector,
  type GitHubActionsSettings,
} from '../src/index';
import { ARTIFACT_DIGEST } from './fixtures/artifacts';
import { COMMIT } from './fixtures/workflow-runs';

/** The token the tests resolve from `env:GITHUB_TOKEN` (never a real one). */
export const TEST_TOKEN = 'ghp_testtoken000000000000000000000000000';

/** The scope of a release built from the fixtures' commit and artifact. */
export const releaseScope: EvidenceScope = {
  workspaceId: 'acme',
  service: 'octo-repo',
  environment: 'production',
  release: { version: '1.4.0', commit: COMMIT, artifactDigest: ARTIFACT_DIGEST },
};

/** A runtime on a virtual clock (no real waiting), with its own cache and a capturing logger. */
export interface TestRuntime {
  runtime: Runtime;
  clock: VirtualClock;
  logger: CapturingLogger;
}

/** Creates a test runtime; waits above `maxWaitMs` count as over the retry cap. */
export function createTestRuntime(): TestRuntime {
  const clock = createVirtualClock({ maxWaitMs: 10_000 });
  const logger = createCapturingLogger();
  const redactor = createRedactor();
  const runtime = createRuntime({
    clock,
    logger,
    redactor,
    secrets: createSecretResolver({ redactor, environment: { GITHUB_TOKEN: TEST_TOKEN } }),
    timeoutMs: 20_000,
    retry: { maxRetries: 2, maxRetryAfterMs: 10_000, maxDelayMs: 10_000, random: () => 0.5 },
  });
  openRuntimes.push(runtime);
  return { runtime, clock, logger };
}

const openRuntimes: Runtime[] = [];

/** Closes every runtime the tests created (call after each test). */
export async function closeTestRuntimes(): Promise<void> {
  await Promise.all(openRuntimes.splice(0).map((runtime) => runtime.close()));
}

/** Collects one target and returns its record. */
export async function collectOne(options: {
  selector: GitHubActionsSelector;
  scope?: EvidenceScope;
  settings?: Partial<GitHubActionsSettings>;
  test?: TestRuntime;
  /** False for a scope that is itself invalid (the record repeats it; see `collectOne`). */
  validateRecord?: boolean;
}): Promise<EvidenceRecord> {
  const test = options.test ?? createTestRuntime();
  const connector = createGitHubActions({ token: 'env:GITHUB_TOKEN', ...options.settings });
  return collectOneTarget(
    connector,
    { scope: options.scope ?? releaseScope, selector: options.selector },
    {
      runtime: test.runtime,
      now: () => new Date(test.clock.now()),
      ...(options.validateRecord === undefined ? {} : { validateRecord: options.validateRecord }),
    },
  );
}

/** Runs `checkConnector` with the given settings. */
export function checkWith(settings: Partial<GitHubActionsSettings> = {}) {
  const test = createTestRuntime();
  return checkConnector(createGitHubActions({ token: 'env:GITHUB_TOKEN', ...settings }), {
    runtime: test.runtime,
    now: () => new Date(test.clock.now()),
  });
}

/** The fact of `record` named `name`, or a failure naming what is there. */
export function factOf(record: EvidenceRecord, name: string) {
  const fact = record.facts.find((candidate) => candidate.name === name);
  if (fact === undefined) {
    throw new Error(`no fact ${name}; got ${record.facts.map((f) => f.name).join(', ')}`);
  }
  return fact;
}
