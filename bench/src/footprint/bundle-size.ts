import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Sizes of a package's built output. */
export interface BundleSize {
  /** `dist/index.js` (the ESM entry), bytes and gzipped bytes. */
  esmBytes: number;
  esmGzipBytes: number;
  /** `dist/index.cjs`. */
  cjsBytes: number;
  /** Every JavaScript file of `dist` (chunks included; no maps or declarations). */
  distJavaScriptBytes: number;
}

/** Measures the built files of the package in `directory`. */
export function measureBundleSize(directory: string): BundleSize {
  const dist = path.join(directory, 'dist');
  const read = (file: string) => readFileSync(path.join(dist, file));
  const esm = read('index.js');
  const javaScript = readdirSync(dist).filter((file) => /\.(c|m)?js$/.test(file));
  return {
    esmBytes: esm.byteLength,
    esmGzipBytes: gzipSync(esm, { level: 9 }).byteLength,
    cjsBytes: read('index.cjs').byteLength,
    distJavaScriptBytes: javaScript.reduce((sum, file) => sum + read(file).byteLength, 0),
  };
}
