/**
 * Where one hop of a request goes: the origin (the pool's key), the path with its query as
 * sent on the wire, and the full URL. The parsed `URL` is built only when something needs it
 * (a destination check, a redirect's relative `Location`): most requests never do.
 */
export interface RequestTarget {
  readonly origin: string;
  /** Pathname and search, e.g. `/repos/o/r?page=2`. */
  readonly path: string;
  readonly href: string;
  /** The parsed URL, when one was already built. */
  parsed: URL | undefined;
}

/** A target from a parsed URL. */
export function targetOf(url: URL, origin: string = url.origin): RequestTarget {
  return { origin, path: `${url.pathname}${url.search}`, href: url.href, parsed: url };
}

/** The target's URL, parsed on first use. */
export function urlOf(target: RequestTarget): URL {
  target.parsed ??= new URL(target.href);
  return target.parsed;
}
