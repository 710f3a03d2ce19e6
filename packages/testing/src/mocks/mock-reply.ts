import { delay, HttpResponse, type JsonBodyType } from 'msw';

interface ReplyBase {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** Waits this long (real time) before answering. Prefer `hang` or fault scenarios in tests. */
  delayMs?: number;
}

/**
 * How a mocked provider answers one request: a JSON or text body with a status and headers,
 * a network error (connection reset), a request that never answers until it is aborted, or
 * any `Response`.
 */
export type MockReply =
  | (ReplyBase & {
      /** A JSON body (sent with `content-type: application/json`). */
      json?: JsonBodyType;
      /** A raw text body, e.g. malformed JSON. Ignored when `json` is set. */
      text?: string;
    })
  | { networkError: true }
  | { hang: true }
  | Response;

/** What a reply function receives. */
export interface MockReplyContext {
  request: Request;
  /** Path parameters of the route, e.g. `{ owner: 'acme' }`. */
  params: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** 1 for the first request to this route, 2 for the second, … */
  call: number;
}

/**
 * One route's behaviour: a reply, a sequence of replies (one per call; the last repeats), or a
 * function of the request.
 */
export type MockRoute =
  | MockReply
  | readonly MockReply[]
  | ((context: MockReplyContext) => MockReply | Promise<MockReply>);

/** Picks the reply for a call and turns it into a `Response`. */
export async function resolveMockRoute(
  route: MockRoute,
  context: MockReplyContext,
): Promise<Response> {
  let reply: MockReply | undefined;
  if (typeof route === 'function') reply = await route(context);
  else if (Array.isArray(route)) reply = route[Math.min(context.call, route.length) - 1];
  else reply = route as MockReply;
  if (reply === undefined) throw new TypeError('a mock route sequence must not be empty');
  return toResponse(reply, context.request.signal);
}

/** Turns a reply into a `Response` (waiting or hanging first when it says so). */
export async function toResponse(reply: MockReply, signal: AbortSignal): Promise<Response> {
  if (reply instanceof Response) return reply;
  if ('networkError' in reply) return HttpResponse.error();
  if ('hang' in reply) return hangUntilAborted(signal);
  if (reply.delayMs !== undefined && reply.delayMs > 0) await delay(reply.delayMs);
  const init = {
    status: reply.status ?? 200,
    ...(reply.headers === undefined ? {} : { headers: reply.headers }),
  };
  if (reply.json !== undefined) return HttpResponse.json(reply.json, init);
  if (reply.text !== undefined) return new HttpResponse(reply.text, init);
  return new HttpResponse(null, init);
}

/**
 * Never settles unless the request is aborted; then answers with a network error (which the
 * aborted client ignores), so msw does not log the abort as a handler exception.
 */
export function hangUntilAborted(signal: AbortSignal): Promise<Response> {
  return new Promise<Response>((resolve) => {
    if (signal.aborted) resolve(HttpResponse.error());
    else signal.addEventListener('abort', () => resolve(HttpResponse.error()), { once: true });
  });
}
