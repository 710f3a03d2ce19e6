/** A digest split into its algorithm and lowercase hex value. */
export interface ParsedDigest {
  algorithm: string;
  hex: string;
}

const digestPattern = /^([a-z0-9]+):([0-9a-f]{32,128})$/i;

/** Parses `algorithm:hex` (e.g. `sha256:…`); `undefined` for anything else. */
export function parseDigest(text: string): ParsedDigest | undefined {
  const match = digestPattern.exec(text);
  const algorithm = match?.[1];
  const hex = match?.[2];
  if (algorithm === undefined || hex === undefined) return undefined;
  return { algorithm: algorithm.toLowerCase(), hex: hex.toLowerCase() };
}
