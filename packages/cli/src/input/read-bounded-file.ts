import { open } from 'node:fs/promises';
import { InputLimitError } from '../errors/input-limit-error';

// Read in slices so a file that grows, a FIFO or a device is cut at the limit, not after.
const chunkBytes = 64 * 1024;

/**
 * Reads a file of at most `maxBytes`: a regular file larger than that is refused from its
 * size before any byte is read, and every file (one that grows while it is read, a FIFO, a
 * device) is read in slices and abandoned as soon as it passes the limit, so memory stays
 * bounded whatever the file is.
 *
 * @param label - How messages name the file, e.g. `trivy-report.json`.
 * @throws InputLimitError (`bytes`) past the limit; the file system's own error (ENOENT,
 *   EACCES, EISDIR…) when it cannot be opened or read.
 */
export async function readBoundedFile(
  absolutePath: string,
  options: { maxBytes: number; label: string },
): Promise<Buffer> {
  const handle = await open(absolutePath, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) {
      throw Object.assign(new Error(`${options.label} is a folder`), { code: 'EISDIR' });
    }
    if (info.isFile() && info.size > options.maxBytes) throw tooLarge(options, info.size);
    const chunks: Buffer[] = [];
    let total = 0;
    while (true) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge(options, undefined);
      chunks.push(bytesRead === chunkBytes ? chunk : chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** {@link readBoundedFile} decoded as UTF-8, without a leading byte order mark. */
export async function readBoundedText(
  absolutePath: string,
  options: { maxBytes: number; label: string },
): Promise<string> {
  const text = (await readBoundedFile(absolutePath, options)).toString('utf8');
  // Some Windows tools write a byte order mark that JSON.parse refuses.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(
  options: { maxBytes: number; label: string },
  size: number | undefined,
): InputLimitError {
  return new InputLimitError({
    limit: 'bytes',
    maximum: options.maxBytes,
    message: `${options.label} is ${size === undefined ? 'larger than' : `${size} bytes, more than`} the ${formatBytes(options.maxBytes)} limit of a file the CLI reads; it was not read.`,
  });
}

/** `50 MiB`, `64 KiB`, `100 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
