import type { z } from 'zod';
import { RequestError } from './request-error';

// Fields a caller may expect to send but that belong to the server's configuration.
const SERVER_SIDE_FIELDS: Readonly<Record<string, string>> = {
  policy: 'the release policy is configured on the server',
  targets: 'targets come from the server’s catalog, selected by service and environment',
  connector: 'targets come from the server’s catalog, selected by service and environment',
  settings: 'connector settings are configured on the server',
  baseUrl: 'provider URLs are configured on the server',
  url: 'provider URLs are configured on the server',
  token: 'credentials are configured on the server',
};

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    text +=
      typeof segment === 'number' ? `[${segment}]` : `${text === '' ? '' : '.'}${String(segment)}`;
  }
  return text;
}

/**
 * Validates a request body against a schema and turns the first problem into a 400 that
 * names the field. Messages come from the schema, never from the request's values.
 *
 * @throws RequestError 400 naming the field.
 */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  if (issue === undefined) {
    throw new RequestError({
      status: 400,
      code: 'invalid_body',
      message: 'The body is not valid.',
    });
  }
  if (issue.code === 'unrecognized_keys') {
    const [key = ''] = issue.keys;
    const field = formatPath([...issue.path, key]);
    const why = Object.hasOwn(SERVER_SIDE_FIELDS, key) ? `: ${SERVER_SIDE_FIELDS[key]}` : '';
    throw new RequestError({
      status: 400,
      code: 'unknown_field',
      message: `${field}: this field is not accepted${why}.`,
      field,
    });
  }
  const field = formatPath(issue.path);
  throw new RequestError({
    status: 400,
    code: 'invalid_body',
    message: `${field === '' ? 'body' : field}: ${issue.message}.`,
    ...(field === '' ? {} : { field }),
  });
}
