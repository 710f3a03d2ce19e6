import { ApiCallError } from '../../../errors/api-call-error';
import { RedirectError, type RedirectFailureKind } from '../../../errors/redirect-error';
import type { ClientContext } from '../client-context';
import type { RawHttpResponse } from '../raw-http-response';
import type { RequestState } from '../request-state';
import { targetOf, urlOf } from '../request-target';
import type { RequestStage, SendStep } from './request-stage';
import { REDIRECT_STATUSES } from './transport-stage';

/**
 * Follows redirects of GET/HEAD within the attempt: at most `maxRedirects`, never in a loop,
 * to another origin only when it is allowed, and then without the credential. Every attempt
 * starts again at the request's own URL.
 */
export function redirectStage(context: ClientContext): RequestStage {
  return {
    name: 'redirects',
    wrap(next) {
      return async (state) => {
        state.hop = state.target;
        state.hopHeaders = state.headers;
        const first = await next(state);
        return isRedirect(first) ? followRedirects(context, state, first, next) : first;
      };
    },
  };
}

/** Whether `response` is a redirect the redirect stage follows (a status and a `Location`). */
export function isRedirect(response: RawHttpResponse): boolean {
  return REDIRECT_STATUSES.has(response.status) && response.headers.location !== undefined;
}

/**
 * Follows the redirects from `first`, the answer of the request's own URL, sending each hop
 * through `next`; the answer of the last hop is returned. Within one attempt (its deadline
 * and abort stay in place).
 */
export async function followRedirects(
  context: ClientContext,
  state: RequestState,
  first: RawHttpResponse,
  next: SendStep,
): Promise<RawHttpResponse> {
  const { redactor } = context.pipeline;
  // Built at the first redirect: most answers have none.
  let chain: string[] | undefined;
  let visited: Set<string> | undefined;
  let response = first;
  for (let redirects = 0; ; redirects++) {
    if (redirects > 0) response = await next(state);
    const status = response.status;
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(status) || location === undefined) return response;

    const current = urlOf(state.hop);
    const nextUrl = parseLocation(location, current);
    if (nextUrl === undefined) {
      // A provider fault, not a connection failure: retrying gets the same header.
      throw new ApiCallError({
        message: `${state.method} ${state.redactedUrl}: the provider redirected (${status}) to a Location that is not a URL.`,
        reason: 'invalid_response',
        isRetryable: false,
        url: state.redactedUrl,
        method: state.method,
        status,
      });
    }
    chain ??= [state.redactedUrl];
    visited ??= new Set([state.target.href]);
    const redirectChain = chain;
    const fail = (kind: RedirectFailureKind, why: string): never => {
      throw new RedirectError({
        kind,
        chain: [...redirectChain, redactor.redactUrl(nextUrl)],
        message: `${state.method} ${state.redactedUrl}: ${why}`,
        url: state.redactedUrl,
        method: state.method,
        status,
      });
    };
    if (state.method !== 'GET' && state.method !== 'HEAD') {
      fail('not_allowed', `the provider redirected a ${state.method}, which is not followed.`);
    }
    if (visited.has(nextUrl.href)) fail('loop', 'the redirects loop.');
    if (redirects >= context.maxRedirects) {
      fail('too_many', `more than ${context.maxRedirects} redirects.`);
    }
    if (nextUrl.origin !== state.target.origin) {
      if (!context.allowedRedirectOrigins.has(nextUrl.origin)) {
        fail('cross_origin', `the provider redirected to another origin (${nextUrl.origin}).`);
      }
      // Credentials belong to the provider's origin only.
      state.hopHeaders = withoutHeader(state.hopHeaders, state.authorizationHeaderName);
    }
    visited.add(nextUrl.href);
    chain.push(redactor.redactUrl(nextUrl));
    state.hop = targetOf(nextUrl);
  }
}

/** A redirect's target, or undefined when the `Location` header does not parse. */
function parseLocation(location: string, from: URL): URL | undefined {
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}

function withoutHeader(
  headers: Record<string, string>,
  name: string | undefined,
): Record<string, string> {
  if (name === undefined) return headers;
  const { [name]: _removed, ...rest } = headers;
  return rest;
}
