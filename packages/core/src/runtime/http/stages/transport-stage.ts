import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { ApiCallError, type ApiCallFailureReason } from '../../../errors/api-call-error';
import { ResponseTooLargeError } from '../../../errors/response-too-large-error';
import { parseRetryAfter } from '../../retry/parse-retry-after';
import { classifyHttpStatus } from '../classify-http-status';
import type { ClientContext } from '../client-context';
import { bodyExcerpt, stringHeaders } from '../parse-response-body';
import type { RawHttpResponse } from '../raw-http-response';
import { BodyLimitExceeded, readBodyWithLimit } from '../read-body-with-limit';
import type { RequestState } from '../request-state';
import type { SendStep } from './request-stage';

/** Statuses that are redirects when they carry a `Location`. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Largest error body read: enough for any provider's explanation. */
export const ERROR_BODY_LIMIT = 64 * 1024;

const FAILURE_REASONS: ReadonlySet<string> = new Set<ApiCallFailureReason>([
  'auth',
  'forbidden',
  'not_found',
  'rate_limited',
  'timeout',
  'transient',
  'invalid_response',
  'config',
  'connector_error',
]);

/** What one hop read: the status, headers, and the body text or the limit it crossed. */
export interface HopAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | BodyLimitExceeded;
}

/**
 * The last step: sends the current hop and reads the answer under the size cap. A redirect
 * comes back unread (the redirect stage follows it); an answer comes back as text; an error
 * status becomes an `ApiCallError` here, after the client's `describeError` hook had its say,
 * so the retry decision sees the provider's meaning.
 *
 * Pools the runtime owns (and any dispatcher with `dispatch`) are driven with a handler, as
 * undici's own `request()` is, without a body stream; a stand-in with only `request()` takes
 * the stream path.
 */
export function createTransport(context: ClientContext): SendStep {
  const { pipeline } = context;
  return (state) => {
    const hop = state.hop;
    let dispatcher: Dispatcher;
    try {
      dispatcher = pipeline.dispatchers.forOrigin(hop.origin, context.connection);
    } catch (error) {
      return Promise.reject(error);
    }
    const sent =
      typeof dispatcher.dispatch === 'function'
        ? dispatchHop(dispatcher, state)
        : requestHop(dispatcher, state);
    return sent.then((answer) => toResponse(answer, state, context));
  };
}

/** One hop through `Dispatcher.dispatch`: one handler, one promise, no body stream. */
function dispatchHop(dispatcher: Dispatcher, state: RequestState): Promise<HopAnswer> {
  return new Promise<HopAnswer>((resolve, reject) => {
    dispatchHopWith(dispatcher, state, {
      hopDone(answer, error) {
        if (answer === undefined) reject(error);
        else resolve(answer);
      },
    });
  });
}

/** Receives the end of one hop: what it read, or the error. */
export interface HopReceiver {
  hopDone(answer: HopAnswer | undefined, error: unknown): void;
}

/**
 * Sends the current hop through `Dispatcher.dispatch` and tells `receiver` once, with what it
 * read or with the error (a transport failure, the attempt's abort reason). No promise: the
 * fast path settles its request from the receiver.
 */
export function dispatchHopWith(
  dispatcher: Dispatcher,
  state: RequestState,
  receiver: HopReceiver,
): void {
  const handler = new HopHandler(state, receiver);
  const attempt = state.attempt;
  attempt?.onAbort((reason) => handler.abort(reason));
  if (handler.settled) return;
  const hop = state.hop;
  try {
    dispatcher.dispatch(
      {
        origin: hop.origin,
        path: hop.path,
        method: state.method as Dispatcher.HttpMethod,
        headers: state.hopHeaders,
        body: state.body ?? null,
      },
      handler,
    );
  } catch (error) {
    // An invalid header or method: undici refuses it synchronously.
    handler.finish(undefined, error);
  }
}

/**
 * undici's handler of one hop, as one object (its fields instead of a closure per callback):
 * the status and headers, the body under the size cap, and the end told to the receiver once.
 */
class HopHandler implements Dispatcher.DispatchHandler {
  settled = false;
  readonly #state: RequestState;
  // Let go once told: undici may hold a handler after its request ended, and what it
  // references would outlive the request (and be copied by every young-generation GC).
  #receiver: HopReceiver | undefined;
  #controller: Dispatcher.DispatchController | undefined = undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  #limit: number;
  #chunks: Buffer[] = [];
  #total = 0;

  constructor(state: RequestState, receiver: HopReceiver) {
    this.#state = state;
    this.#receiver = receiver;
    this.#limit = state.maxBytes;
  }

  finish(answer: HopAnswer | undefined, error?: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.#state.attempt?.onAbort(undefined);
    const receiver = this.#receiver;
    this.#receiver = undefined;
    this.#chunks = [];
    receiver?.hopDone(answer, error);
  }

  abort(reason: unknown): void {
    this.finish(undefined, reason);
    this.#controller?.abort(abortError(reason));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    // Aborted while queued in the pool: stop before anything is sent.
    if (this.settled) controller.abort(abortError(this.#state.attempt?.reason));
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    rawHeaders: Record<string, string | string[] | undefined>,
  ): void {
    if (this.settled || statusCode < 200) return;
    const state = this.#state;
    const status = statusCode;
    const headers = normalizeHeaders(rawHeaders);
    this.#status = status;
    this.#headers = headers;
    if (REDIRECT_STATUSES.has(status) && headers.location !== undefined) {
      // The redirect body is not read; aborting the rest closes this connection.
      this.finish({ status, headers, body: '' });
      controller.abort(new Error('redirect body not read'));
      return;
    }
    const limit = isAnswer(status, state)
      ? state.maxBytes
      : Math.min(state.maxBytes, ERROR_BODY_LIMIT);
    this.#limit = limit;
    const announced = Number(headers['content-length']);
    if (Number.isFinite(announced) && announced > limit) {
      this.finish({ status, headers, body: new BodyLimitExceeded(limit, announced) });
      controller.abort(new Error('body over the limit'));
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    this.#total += chunk.length;
    if (this.#total > this.#limit) {
      this.#chunks = [];
      this.finish({
        status: this.#status,
        headers: this.#headers,
        body: new BodyLimitExceeded(this.#limit),
      });
      controller.abort(new Error('body over the limit'));
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    const chunks = this.#chunks;
    const body =
      chunks.length === 1
        ? (chunks[0] as Buffer).toString('utf8')
        : Buffer.concat(chunks, this.#total).toString('utf8');
    this.finish({ status: this.#status, headers: this.#headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.finish(undefined, error);
  }
}

/** One hop through `Dispatcher.request` and its body stream (dispatchers without `dispatch`). */
async function requestHop(dispatcher: Dispatcher, state: RequestState): Promise<HopAnswer> {
  const hop = state.hop;
  const signal = state.attempt?.signal;
  const response = await dispatcher.request({
    origin: hop.origin,
    path: hop.path,
    method: state.method as Dispatcher.HttpMethod,
    headers: state.hopHeaders,
    body: state.body ?? null,
    ...(signal === undefined ? {} : { signal }),
  });
  const headers = normalizeHeaders(response.headers);
  const status = response.statusCode;
  if (REDIRECT_STATUSES.has(status) && headers.location !== undefined) {
    // Destroying the unread body aborts the request; undici reports that on the stream.
    response.body.on('error', () => {});
    response.body.destroy();
    return { status, headers, body: '' };
  }
  const limit = isAnswer(status, state)
    ? state.maxBytes
    : Math.min(state.maxBytes, ERROR_BODY_LIMIT);
  const body = await readBodyWithLimit(response.body as Readable, {
    limitBytes: limit,
    ...(headers['content-length'] === undefined
      ? {}
      : { contentLength: headers['content-length'] }),
  });
  return { status, headers, body };
}

function isAnswer(status: number, state: RequestState): boolean {
  return (status >= 200 && status < 300) || state.acceptStatus.has(status);
}

/** The hop's answer as a raw response, or the typed error of an error status. */
export function toResponse(
  answer: HopAnswer,
  state: RequestState,
  context: ClientContext,
): RawHttpResponse {
  const { status, headers, body } = answer;
  const { pipeline } = context;
  pipeline.rateLimiter.observe(state.hop.origin, headers);
  const redirect = REDIRECT_STATUSES.has(status) && headers.location !== undefined;
  if (redirect) return { status, headers, body: '' };
  const answered = isAnswer(status, state);
  // Redacted headers are for errors only: a successful answer never pays for them.
  const redactedHeaders = () => stringHeaders(pipeline.redactor.redactHeaders(headers));
  if (body instanceof BodyLimitExceeded && answered) {
    throw new ResponseTooLargeError({
      url: state.redactedUrl,
      method: state.method,
      status,
      headers: redactedHeaders(),
      limitBytes: body.limitBytes,
      ...(body.announcedBytes === undefined ? {} : { announcedBytes: body.announcedBytes }),
    });
  }
  const text = typeof body === 'string' ? body : '';
  // The hop's answer object becomes the response: its body is the text.
  if (answered) return answer as RawHttpResponse;

  const classification = classifyHttpStatus(status, headers);
  const described = describe(state, context, {
    status,
    headers,
    body: text,
    method: state.method,
    reason: classification.reason,
    retryable: classification.isRetryable,
  });
  const reason = described?.reason ?? classification.reason;
  const retryable = described?.retryable ?? classification.isRetryable;
  const retryAfterMs = retryable ? parseRetryAfter(headers, pipeline.clock.now()) : undefined;
  const detail =
    described?.detail === undefined || described.detail === ''
      ? ''
      : ` ${pipeline.redactor.redactText(described.detail)}`;
  throw new ApiCallError({
    message: `${state.method} ${state.redactedUrl} failed with status ${status} (${reason}).${detail}`,
    reason,
    isRetryable: retryable,
    url: state.redactedUrl,
    method: state.method,
    status,
    headers: redactedHeaders(),
    bodyExcerpt: bodyExcerpt(text, pipeline.redactor),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/**
 * Asks the request's hook, then the client's. A hook that throws, or names a reason that is
 * not one, is ignored: the status's classification stands, never an uncaught error.
 */
function describe(
  state: RequestState,
  context: ClientContext,
  answer: Parameters<NonNullable<RequestState['describeError']>>[0],
) {
  for (const hook of [state.describeError, context.options.describeError]) {
    if (hook === undefined) continue;
    let described: ReturnType<typeof hook>;
    try {
      described = hook(answer);
    } catch {
      continue;
    }
    if (described === undefined || described === null) continue;
    return {
      ...(typeof described.reason === 'string' && FAILURE_REASONS.has(described.reason)
        ? { reason: described.reason }
        : {}),
      ...(typeof described.retryable === 'boolean' ? { retryable: described.retryable } : {}),
      ...(typeof described.detail === 'string' ? { detail: described.detail } : {}),
    };
  }
  return undefined;
}

/** Lower-case names, repeated headers joined with `, `. */
function normalizeHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const output: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    output[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return output;
}

/** undici's controller takes an Error; an abort reason may be anything. */
function abortError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error('The request was aborted.');
}
