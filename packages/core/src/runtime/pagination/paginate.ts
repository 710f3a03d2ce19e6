import type {
  PageRequest,
  PageResponse,
  PaginationLimits,
  PaginationStrategy,
} from '../../contract/v1/http-client-v1';
import { PaginationLoopError } from '../../errors/pagination-loop-error';
import { nextLinkUrl } from './link-header';

export type { PageRequest, PageResponse, PaginationLimits, PaginationStrategy };

/**
 * Reads pages one after another as an async iterable. Stops at the last page; a next link
 * or cursor already seen, or more than `maxPages` pages, is a `PaginationLoopError`, so a
 * provider that loops never hangs collection and a partial list is never taken for a whole.
 */
export async function* paginatePages<TPage>(
  fetchPage: (request: PageRequest) => Promise<PageResponse<TPage>>,
  first: PageRequest,
  strategy: PaginationStrategy<TPage>,
  limits: PaginationLimits = {},
): AsyncGenerator<PageResponse<TPage>, void, undefined> {
  const maxPages = limits.maxPages ?? 50;
  const seen = new Set<string>();
  let request: PageRequest | undefined = first;
  let pagesRead = 0;
  let pageNumber = strategy.type === 'page' ? (strategy.firstPage ?? 1) : 0;
  if (strategy.type === 'page') {
    request = {
      ...first,
      query: { ...first.query, [strategy.pageParameter ?? 'page']: pageNumber },
    };
  }

  while (request !== undefined) {
    if (pagesRead >= maxPages) {
      throw new PaginationLoopError({
        kind: 'page_limit',
        pagesRead,
        message: `Pagination stopped after ${pagesRead} pages, the most allowed; the list is incomplete. Narrow the query or raise maxPages.`,
      });
    }
    const page = await fetchPage(request);
    pagesRead += 1;
    yield page;

    switch (strategy.type) {
      case 'link': {
        const next = nextLinkUrl(page.headers.link);
        if (next !== undefined) guardRepeat(seen, next, 'repeated_url', pagesRead);
        request = next === undefined ? undefined : { path: next };
        break;
      }
      case 'cursor': {
        const cursor = strategy.nextCursor(page);
        if (cursor === undefined || cursor === null || cursor === '') {
          request = undefined;
          break;
        }
        guardRepeat(seen, cursor, 'repeated_cursor', pagesRead);
        request = { ...first, query: { ...first.query, [strategy.cursorParameter]: cursor } };
        break;
      }
      case 'page': {
        const next = nextPageNumber(strategy, page, pageNumber);
        if (next === undefined) {
          request = undefined;
          break;
        }
        if (next <= pageNumber) {
          throw new PaginationLoopError({
            kind: 'repeated_url',
            pagesRead,
            message: `Pagination loop: after page ${pageNumber} the provider pointed back to page ${next}.`,
          });
        }
        pageNumber = next;
        request = {
          ...first,
          query: { ...first.query, [strategy.pageParameter ?? 'page']: pageNumber },
        };
        break;
      }
    }
  }
}

function nextPageNumber<TPage>(
  strategy: Extract<PaginationStrategy<TPage>, { type: 'page' }>,
  page: PageResponse<TPage>,
  pageNumber: number,
): number | undefined {
  if (strategy.hasNextPage !== undefined) {
    return strategy.hasNextPage(page, pageNumber) ? pageNumber + 1 : undefined;
  }
  const nextHeader = page.headers['x-next-page'];
  if (nextHeader !== undefined) {
    const next = Number(nextHeader);
    return nextHeader.trim() === '' || !Number.isFinite(next) ? undefined : next;
  }
  const totalHeader = page.headers['x-total-pages'];
  if (totalHeader !== undefined && Number.isFinite(Number(totalHeader))) {
    return pageNumber < Number(totalHeader) ? pageNumber + 1 : undefined;
  }
  if (strategy.isEmpty === undefined) {
    const data: unknown = page.data;
    return Array.isArray(data) && data.length > 0 ? pageNumber + 1 : undefined;
  }
  return strategy.isEmpty(page) ? undefined : pageNumber + 1;
}

function guardRepeat(
  seen: Set<string>,
  value: string,
  kind: 'repeated_url' | 'repeated_cursor',
  pagesRead: number,
): void {
  if (seen.has(value)) {
    throw new PaginationLoopError({
      kind,
      pagesRead,
      message: `Pagination loop: the provider returned the same ${
        kind === 'repeated_url' ? 'next link' : 'cursor'
      } twice after ${pagesRead} pages.`,
    });
  }
  seen.add(value);
}
