import { EvidencekitError, hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.deadline-exceeded');

/** A connector call did not finish within the engine's per-target deadline. */
export class DeadlineExceededError extends EvidencekitError {
  readonly [marker] = true;
  readonly timeoutMs: number;

  constructor(options: { what: string; timeoutMs: number }) {
    super({
      name: 'DeadlineExceededError',
      code: 'deadline_exceeded',
      reason: 'timeout',
      message: `${options.what} did not finish within ${options.timeoutMs} ms`,
    });
    this.timeoutMs = options.timeoutMs;
  }

  static override isInstance(error: unknown): error is DeadlineExceededError {
    return hasMarker(error, marker);
  }
}
