/**
 * A token bucket: `capacity` requests per `intervalMs`, refilled continuously. `reserve`
 * always takes a token and says how long to wait for it, so callers that wait are served
 * in order and the bucket never over-commits.
 */
export class TokenBucket {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  #tokens: number;
  #updatedAt: number;

  constructor(options: { capacity: number; intervalMs: number; now: number }) {
    if (!(options.capacity > 0) || !(options.intervalMs > 0)) {
      throw new RangeError('A token bucket needs a positive capacity and interval.');
    }
    this.#capacity = options.capacity;
    this.#refillPerMs = options.capacity / options.intervalMs;
    this.#tokens = options.capacity;
    this.#updatedAt = options.now;
  }

  /** Takes one token; returns 0 when one was available, else the milliseconds to wait. */
  reserve(now: number): number {
    this.#refill(now);
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : Math.ceil(-this.#tokens / this.#refillPerMs);
  }

  /** Takes one token only when one is available now; true when it did. */
  tryTake(now: number): boolean {
    this.#refill(now);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.#capacity, this.#tokens + elapsed * this.#refillPerMs);
    this.#updatedAt = now;
  }
}
