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
export async function readBodyWithLimit(
  body: Readable,
  options: { limitBytes: number; contentLength?: string },
): Promise<string | BodyLimitExceeded> {
  const announced =
    options.contentLength === undefined ? Number.NaN : Number(options.contentLength);
  if (Number.isFinite(announced) && announced > options.limitBytes) {
    body.destroy();
    return new BodyLimitExceeded(options.limitBytes, announced);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.byteLength;
    if (total > options.limitBytes) {
      body.destroy();
      return new BodyLimitExceeded(options.limitBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
