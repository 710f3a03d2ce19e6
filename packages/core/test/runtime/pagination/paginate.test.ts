import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/errors/api-call-error';
import { PaginationLoopError } from '../../../src/errors/pagination-loop-error';
import type { HttpClient, PaginatedRequest } from '../../../src/runtime/http/http-client';
import type { PaginationStrategy } from '../../../src/runtime/pagination/paginate';
import { CANARY, createTestRuntime, ORIGIN } from '../support/test-runtime';

interface ItemsPage {
  items: number[];
  next?: string | null;
}

async function collect(iterable: AsyncIterable<number>, into: number[] = []): Promise<number[]> {
  for await (const item of iterable) into.push(item);
  return into;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
}

function link(path: string): Record<string, string> {
  return { link: `<${ORIGIN}${path}>; rel="next", <${ORIGIN}/items?page=9>; rel="last"` };
}

/** The items of every page, each page being `{ items: number[] }`. */
function itemsOf(
  client: HttpClient,
  request: PaginatedRequest<ItemsPage>,
  strategy: PaginationStrategy<ItemsPage>,
): AsyncIterable<number> {
  return client.paginate<ItemsPage, number>(request, strategy, (page) => page.items);
}

describe('pagination through the HTTP client', () => {
  it('follows the Link header rel="next" across pages, exactly as linked', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/items?per_page=2&page=1', method: 'GET' })
      .reply(200, { items: [1, 2] }, { headers: link('/items?per_page=2&page=2') });
    pool
      .intercept({ path: '/items?per_page=2&page=2', method: 'GET' })
      .reply(200, { items: [3, 4] }, { headers: link('/items?per_page=2&page=3') });
    pool.intercept({ path: '/items?per_page=2&page=3', method: 'GET' }).reply(200, { items: [5] });
    const client = bound().http({ baseUrl: ORIGIN });
    const items = await collect(
      itemsOf(client, { path: '/items', query: { per_page: 2, page: 1 } }, { type: 'link' }),
    );
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at a next link marked results="false"', async () => {
    const { pool, bound } = createTestRuntime();
    pool.intercept({ path: '/events', method: 'GET' }).reply(
      200,
      { items: [1] },
      {
        headers: {
          link: `<${ORIGIN}/events?cursor=0:100:0>; rel="next"; results="false"; cursor="0:100:0"`,
        },
      },
    );
    const client = bound().http({ baseUrl: ORIGIN });
    expect(await collect(itemsOf(client, { path: '/events' }, { type: 'link' }))).toEqual([1]);
  });

  it('sends the cursor read from each page', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/c?limit=2', method: 'GET' })
      .reply(200, { items: [1, 2], next: 'abc' });
    pool
      .intercept({ path: '/c?limit=2&after=abc', method: 'GET' })
      .reply(200, { items: [3], next: null });
    const client = bound().http({ baseUrl: ORIGIN });
    const items = await collect(
      itemsOf(
        client,
        { path: '/c', query: { limit: 2 } },
        {
          type: 'cursor',
          cursorParameter: 'after',
          nextCursor: (page) => page.data.next,
        },
      ),
    );
    expect(items).toEqual([1, 2, 3]);
  });

  it('counts pages with x-next-page until it is empty', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/p?page=1', method: 'GET' })
      .reply(200, { items: [1] }, { headers: { 'x-next-page': '2' } });
    pool
      .intercept({ path: '/p?page=2', method: 'GET' })
      .reply(200, { items: [2] }, { headers: { 'x-next-page': '3' } });
    pool
      .intercept({ path: '/p?page=3', method: 'GET' })
      .reply(200, { items: [3] }, { headers: { 'x-next-page': '' } });
    const client = bound().http({ baseUrl: ORIGIN });
    expect(await collect(itemsOf(client, { path: '/p' }, { type: 'page' }))).toEqual([1, 2, 3]);
  });

  it('fails with page_limit past maxPages instead of returning a partial list as whole', async () => {
    const { pool, bound } = createTestRuntime();
    for (let page = 1; page <= 2; page++) {
      pool
        .intercept({ path: `/many?page=${page}`, method: 'GET' })
        .reply(200, { items: [page] }, { headers: { 'x-next-page': String(page + 1) } });
    }
    const client = bound().http({ baseUrl: ORIGIN });
    const seen: number[] = [];
    const error = await rejection(
      collect(itemsOf(client, { path: '/many', maxPages: 2 }, { type: 'page' }), seen),
    );
    expect(PaginationLoopError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'page_limit', pagesRead: 2, reason: 'invalid_response' });
    expect(seen).toEqual([1, 2]);
  });

  it('reads exactly maxPages pages without an error when the list ends there', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/two?page=1', method: 'GET' })
      .reply(200, { items: [1] }, { headers: { 'x-next-page': '2' } });
    pool.intercept({ path: '/two?page=2', method: 'GET' }).reply(200, { items: [2] });
    const client = bound().http({ baseUrl: ORIGIN });
    expect(await collect(itemsOf(client, { path: '/two', maxPages: 2 }, { type: 'page' }))).toEqual(
      [1, 2],
    );
  });

  it.each([
    [
      'a next link seen before',
      'repeated_url',
      (pool: ReturnType<typeof createTestRuntime>['pool']) => {
        pool
          .intercept({ path: '/l', method: 'GET' })
          .reply(200, { items: [1] }, { headers: link('/l?page=2') });
        pool
          .intercept({ path: '/l?page=2', method: 'GET' })
          .reply(200, { items: [2] }, { headers: link('/l?page=2') });
      },
      { type: 'link' } as const,
    ],
    [
      'a cursor seen before',
      'repeated_cursor',
      (pool: ReturnType<typeof createTestRuntime>['pool']) => {
        pool.intercept({ path: '/l', method: 'GET' }).reply(200, { items: [1], next: 'same' });
        pool
          .intercept({ path: '/l?cursor=same', method: 'GET' })
          .reply(200, { items: [2], next: 'same' });
      },
      {
        type: 'cursor',
        cursorParameter: 'cursor',
        nextCursor: (page: { data: unknown }) => (page.data as ItemsPage).next,
      } as const,
    ],
    [
      'a page number pointing back',
      'repeated_url',
      (pool: ReturnType<typeof createTestRuntime>['pool']) => {
        pool
          .intercept({ path: '/l?page=1', method: 'GET' })
          .reply(200, { items: [1] }, { headers: { 'x-next-page': '2' } });
        pool
          .intercept({ path: '/l?page=2', method: 'GET' })
          .reply(200, { items: [2] }, { headers: { 'x-next-page': '1' } });
      },
      { type: 'page' } as const,
    ],
  ])('stops a loop on %s', async (_name, kind, intercept, strategy) => {
    const { pool, bound } = createTestRuntime();
    intercept(pool);
    const client = bound().http({ baseUrl: ORIGIN });
    const error = await rejection(
      collect(itemsOf(client, { path: '/l' }, strategy as PaginationStrategy<ItemsPage>)),
    );
    expect(PaginationLoopError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind, pagesRead: 2 });
  });

  it('refuses a next link on another origin and never sends the credential there', async () => {
    const { agent, pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/x', method: 'GET' })
      .reply(
        200,
        { items: [1] },
        { headers: { link: `<https://evil.test/x?page=2&token=${CANARY}>; rel="next"` } },
      );
    const evil = agent.get('https://evil.test');
    evil.intercept({ path: () => true, method: 'GET' }).reply(200, { items: [666] });
    const client = bound().http({ baseUrl: ORIGIN, auth: { type: 'bearer', token: 'env:TOKEN' } });
    const seen: number[] = [];
    const error = await rejection(collect(itemsOf(client, { path: '/x' }, { type: 'link' }), seen));
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'config', isRetryable: false });
    expect((error as Error).message).toContain('another origin');
    expect(JSON.stringify(error)).not.toContain(CANARY);
    expect((error as Error).message).not.toContain(CANARY);
    expect(seen).toEqual([1]);
    // The other origin's interceptor is still pending: nothing was sent there.
    expect(
      agent.pendingInterceptors().some((interceptor) => interceptor.origin === 'https://evil.test'),
    ).toBe(true);
  });

  it('yields pages with their headers through paginatePages', async () => {
    const { pool, bound } = createTestRuntime();
    pool
      .intercept({ path: '/pp', method: 'GET' })
      .reply(200, { items: [1] }, { headers: { ...link('/pp?page=2'), 'x-total': '2' } });
    pool
      .intercept({ path: '/pp?page=2', method: 'GET' })
      .reply(200, { items: [2] }, { headers: { 'x-total': '2' } });
    const client = bound().http({ baseUrl: ORIGIN });
    const pages: Array<{ url: string; total: string | undefined }> = [];
    for await (const page of client.paginatePages<ItemsPage>({ path: '/pp' }, { type: 'link' })) {
      pages.push({ url: page.url, total: page.headers['x-total'] });
    }
    expect(pages).toEqual([
      { url: `${ORIGIN}/pp`, total: '2' },
      { url: `${ORIGIN}/pp?page=2`, total: '2' },
    ]);
  });
});
