import { EvidencekitError, hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.pagination-loop');

/** What stopped the pagination. */
export type PaginationLoopKind = 'repeated_url' | 'repeated_cursor' | 'page_limit';

/**
 * Pagination would not end: the provider sent a next link or cursor already seen, or there
 * are more pages than the cap allows. Reading a partial list could hide data, so this is an
 * error (`invalid_response`), never a silent stop and never a hang.
 */
export class PaginationLoopError extends EvidencekitError {
  readonly [marker] = true;
  readonly kind: PaginationLoopKind;
  /** Pages read before stopping. */
  readonly pagesRead: number;

  constructor(options: { kind: PaginationLoopKind; pagesRead: number; message: string }) {
    super({
      name: 'PaginationLoopError',
      code: 'pagination_loop',
      reason: 'invalid_response',
      message: options.message,
    });
    this.kind = options.kind;
    this.pagesRead = options.pagesRead;
  }

  static override isInstance(error: unknown): error is PaginationLoopError {
    return hasMarker(error, marker);
  }
}
