import type { IncomingMessage } from 'node:http';
import { RequestError } from './request-error';

/**
 * Reads a JSON request body of at most `maxBytes`. A body announced or found to be larger is
 * refused with 413 as soon as the limit is passed, without buffering the rest.
 *
 * @throws RequestError 415 for another content type, 413 for a body over the cap, 400 for a
 *   body that is not JSON.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new RequestError({
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send the body as JSON with "content-type: application/json".',
      field: 'content-type',
    });
  }
  const tooLarge = () =>
    new RequestError({
      status: 413,
      code: 'body_too_large',
      message: `The body is larger than the ${maxBytes} bytes this host accepts.`,
      headers: { connection: 'close' },
    });
  const announced = Number(request.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) throw tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestError({
      status: 400,
      code: 'invalid_json',
      message:
        text.trim() === ''
          ? 'The body is empty; send a JSON object.'
          : 'The body is not valid JSON.',
    });
  }
}
