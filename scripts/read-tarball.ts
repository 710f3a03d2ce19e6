import { gunzipSync } from 'node:zlib';

/** A file in a package tarball, by its path inside the package (without `package/`). */
export interface TarballFile {
  path: string;
  contents: Buffer;
}

// A published package is a few MiB; the cap keeps a corrupt or hostile tarball from exhausting
// memory while it is decompressed.
const maxUnpackedBytes = 256 * 1024 * 1024;
const blockSize = 512;

function readString(header: Buffer, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function readSize(header: Buffer, offset: number): number {
  const text = readString(header, 124, 12).trim();
  if (!/^[0-7]{1,11}$/.test(text)) {
    throw new Error(
      `tarball entry at byte ${offset}: size field ${JSON.stringify(text)} is not octal`,
    );
  }
  return Number.parseInt(text, 8);
}

/** The `path` record of a pax extended header (`<length> path=<value>\n`), if it has one. */
function paxPath(contents: Buffer): string | undefined {
  let position = 0;
  while (position < contents.length) {
    const space = contents.indexOf(0x20, position);
    if (space === -1) return undefined;
    const length = Number.parseInt(contents.subarray(position, space).toString('ascii'), 10);
    if (!Number.isSafeInteger(length) || length <= 0) return undefined;
    const record = contents.subarray(space + 1, position + length - 1).toString('utf8');
    if (record.startsWith('path=')) return record.slice('path='.length);
    position += length;
  }
  return undefined;
}

/**
 * The regular files in a gzipped npm package tarball (ustar, with pax long paths), with the
 * leading `package/` folder removed. Throws on a tarball that is truncated or malformed.
 */
export function readTarball(gzipped: Uint8Array): TarballFile[] {
  const archive = gunzipSync(gzipped, { maxOutputLength: maxUnpackedBytes });
  const files: TarballFile[] = [];
  let offset = 0;
  let longPath: string | undefined;
  while (offset + blockSize <= archive.length) {
    const header = archive.subarray(offset, offset + blockSize);
    if (header.every((byte) => byte === 0)) break;
    const size = readSize(header, offset);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + blockSize;
    if (dataStart + size > archive.length) {
      throw new Error(`tarball entry at byte ${offset} is truncated`);
    }
    const contents = archive.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / blockSize) * blockSize;
    if (type === 'x') {
      longPath = paxPath(contents);
      continue;
    }
    const prefix = readString(header, 345, 155);
    const name = readString(header, 0, 100);
    const fullPath = longPath ?? (prefix === '' ? name : `${prefix}/${name}`);
    longPath = undefined;
    // Only regular files ('0', or NUL from old writers) are installed; folders carry nothing.
    if (type !== '0' && type !== '\0') continue;
    files.push({ path: fullPath.replace(/^package\//, ''), contents: Buffer.from(contents) });
  }
  return files;
}
