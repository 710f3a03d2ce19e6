import type { FactDefinitionV1 } from '@evidencekit/core/connector';

/** The facts the Statuspage connector can report, in catalog order. */
export const STATUSPAGE_FACT_NAMES = ['open_incidents', 'component_status'] as const;

/** A fact the Statuspage connector can report. */
export type StatuspageFactName = (typeof STATUSPAGE_FACT_NAMES)[number];

/**
 * The fact catalog. `open_incidents` is one of the few facts where an empty provider answer
 * is an honest measurement: Statuspage lists every unresolved incident, so an empty list
 * means none are open, and the fact passes with `0`. A missing component is never read as
 * "operational": that stays the default empty rule (`unavailable: no_data`).
 */
export const statuspageFacts = [
  {
    name: 'open_incidents',
    description:
      'Unresolved incidents on the status page that affect the service’s component or the whole page.',
    unit: 'count',
    defaultThreshold: '== 0',
    defaultAction:
      'Read the open incidents on the status page and hold the release until they are resolved, unless the release is the fix.',
    whenEmpty: { status: 'passed', value: '0' },
  },
  {
    name: 'component_status',
    description: 'The status the page shows for the service’s component.',
    unit: 'word',
    defaultThreshold: '== operational',
    defaultAction:
      'Check why the component is not operational (an outage, degraded performance or maintenance) before promoting.',
  },
] as const satisfies readonly FactDefinitionV1<StatuspageFactName>[];
