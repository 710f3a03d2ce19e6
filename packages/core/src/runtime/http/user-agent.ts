/**
 * The `user-agent` every request sends: `evidencekit/<package>/<version>`, so providers
 * (and their support teams) can tell which connector called.
 */
export function formatUserAgent(packageName: string, packageVersion: string): string {
  return `evidencekit/${packageName}/${packageVersion}`;
}
