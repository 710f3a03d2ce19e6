import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';

/** A request the controlled dispatcher holds until the test answers it. */
export interface HeldRequest {
  origin: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  /** Answers the request. */
  respond(status: number, body?: unknown, headers?: Record<string, string>): void;
}

/**
 * An undici dispatcher stand-in whose requests stay pending until the test answers them, so
 * concurrency, single-flight and aborts are observed deterministically without timers. It
 * counts requests in flight and the most seen at once.
 */
export function createControlledDispatcher() {
  const held: HeldRequest[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let total = 0;

  function notify(): void {
    for (const waiter of [...waiters]) {
      if (held.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  const dispatcher = {
    request(options: {
      origin: string;
      path: string;
      method: string;
      headers: Record<string, string>;
      signal?: AbortSignal;
    }): Promise<Dispatcher.ResponseData> {
      total += 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise((resolve, reject) => {
        let settled = false;
        const entry: HeldRequest = {
          origin: options.origin,
          path: options.path,
          method: options.method,
          headers: options.headers,
          respond(status, body = {}, headers = {}) {
            if (settled) return;
            settled = true;
            inFlight -= 1;
            held.splice(held.indexOf(entry), 1);
            const text = typeof body === 'string' ? body : JSON.stringify(body);
            resolve({
              statusCode: status,
              headers: { 'content-type': 'application/json', ...headers },
              body: Readable.from([Buffer.from(text)]),
            } as unknown as Dispatcher.ResponseData);
          },
        };
        options.signal?.addEventListener(
          'abort',
          () => {
            if (settled) return;
            settled = true;
            inFlight -= 1;
            held.splice(held.indexOf(entry), 1);
            reject(options.signal?.reason);
          },
          { once: true },
        );
        held.push(entry);
        notify();
      });
    },
  };

  return {
    dispatcher: dispatcher as unknown as Dispatcher,
    /** Requests waiting for an answer, oldest first. */
    held,
    /** Resolves once at least `count` requests are held. */
    whenHeld(count: number): Promise<void> {
      return new Promise((resolve) => {
        waiters.push({ count, resolve });
        notify();
      });
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    /** Requests received so far. */
    get total() {
      return total;
    },
  };
}
