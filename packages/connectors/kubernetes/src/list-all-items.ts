import { ApiCallError, type HttpClient, type QueryParameters } from '@evidencekit/core/connector';
import type { z } from 'zod';

/** Items per chunk, as kubectl asks for. */
export const LIST_CHUNK_SIZE = 500;

interface ListPage<Item> {
  metadata?: { continue?: string | null | undefined } | null | undefined;
  items: Item[];
}

/**
 * Reads every chunk of a Kubernetes list (`limit` and `continue`). An expired `continue`
 * token answers 410 Gone: the list is read again from the start once, since a partial list
 * must never be taken for a whole; a second expiry is an `ApiCallError` with code
 * `list_expired` and reason `transient`.
 */
export async function listAllItems<Item, Page extends ListPage<Item>>(
  client: HttpClient,
  request: { path: string; query: QueryParameters; schema: z.ZodType<Page> },
): Promise<Item[]> {
  for (let attempt = 1; ; attempt += 1) {
    const items: Item[] = [];
    let chunks = 0;
    try {
      for await (const page of client.paginatePages<Page>(
        {
          path: request.path,
          query: { ...request.query, limit: LIST_CHUNK_SIZE },
          schema: request.schema,
        },
        {
          type: 'cursor',
          cursorParameter: 'continue',
          nextCursor: (chunk) => chunk.data.metadata?.continue,
        },
      )) {
        chunks += 1;
        items.push(...page.data.items);
      }
      return items;
    } catch (error) {
      // Only a 410 on a continuation means "token expired"; on the first chunk it is an answer.
      const expired = ApiCallError.isInstance(error) && error.status === 410 && chunks > 0;
      if (!expired) throw error;
      if (attempt >= 2) {
        throw new ApiCallError({
          name: 'ApiCallError',
          code: 'list_expired',
          message: `${error.method} ${error.url}: the list changed faster than it could be read (410 Gone on the continue token, twice); try again later.`,
          reason: 'transient',
          isRetryable: true,
          url: error.url,
          method: error.method,
          status: 410,
          cause: error,
        });
      }
    }
  }
}
