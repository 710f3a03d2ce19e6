import { EvidencekitError, hasMarker } from './evidencekit-error';

const marker = Symbol.for('evidencekit.error.threshold-syntax');

/** How much of an over-long threshold text the message repeats; the rest is only counted. */
const MESSAGE_TEXT_PREVIEW_LENGTH = 64;

/**
 * A threshold text that does not parse. The message names the text, the 0-based position
 * (in UTF-16 code units, as `String.prototype.at` counts) and what was expected there, e.g.
 * `Invalid threshold "< 1 %x" at position 5: expected end of threshold`.
 *
 * A bad threshold is a configuration problem, so it maps to the fact reason `config` and is
 * never retried.
 */
export class ThresholdSyntaxError extends EvidencekitError {
  readonly [marker] = true;
  /** The threshold text as given. */
  readonly text: string;
  /** 0-based index into `text` where parsing stopped; `text.length` means "at the end". */
  readonly position: number;
  /** What the parser expected at `position`, in words, e.g. `a number`. */
  readonly expected: string;

  constructor(options: { text: string; position: number; expected: string; cause?: unknown }) {
    super({
      name: 'ThresholdSyntaxError',
      code: 'threshold_syntax_error',
      reason: 'config',
      message: `Invalid threshold ${quoteForMessage(options.text)} at position ${options.position}: expected ${options.expected}`,
      cause: options.cause,
    });
    this.text = options.text;
    this.position = options.position;
    this.expected = options.expected;
  }

  static override isInstance(error: unknown): error is ThresholdSyntaxError {
    return hasMarker(error, marker);
  }
}

/**
 * JSON quoting escapes newlines and control characters, so a hostile threshold cannot forge
 * extra log lines; over-long texts are cut so that one bad setting cannot flood a log.
 */
function quoteForMessage(text: string): string {
  if (text.length <= MESSAGE_TEXT_PREVIEW_LENGTH) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MESSAGE_TEXT_PREVIEW_LENGTH))}… (${text.length} characters)`;
}
