/**
 * One request a mock server saw. Header values are kept as sent, credentials included, so a
 * test can assert on them; {@link describeRecordedRequest} masks them for messages.
 */
export interface RecordedRequest {
  method: string;
  url: URL;
  /** Lower-case header names, values as sent (secrets visible to the test only). */
  headers: Readonly<Record<string, string>>;
  /** The request body as text (`''` when there is none). */
  body: string;
}

const credentialHeaderPattern = /authorization|cookie|token|key|secret|password/i;

/** `METHOD URL` with credential-like header names listed but their values masked. */
export function describeRecordedRequest(request: RecordedRequest): string {
  const credentialHeaders = Object.keys(request.headers).filter((name) =>
    credentialHeaderPattern.test(name),
  );
  const query = request.url.search === '' ? '' : '?…';
  const suffix =
    credentialHeaders.length === 0 ? '' : ` (with ${credentialHeaders.join(', ')}: [masked])`;
  return `${request.method} ${request.url.origin}${request.url.pathname}${query}${suffix}`;
}
