import {
  type CollectResultV1,
  ConfigurationError,
  type EvidenceWarning,
  type FactDefinitionV1,
  type FactObservationV1,
  type JsonValue,
} from '@evidencekit/core/connector';
import type { ManualFact } from './webhook-selector';

/**
 * `doCollect` for `{ mode: 'manual' }`: operator-provided facts. Each is flagged as manual (a
 * `manual_evidence` warning, and actor, reason and expiry under `providerMetadata.manual`).
 * An expired one is `unavailable: stale`; `status: 'failed'` is `failed: manual`; a value is
 * judged by the fact's threshold like any other, so an operator can never declare a pass.
 *
 * @throws ConfigurationError naming the field when a fact is not in the catalog or its value
 *   does not fit the fact's unit.
 */
export function collectManualEvidence(
  manualFacts: readonly ManualFact[],
  catalog: ReadonlyMap<string, FactDefinitionV1>,
  now: Date,
): CollectResultV1 {
  const facts: FactObservationV1[] = [];
  const warnings: EvidenceWarning[] = [];
  const recorded: JsonValue[] = [];
  for (const [index, manual] of manualFacts.entries()) {
    const definition = catalog.get(manual.name);
    if (definition === undefined) {
      throw new ConfigurationError({
        issues: [
          {
            path: `selector.facts[${index}].name`,
            expected: `a fact of this connector's catalog: ${[...catalog.keys()].join(', ')}`,
            received: `"${manual.name}"`,
          },
        ],
      });
    }
    facts.push(observeManualFact(manual, definition, index, now));
    warnings.push({
      code: 'manual_evidence',
      message: `${manual.name} was recorded by hand by ${manual.actor} (${manual.reason}); it counts until ${manual.expiresAt}.`,
    });
    recorded.push({
      fact: manual.name,
      actor: manual.actor,
      reason: manual.reason,
      expiresAt: manual.expiresAt,
      ...(manual.status === undefined ? {} : { status: manual.status }),
    });
  }
  return { facts, warnings, providerMetadata: { manual: recorded } };
}

function observeManualFact(
  manual: ManualFact,
  definition: FactDefinitionV1,
  index: number,
  now: Date,
): FactObservationV1 {
  const { name } = manual;
  if (Date.parse(manual.expiresAt) <= now.getTime()) {
    return {
      name,
      kind: 'unavailable',
      reason: 'stale',
      message: `manual evidence recorded by ${manual.actor} expired at ${manual.expiresAt}`,
    };
  }
  if (manual.status === 'failed') {
    return {
      name,
      kind: 'failed',
      reason: 'manual',
      message: `recorded as failed by ${manual.actor}: ${manual.reason}`,
      value: manual.value === undefined ? 'failed' : String(manual.value),
    };
  }
  const { value } = manual;
  if (definition.unit === 'word') {
    if (typeof value === 'string') return { name, kind: 'word', value };
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    return { name, kind: 'measured', value, unit: definition.unit };
  }
  throw new ConfigurationError({
    issues: [
      {
        path: `selector.facts[${index}].value`,
        expected:
          definition.unit === 'word'
            ? `a word for ${name}`
            : `a number in ${definition.unit} for ${name}`,
        received: typeof value === 'number' ? 'a number' : 'a string',
      },
    ],
  });
}
