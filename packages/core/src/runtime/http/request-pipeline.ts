import type { ClientContext } from './client-context';
import { withFastPath } from './fast-request';
import { attemptStage } from './stages/attempt-stage';
import { cacheStage } from './stages/cache-stage';
import { destinationStage } from './stages/destination-stage';
import { rateLimitStage } from './stages/rate-limit-stage';
import { redirectStage } from './stages/redirect-stage';
import { composeStages, type RequestStage, type SendStep } from './stages/request-stage';
import { retryStage } from './stages/retry-stage';
import { createTransport } from './stages/transport-stage';

/**
 * The stages every request passes through, outermost first. The order is the design:
 *
 * 1. `cache`: a fresh answer never costs a request, and identical concurrent requests share
 *    one flight (of every attempt, not of one).
 * 2. `retry`: one decision per failed attempt, made on the error the provider's
 *    `describeError` already explained.
 * 3. `rate-limit`: every attempt, retries included, waits for the origin's budget.
 * 4. `attempt`: the per-attempt deadline, the caller's abort, request events, and failures
 *    below turned into typed errors.
 * 5. `redirects`: followed inside the attempt (one deadline covers the chain).
 * 6. `destination`: every hop is vetted against the destination policy before it is sent.
 * 7. the transport: undici's `dispatch`, the size cap, and error statuses as `ApiCallError`s.
 */
export const REQUEST_STAGE_ORDER = [
  'cache',
  'retry',
  'rate-limit',
  'attempt',
  'redirects',
  'destination',
] as const;

/** The stages of one client, in `REQUEST_STAGE_ORDER`. */
export function requestStages(context: ClientContext): RequestStage[] {
  return [
    cacheStage(context),
    retryStage(context),
    rateLimitStage(context),
    attemptStage(context),
    redirectStage(context),
    destinationStage(context),
  ];
}

/**
 * The composed pipeline of one client: built once, run for every request. Requests that need
 * none of the stages' waiting take the fast path in front of it (`fast-request.ts`).
 */
export function createRequestPipeline(context: ClientContext): SendStep {
  const stages = requestStages(context);
  const transport = createTransport(context);
  const from = (name: (typeof REQUEST_STAGE_ORDER)[number]) =>
    composeStages(stages.slice(stages.findIndex((stage) => stage.name === name)), transport);
  return withFastPath(context, {
    full: composeStages(stages, transport),
    belowRetry: from('rate-limit'),
    belowRedirects: from('destination'),
  });
}
