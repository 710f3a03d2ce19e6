import {
  type FactObservationV1,
  type HttpClient,
  observeOrUnavailable,
} from '@evidencekit/core/connector';
import { summarySchema } from './api/summary-schema';
import { matchesComponent } from './match-component';

import type { StatuspageFactName } from './statuspage-facts';

/** Where the page serves its components with their status. */
export const SUMMARY_PATH = 'api/v2/summary.json';

const LISTED_NAMES = 10;

/**
 * Reads the status word of the selected component. A component the page does not have is
 * `empty` (no data for this scope, never "operational"), with the names the page does have;
 * a name two components share is a configuration problem, solved by selecting the id.
 */
export function observeComponentStatus(
  client: HttpClient,
  component: string,
  url: string,
  signal: AbortSignal,
): Promise<FactObservationV1<StatuspageFactName>> {
  const name = 'component_status';
  const source = { url };
  return observeOrUnavailable(name, { signal, source }, async () => {
    const summary = await client.getJson(SUMMARY_PATH, summarySchema);
    const matches = summary.components.filter((item) => matchesComponent(item, component));
    const [match] = matches;
    if (match === undefined) {
      const names = summary.components.slice(0, LISTED_NAMES).map((item) => item.name);
      return {
        name,
        kind: 'empty',
        source,
        detail:
          names.length === 0
            ? `the page "${summary.page.name}" lists no components`
            : `no component "${component}" on the page "${summary.page.name}"; it has: ${names.join(', ')}${summary.components.length > names.length ? ', …' : ''}`,
      };
    }
    if (matches.length > 1) {
      return {
        name,
        kind: 'unavailable',
        reason: 'config',
        message: `${matches.length} components are named "${component}" (ids ${matches.map((item) => item.id).join(', ')}); select one by its id.`,
        source,
      };
    }
    return { name, kind: 'word', value: match.status, source };
  });
}
