import type { UnavailableReasonCode } from '@evidencekit/core';
import type { JsonBodyType } from 'msw';
import type { VirtualClock } from '../runtime/virtual-clock';

/** The ids of the built-in fault scenarios. */
export type FaultScenarioId =
  | 'rate-limited-retry-after-seconds'
  | 'rate-limited-retry-after-date'
  | 'rate-limited-over-cap'
  | 'service-unavailable-burst'
  | 'service-unavailable-persistent'
  | 'connection-reset'
  | 'timeout'
  | 'slow-drip'
  | 'malformed-json'
  | 'schema-drift-missing-fields'
  | 'schema-drift-renamed-fields'
  | 'schema-drift-wrong-types'
  | 'unauthorized'
  | 'forbidden'
  | 'oversized-body'
  | 'pagination-loop'
  | 'redirect-loop'
  | 'empty-result';

/**
 * What a scenario must lead to:
 * - `unavailable`: the facts the route feeds are `unavailable` with one of `reasons`;
 * - `recovered`: the runtime's retries absorb the fault: the same facts as the happy path;
 * - `empty`: each fact follows its `whenEmpty` rule (default `unavailable: no_data`).
 * Never `passed` by accident, never an uncaught throw.
 */
export type FaultExpectation =
  | { outcome: 'unavailable'; reasons: readonly UnavailableReasonCode[] }
  | { outcome: 'recovered' }
  | { outcome: 'empty' };

/** What a scenario's responder gets for each request to the faulted route. */
export interface FaultScenarioContext {
  /** 1 for the first request to the route in this run, 2 for the next, … */
  call: number;
  request: Request;
  /** The runtime's clock: a scenario fires deadlines with it, or dates a Retry-After. */
  clock: VirtualClock;
  /** The happy-path answer of the route for this request. */
  happyResponse(): Promise<Response>;
  /** The body of an empty result, as the connector author gave it. */
  emptyBody: JsonBodyType | undefined;
  /** The runtime's response size cap. */
  maxResponseBytes: number;
  /** Adds an explanation to the scenario's check message, shown when the check fails. */
  note(text: string): void;
  /** Marks the scenario as not applicable to this route: the check is skipped with `reason`. */
  skip(reason: string): void;
}

/** One fault, as data: what it does, how it answers, what it must lead to. */
export interface FaultScenario {
  id: FaultScenarioId;
  /** What the fault does, in one sentence. */
  description: string;
  expected: FaultExpectation;
  /**
   * What the connector must declare for the scenario to apply: a route paginated by `Link`
   * headers, or a declared `emptyBody`. Scenarios that do not apply are reported as skipped.
   */
  requires?: 'link-pagination' | 'empty-body';
  /** The wait the runtime must take before retrying, in ms (Retry-After honoured). */
  expectedWaitMs?: { min: number; max: number };
  /**
   * How many requests the route must receive, as a function of the runtime's retry budget
   * (`maxRetries`); absent means not checked.
   */
  expectedRequests?: (maxRetries: number) => number;
  /** Answers one request to the faulted route. */
  respond(context: FaultScenarioContext): Response | Promise<Response>;
}
