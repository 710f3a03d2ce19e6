/** How much of a file the CLI reads, and how deeply nested its JSON may be. */
export interface InputLimits {
  /** Largest file read, in bytes; a larger one is refused before it is parsed. */
  maxBytes: number;
  /** Deepest nesting of JSON arrays and objects. */
  maxDepth: number;
}

/**
 * Reports, records and envelopes: 50 MiB, the Trivy connector's own report cap, and 256
 * levels, far deeper than any report or evidence record nests.
 */
export const DATA_FILE_LIMITS: InputLimits = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  maxDepth: 256,
});

/** Configuration files: 4 MiB and 64 levels, far above any real configuration. */
export const CONFIG_FILE_LIMITS: InputLimits = Object.freeze({
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 64,
});

/** Public keys: a PEM Ed25519 key is about 113 bytes; 64 KiB allows bundles of them. */
export const KEY_FILE_LIMITS: InputLimits = Object.freeze({ maxBytes: 64 * 1024, maxDepth: 1 });
