import type { z } from 'zod';
import { InvalidResponseError, type ResponseIssue } from '../../errors/invalid-response-error';
import type { Redactor } from '../redaction/redactor';
import type { RawHttpResponse } from './raw-http-response';

/** Longest body excerpt an error keeps. */
export const BODY_EXCERPT_LIMIT = 1024;

/** The redacted start of a body, at most 1 KB, for error reports. */
export function bodyExcerpt(body: string, redactor: Redactor): string {
  // Redact before cutting, so a secret split by the cut is still recognised.
  const redacted = redactor.redactText(body.slice(0, BODY_EXCERPT_LIMIT * 4));
  return redacted.length > BODY_EXCERPT_LIMIT
    ? `${redacted.slice(0, BODY_EXCERPT_LIMIT - 1)}…`
    : redacted;
}

/**
 * Turns a response body into data: JSON (an empty body is `undefined`) or text, validated
 * with `schema` when given. A body that is not JSON, or data that does not match, becomes an
 * `InvalidResponseError` naming the schema paths, with a redacted excerpt of the body. The
 * parser's own error is not kept as the cause: its message can quote the body.
 */
export function parseResponseBody<T>(
  response: RawHttpResponse,
  options: {
    schema?: z.ZodType<T> | undefined;
    responseType: 'json' | 'text';
    /** The request, for errors: its method and redacted URL (read only when the body is refused). */
    request: { readonly method: string; readonly redactedUrl: string };
    redactor: Redactor;
  },
): T {
  const { request } = options;
  let value: unknown;
  if (options.responseType === 'text') {
    value = response.body;
  } else if (isBlank(response.body)) {
    value = undefined;
  } else {
    try {
      value = JSON.parse(response.body);
    } catch {
      throw new InvalidResponseError({
        ...refusedContext(response, options),
        message: `${request.method} ${request.redactedUrl}: the response body is not valid JSON.`,
        bodyExcerpt: bodyExcerpt(response.body, options.redactor),
      });
    }
  }
  if (options.schema === undefined) return value as T;

  const result = options.schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ResponseIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: options.redactor.redactText(issue.message),
  }));
  const shown = issues.slice(0, 5).map((issue) => `${issue.path} (${issue.message})`);
  const more = issues.length > shown.length ? ` and ${issues.length - shown.length} more` : '';
  throw new InvalidResponseError({
    ...refusedContext(response, options),
    message:
      `${request.method} ${request.redactedUrl}: the response does not match the expected shape at ` +
      `${shown.join(', ')}${more}.`,
    bodyExcerpt: bodyExcerpt(response.body, options.redactor),
    issues,
  });
}

/** True when `text` has nothing but whitespace, found without copying it as `trim()` does. */
function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/** Flattens redacted headers to single strings. */
export function stringHeaders(headers: Record<string, string | string[]>): Record<string, string> {
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    output[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return output;
}

/**
 * What an `InvalidResponseError` says about the answer it refused: built only then, since
 * redacting headers costs more than parsing a small body.
 */
function refusedContext(
  response: RawHttpResponse,
  options: {
    request: { readonly method: string; readonly redactedUrl: string };
    redactor: Redactor;
  },
) {
  return {
    method: options.request.method,
    url: options.request.redactedUrl,
    status: response.status,
    headers: stringHeaders(options.redactor.redactHeaders(response.headers)),
  };
}
