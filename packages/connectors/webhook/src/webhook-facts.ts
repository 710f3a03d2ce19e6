import type { FactDefinitionV1 } from '@evidencekit/core/connector';
import type { WebhookFactMapping } from './webhook-settings';

/** Names of the facts the health pull reports. */
export type HealthFactName = 'endpoint_status' | 'endpoint_latency';

/** The facts of the optional health pull; always in the catalog. */
export const HEALTH_FACTS = [
  {
    name: 'endpoint_status',
    description:
      "The health endpoint's status: the word at `health.statusPointer` in its JSON body, or the HTTP status class (`2xx`) when no pointer is set.",
    unit: 'word',
    defaultThreshold: 'in ["2xx", pass, ok, up, healthy]',
    defaultAction:
      'Open the health endpoint and the service dashboards; fix the failing dependency before promoting.',
  },
  {
    name: 'endpoint_latency',
    description:
      'How long the health endpoint took to answer, in milliseconds, including any retries of the runtime.',
    unit: 'ms',
    defaultThreshold: '< 1000ms',
    defaultAction: 'Check why the health endpoint answers slowly (saturation, a slow dependency).',
  },
] as const satisfies readonly FactDefinitionV1<HealthFactName>[];

/** The names of the health facts, which mapped facts may not reuse. */
export const HEALTH_FACT_NAMES: readonly string[] = HEALTH_FACTS.map((fact) => fact.name);

/**
 * The catalog of one webhook configuration (the connector's `factsFor`): the facts its payload
 * mapping defines (host-defined, from `settings.facts`), then the health facts.
 */
export function webhookFactCatalog(
  facts: Readonly<Record<string, WebhookFactMapping>>,
): FactDefinitionV1[] {
  const mapped = Object.entries(facts).map(
    ([name, mapping]): FactDefinitionV1 => ({
      name,
      description:
        mapping.description ?? `Read from the signed webhook payload at ${mapping.pointer}.`,
      unit: mapping.unit,
      defaultThreshold: mapping.threshold,
      defaultAction: mapping.action,
    }),
  );
  return [...mapped, ...HEALTH_FACTS];
}
