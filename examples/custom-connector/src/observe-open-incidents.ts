import {
  type FactObservationV1,
  type HttpClient,
  observeOrUnavailable,
} from '@evidencekit/core/connector';
import {
  type StatuspageIncident,
  unresolvedIncidentsSchema,
} from './api/unresolved-incidents-schema';
import { matchesComponent } from './match-component';

import type { StatuspageFactName } from './statuspage-facts';

/** Where the page lists its unresolved incidents. */
export const UNRESOLVED_INCIDENTS_PATH = 'api/v2/incidents/unresolved.json';

// An incident that names no component is about the whole page, so it counts for every service.
function affectsComponent(incident: StatuspageIncident, component: string): boolean {
  const affected = incident.components ?? [];
  return affected.length === 0 || affected.some((item) => matchesComponent(item, component));
}

function describeIncident(incident: StatuspageIncident): string {
  return `${incident.name} (${incident.impact ?? 'impact not set'}, ${incident.status})`;
}

/**
 * Counts the unresolved incidents that affect the component or the whole page. None is an
 * `empty` observation, which the catalog's rule turns into `passed` with `0`; a failed request
 * makes only this fact `unavailable`.
 */
export function observeOpenIncidents(
  client: HttpClient,
  component: string,
  url: string,
  signal: AbortSignal,
): Promise<FactObservationV1<StatuspageFactName>> {
  const name = 'open_incidents';
  const source = { url };
  return observeOrUnavailable(name, { signal, source }, async () => {
    const { incidents } = await client.getJson(
      UNRESOLVED_INCIDENTS_PATH,
      unresolvedIncidentsSchema,
    );
    const open = incidents.filter((incident) => affectsComponent(incident, component));
    if (open.length === 0) return { name, kind: 'empty', source };
    const link = open.find((incident) => incident.shortlink)?.shortlink;
    const shown = open.slice(0, 3).map(describeIncident);
    const more = open.length > shown.length ? `, and ${open.length - shown.length} more` : '';
    return {
      name,
      kind: 'measured',
      value: open.length,
      unit: 'count',
      detail: `${shown.join('; ')}${more}`,
      source: link === undefined || link === null ? source : { ...source, link },
    };
  });
}
