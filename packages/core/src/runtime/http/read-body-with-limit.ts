import type { Readable } from 'node:stream';

/** The body was larger than allowed; `announced` is set when content-length said so. */
export class BodyLimitExceeded {
  constructor(
    readonly limitBytes: number,
    readonly announcedBytes?: number,
  ) {}
}

/**
 * Reads a response body as UTF-8 text, never holding more than `limitBytes`: a larger
 * `content-length` is refused before reading, and the stream is destroyed as soon as the
 * count crosses the limit. Returns `BodyLimitExceeded` instead of throwing so the caller
 * builds its own typed error.
 */
export function readBodyWithLimit(
  body: Readable,
  options: { limitBytes: number; contentLength?: string },
): Promise<string | BodyLimitExceeded> {
  const announced =
    options.contentLength === undefined ? Number.NaN : Number(options.contentLength);
  if (Number.isFinite(announced) && announced > options.limitBytes) {
    discard(body);
    return Promise.resolve(new BodyLimitExceeded(options.limitBytes, announced));
  }
  const limitBytes = options.limitBytes;
  // Plain stream events rather than `for await`: the async iterator costs several promises per
  // chunk, which shows on every request of a busy run.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
      finish();
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += buffer.byteLength;
      if (total > limitBytes) {
        settle(() => resolve(new BodyLimitExceeded(limitBytes)));
        discard(body);
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, total).toString('utf8')));
    const onError = (error: unknown) => settle(() => reject(error));
    // Closed before its end without an error: the same failure `for await` reports.
    const onClose = () =>
      settle(() =>
        reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })),
      );
    // `on`, not `once`: `settle` removes every listener anyway, and `once` wraps each one.
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onError);
    body.on('close', onClose);
  });
}

/** Destroys a body nobody will read; the abort error undici emits for it is expected. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}
