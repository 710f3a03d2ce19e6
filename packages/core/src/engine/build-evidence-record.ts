import type { z } from 'zod';
import type { FactDefinitionV1 } from '../contract/v1/connector-metadata-v1';
import type { AnyConnectorV1 } from '../contract/v1/connector-v1';
import type { FactObservationV1 } from '../contract/v1/fact-observation-v1';
import {
  EVIDENCE_SCHEMA_V1_ID,
  type EvidenceRecord,
  type EvidenceScope,
  type EvidenceWarning,
  type Fact,
  type JsonValue,
} from '../evidence/evidence-schema';
import { statusSeverity } from '../evidence/fact-status';
import { rollUpStatus } from '../evidence/roll-up';
import type { Redactor } from '../runtime/redaction/redactor';
import type { collectResultSchema } from './collect-result-schema';
import type { CollectionFailure } from './error-to-reason';
import { evaluateObservation, unavailableFact } from './evaluate-observation';

interface RecordContext {
  connector: AnyConnectorV1;
  /**
   * The catalog the record is judged by: the configured connector's (`factCatalogOf`), or its
   * static `metadata.facts` when the collection failed before that catalog was known.
   */
  catalog: readonly FactDefinitionV1[];
  scope: EvidenceScope;
  thresholds: Readonly<Record<string, string | undefined>> | undefined;
  maxAgeSeconds: number | undefined;
  collectedAt: Date;
  redactor: Redactor;
}

/** Assembles a record from a connector's validated result: facts, freshness, roll-up. */
export function buildEvidenceRecord(
  context: RecordContext,
  result: z.output<typeof collectResultSchema>,
): EvidenceRecord {
  const catalog = new Map<string, FactDefinitionV1>(
    context.catalog.map((definition) => [definition.name, definition]),
  );
  const warnings: EvidenceWarning[] = [...(result.warnings ?? [])];
  // Facts by name in first-reported order; a name reported again keeps the worse of the two,
  // so a later `failed` can never be outvoted by an earlier `passed`.
  const factsByName = new Map<string, Fact>();
  for (const observation of result.facts) {
    const definition = catalog.get(observation.name);
    if (definition === undefined) {
      warnings.push({
        code: 'unknown_fact',
        message: `the connector reported "${observation.name}", which is not in its fact catalog; it was ignored`,
      });
      continue;
    }
    const fact = evaluateObservation(
      // Validated against the contract's schema; zod's output only spells optional fields
      // as `T | undefined`.
      observation as FactObservationV1,
      definition,
      context.thresholds?.[observation.name] ?? definition.defaultThreshold,
    );
    const earlier = factsByName.get(observation.name);
    if (earlier === undefined) {
      factsByName.set(observation.name, fact);
      continue;
    }
    const kept = statusSeverity(fact.status) > statusSeverity(earlier.status) ? fact : earlier;
    factsByName.set(observation.name, kept);
    warnings.push({
      code: 'duplicate_fact',
      message: `the connector reported "${observation.name}" more than once (${earlier.status}, then ${fact.status}); the worst, ${kept.status}, was kept`,
    });
  }
  const facts = [...factsByName.values()];
  if (facts.length === 0) {
    warnings.push({
      code: 'no_facts',
      message:
        'the connector reported no facts, so this record proves nothing and counts as unavailable',
    });
  }
  const providerMetadata: Record<string, Record<string, JsonValue>> | undefined =
    result.providerMetadata === undefined
      ? undefined
      : { [context.connector.metadata.id]: result.providerMetadata };
  return finishRecord(
    context,
    facts,
    warnings,
    result.observedAt,
    providerMetadata,
    result.maxAgeSeconds,
  );
}

/** A record whose every catalog fact is `unavailable` for one reason: the collection failed. */
export function buildFailedRecord(
  context: RecordContext,
  failure: CollectionFailure,
): EvidenceRecord {
  const facts = context.catalog.map((definition) =>
    unavailableFact(
      {
        ...definition,
        defaultThreshold: context.thresholds?.[definition.name] ?? definition.defaultThreshold,
      },
      failure.code,
      failure.message,
    ),
  );
  return finishRecord(context, facts, [], undefined, undefined);
}

function finishRecord(
  context: RecordContext,
  facts: Fact[],
  warnings: EvidenceWarning[],
  observedAt: Date | undefined,
  providerMetadata: Record<string, Record<string, JsonValue>> | undefined,
  connectorMaxAgeSeconds?: number,
): EvidenceRecord {
  const configuredMaxAge = context.maxAgeSeconds ?? context.connector.metadata.defaultMaxAgeSeconds;
  // The schema needs a positive age; evidence that has already expired keeps the smallest one.
  const maxAgeSeconds =
    connectorMaxAgeSeconds === undefined
      ? configuredMaxAge
      : Math.max(1, Math.min(configuredMaxAge, connectorMaxAgeSeconds));
  const record: EvidenceRecord = {
    schema: EVIDENCE_SCHEMA_V1_ID,
    connector: context.connector.metadata.id,
    // A copy: redaction no longer copies what it leaves unchanged, and a record must not share
    // its scope with the caller's target.
    scope: structuredClone(context.scope),
    freshness: {
      observedAt: (observedAt ?? context.collectedAt).toISOString(),
      maxAgeSeconds,
      collectedAt: context.collectedAt.toISOString(),
    },
    facts,
    status: rollUpStatus(facts),
    ...(warnings.length === 0 ? {} : { warnings }),
    ...(providerMetadata === undefined ? {} : { providerMetadata }),
  };
  // One redaction pass over the finished record: sources, messages and provider metadata.
  return context.redactor.redactValue(record);
}
