import { ApiCallError } from '../../errors/api-call-error';
import type { HttpCacheResult } from '../cache/http-cache';
import type { OpenedFlight } from '../cache/single-flight';
import { systemClock } from '../retry/clock';
import { cancelledError, retryAfterFirstFailure } from '../retry/retry-api-call';
import { startDeadline } from '../retry/start-deadline';
import { type AbortWatcher, unwatchAbort, watchAbort } from './abort-watchers';
import { AttemptAbortState } from './attempt-abort';
import type { ClientContext } from './client-context';
import type { RawHttpResponse } from './raw-http-response';
import type { RequestState } from './request-state';
import { type DeadlineEntry, startSharedDeadline, stopSharedDeadline } from './shared-deadlines';
import { AttemptTimeout, toApiCallError } from './stages/attempt-stage';
import { followRedirects, isRedirect } from './stages/redirect-stage';
import type { SendStep } from './stages/request-stage';
import { retryOptionsOf } from './stages/retry-stage';
import {
  dispatchHopWith,
  type HopAnswer,
  type HopReceiver,
  toResponse,
} from './stages/transport-stage';

/** The composed pipeline and the parts of it the fast path falls back to mid-request. */
export interface PipelineSteps {
  /** Every stage, cache first. */
  full: SendStep;
  /** From the rate limit down: one attempt of the retry loop. */
  belowRetry: SendStep;
  /** From the destination check down: one hop of a redirect chain. */
  belowRedirects: SendStep;
}

/**
 * The pipeline with a fast path in front: a request that needs none of the stages' waiting
 * (no cached entry and no flight for its key, a rate-limit slot free at once, nobody
 * observing request events, no destination policy, a dispatcher with `dispatch`) runs its
 * first attempt as one object, one promise and one abort watcher, doing exactly what the
 * stages would do in their order. What it cannot finish alone goes back to the stages from
 * where it is: a failed first attempt to the retry loop (as attempt 1), a redirect to the
 * redirect stage within the attempt. Anything else takes `steps.full` from the start.
 */
export function withFastPath(context: ClientContext, steps: PipelineSteps): SendStep {
  const { pipeline } = context;
  const { rateLimiter, events } = pipeline;
  if (
    context.options.destinationPolicy !== undefined ||
    rateLimiter.tryAcquire === undefined ||
    events.isObserved === undefined
  ) {
    return steps.full;
  }
  return (state) => {
    if (
      state.signal?.aborted === true ||
      context.observed('request.start') ||
      context.observed('request.end')
    ) {
      return steps.full(state);
    }
    let dispatcher: ReturnType<typeof pipeline.dispatchers.forOrigin>;
    try {
      dispatcher = pipeline.dispatchers.forOrigin(state.target.origin, context.connection);
    } catch {
      // A closed runtime: the stages fail the request with their error.
      return steps.full(state);
    }
    if (typeof dispatcher.dispatch !== 'function') return steps.full(state);
    const request = new FastRequest(context, steps, state);
    // The cache first (as the stages): a cached entry never costs a rate-limit slot.
    const { cache } = pipeline;
    let miss: OpenedFlight<HttpCacheResult> | undefined;
    if (state.cacheKey !== undefined && cache !== undefined && context.cacheTtlMs !== undefined) {
      miss = cache.openMiss(state.cacheKey, (reason) => request.abandon(reason));
      if (miss === undefined) return steps.full(state);
    }
    const release = rateLimiter.tryAcquire?.(state.target.origin);
    if (release === undefined) {
      // Nobody can have joined the miss yet (no await since it opened): it just closes.
      miss?.leave();
      return steps.full(state);
    }
    return request.start(dispatcher, release, miss);
  };
}

/**
 * One request on the fast path, in one object: it is its own abort watcher and hop receiver,
 * and settles one promise.
 */
class FastRequest implements HopReceiver, AbortWatcher, DeadlineEntry {
  readonly #context: ClientContext;
  readonly #steps: PipelineSteps;
  readonly #state: RequestState;
  #release: () => void = noop;
  readonly #attempt = new AttemptAbortState();
  /** The caller's signal (the stages below the cache would see the flight's). */
  readonly #signal: AbortSignal | undefined;
  /** The shared flight of the cache miss this request sends, when it may be cached. */
  miss: OpenedFlight<HttpCacheResult> | undefined = undefined;
  #resolve: ((response: RawHttpResponse) => void) | undefined = undefined;
  #reject: ((error: unknown) => void) | undefined = undefined;
  #settled = false;
  /** Every caller sharing the flight has gone: the work stops and nothing is stored. */
  #abandoned = false;
  #inFirstAttempt = true;
  /** Inside the `dispatch` call of the first hop. */
  #dispatching = false;
  #startedAt = 0;
  /** Stops a deadline of its own (an injected clock); undefined on the shared list. */
  #stopDeadline: (() => void) | undefined = undefined;
  /** The flight's signal, made only when the retry loop takes over a shared miss. */
  #flightController: AbortController | undefined = undefined;
  // Links owned by the abort watchers and the deadline list, declared so that every request
  // has one shape from the start.
  abortWatchNext: AbortWatcher | undefined = undefined;
  abortWatchPrevious: AbortWatcher | undefined = undefined;
  deadlineAt: number | undefined = undefined;
  deadlineNext: DeadlineEntry | undefined = undefined;
  deadlinePrevious: DeadlineEntry | undefined = undefined;
  deadlineList: DeadlineEntry['deadlineList'] = undefined;

  constructor(context: ClientContext, steps: PipelineSteps, state: RequestState) {
    this.#context = context;
    this.#steps = steps;
    this.#state = state;
    this.#signal = state.signal;
  }

  /** Sends the first attempt on its rate-limit slot (`release` gives it back). */
  start(
    dispatcher: Parameters<typeof dispatchHopWith>[0],
    release: () => void,
    miss: OpenedFlight<HttpCacheResult> | undefined,
  ): Promise<RawHttpResponse> {
    this.#release = release;
    this.miss = miss;
    const promise = new Promise<RawHttpResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    const state = this.#state;
    const attempt = this.#attempt;
    const { clock } = this.#context.pipeline;
    // What the retry, attempt and redirect stages set at the start of an attempt.
    state.attemptNumber = 1;
    state.attempt = attempt;
    state.hop = state.target;
    state.hopHeaders = state.headers;
    this.#startedAt = clock.now();
    if (this.#signal !== undefined) watchAbort(this.#signal, this);
    // On the real clock the deadline joins the shared list of its duration (no timer of its own).
    if (clock !== systemClock || !startSharedDeadline(state.timeoutMs, this)) {
      this.#stopDeadline = startDeadline(clock, state.timeoutMs, () => this.onDeadline());
    }
    this.#dispatching = true;
    dispatchHopWith(dispatcher, state, this);
    this.#dispatching = false;
    return promise;
  }

  /** The caller's signal aborted (`AbortWatcher`). */
  onSignalAbort(reason: unknown): void {
    const miss = this.miss;
    if (miss === undefined) {
      // As the attempt stage: the attempt in flight stops; the retry loop decides after it.
      if (this.#inFirstAttempt) this.#attempt.abort(reason);
      return;
    }
    // As the cache stage: this caller stops waiting at once; the shared work goes on while
    // anyone else waits for it.
    this.#settle(
      undefined,
      ApiCallError.isInstance(reason)
        ? reason
        : cancelledError({ method: this.#state.method, url: this.#state.redactedUrl }, reason),
    );
    if (miss.leave()) this.abandon(reason);
  }

  /** The attempt's deadline passed (`DeadlineEntry`). */
  onDeadline(): void {
    this.#attempt.abort(new AttemptTimeout());
  }

  /** Stops the work: every caller sharing the flight has gone. */
  abandon(reason: unknown): void {
    this.#abandoned = true;
    this.#attempt.abort(reason);
    this.#flightController?.abort(reason);
  }

  /** The first hop ended (`HopReceiver`). */
  hopDone(answer: HopAnswer | undefined, error: unknown): void {
    if (this.#dispatching) {
      // Ended inside `dispatch` (a mock, a refused header): go on a microtask later, as the
      // stages would, so an abort made right after the call still wins over the answer.
      queueMicrotask(() => this.#hopEnded(answer, error));
      return;
    }
    this.#hopEnded(answer, error);
  }

  #hopEnded(answer: HopAnswer | undefined, error: unknown): void {
    const state = this.#state;
    let response: RawHttpResponse;
    try {
      if (answer === undefined) throw error;
      response = toResponse(answer, state, this.#context);
    } catch (caught) {
      this.#attemptEnded(undefined, caught);
      return;
    }
    if (!isRedirect(response)) {
      this.#attemptEnded(response, undefined);
      return;
    }
    followRedirects(this.#context, state, response, this.#steps.belowRedirects).then(
      (last) => this.#attemptEnded(last, undefined),
      (caught: unknown) => this.#attemptEnded(undefined, caught),
    );
  }

  /** The first attempt ended, as the attempt and rate-limit stages end one. */
  #attemptEnded(response: RawHttpResponse | undefined, caught: unknown): void {
    const state = this.#state;
    const { pipeline } = this.#context;
    this.#inFirstAttempt = false;
    if (this.#stopDeadline === undefined) stopSharedDeadline(this);
    else this.#stopDeadline();
    state.attempt = undefined;
    this.#release();
    if (response === undefined) {
      this.#retry(toApiCallError(caught, state, this.#attempt, pipeline.redactor));
      return;
    }
    const durationMs = Math.max(0, pipeline.clock.now() - this.#startedAt);
    response.durationMs = durationMs;
    state.lastDurationMs = durationMs;
    // As the retry loop: an abort during the attempt wins over its result (below the cache,
    // the abort of the shared flight).
    if (this.miss === undefined ? this.#signal?.aborted === true : this.#abandoned) {
      this.#retry(this.miss === undefined ? this.#signal?.reason : this.#attempt.reason);
      return;
    }
    this.#answered(response);
  }

  /** The retry loop takes over from attempt 2, with the first attempt's failure as attempt 1. */
  #retry(firstError: unknown): void {
    const miss = this.miss;
    if (miss !== undefined && this.#abandoned) {
      // Nobody waits: the stages would stop here too (the flight's signal has aborted).
      miss.reject(firstError);
      return;
    }
    const state = this.#state;
    if (miss !== undefined) {
      this.#flightController = new AbortController();
      state.signal = this.#flightController.signal;
    }
    const belowRetry = this.#steps.belowRetry;
    retryAfterFirstFailure(
      firstError,
      (attempt) => {
        state.attemptNumber = attempt;
        return belowRetry(state);
      },
      retryOptionsOf(this.#context, state),
    ).then(
      (response) => this.#answered(response),
      (error: unknown) => this.#failed(error),
    );
  }

  #answered(response: RawHttpResponse): void {
    const miss = this.miss;
    if (miss === undefined) {
      this.#settle(response, undefined);
      return;
    }
    const ttlMs = this.#context.cacheTtlMs ?? 0;
    let storing: Promise<void> | undefined;
    try {
      storing = this.#context.pipeline.cache?.storeAnswer(
        this.#state.cacheKey as string,
        response,
        ttlMs,
      );
    } catch (error) {
      this.#failed(error);
      return;
    }
    if (storing === undefined) this.#served(response);
    else
      storing.then(
        () => this.#served(response),
        (error: unknown) => this.#failed(error),
      );
  }

  #served(response: RawHttpResponse): void {
    this.miss?.resolve({ response, fromCache: false, notModified: false });
    this.#settle(response, undefined);
  }

  #failed(error: unknown): void {
    const miss = this.miss;
    if (miss === undefined) {
      this.#settle(undefined, error);
      return;
    }
    miss.reject(error);
    // As the cache stage: a caller that aborted sees its cancellation.
    const signal = this.#signal;
    this.#settle(
      undefined,
      signal?.aborted === true && !ApiCallError.isInstance(error)
        ? cancelledError(
            { method: this.#state.method, url: this.#state.redactedUrl },
            signal.reason,
          )
        : error,
    );
  }

  #settle(response: RawHttpResponse | undefined, error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    if (this.#signal !== undefined) unwatchAbort(this.#signal, this);
    if (response === undefined) this.#reject?.(error);
    else this.#resolve?.(response);
  }
}

function noop(): void {}
