/** A response as the transport read it: before JSON parsing, shareable between callers. */
export interface RawHttpResponse {
  status: number;
  /** Response headers, lower-case names, repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body as UTF-8 text ('' when there was none). */
  body: string;
  /**
   * How long the attempt that read it took (retry waits excluded); absent for an answer
   * rebuilt from the cache.
   */
  durationMs?: number;
}
