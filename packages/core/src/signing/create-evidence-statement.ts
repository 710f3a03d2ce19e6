import { ConfigurationError } from '../errors/configuration-error';
import type { EvidenceRecord } from '../evidence/evidence-schema';
import type { GateDecision } from '../gate/gate-decision';
import type { Redactor } from '../runtime/redaction/redactor';
import {
  type EvidenceStatement,
  IN_TOTO_STATEMENT_TYPE,
  RELEASE_EVIDENCE_PREDICATE_TYPE,
  type ReleaseEvidencePredicate,
  type StatementSubject,
} from './evidence-statement';
import { parseDigest } from './parse-digest';

/** Options of {@link createEvidenceStatement}. */
export interface CreateEvidenceStatementOptions {
  /** The evidence records; at least one must carry `scope.release.artifactDigest`. */
  records: readonly EvidenceRecord[];
  /** The gate decision over the records; `null` in the predicate when absent. */
  decision?: GateDecision;
  /** Defaults to {@link RELEASE_EVIDENCE_PREDICATE_TYPE}. */
  predicateType?: string;
  /** When the statement is made; written as ISO 8601. Omitted when absent, keeping the output pure. */
  generatedAt?: Date | string;
  /** When given, every string in the predicate passes through it (a second line of defence). */
  redactor?: Redactor;
}

/**
 * Builds an in-toto Statement v1 about the released artifacts, carrying the evidence and the
 * decision as its predicate. Subjects come from the records' `scope.release.artifactDigest`:
 * one subject per distinct digest, named `service@version` when every record with that digest
 * agrees on both, else named by the digest; ordered by name and digest.
 *
 * @throws ConfigurationError when no record has a `scope.release.artifactDigest` (a statement
 * about nothing cannot be checked against an artifact), or when a digest is not `algorithm:hex`.
 *
 * @example
 * ```ts
 * const statement = createEvidenceStatement({ records, decision, generatedAt: new Date() });
 * const envelope = await signEvidence(statement, signer);
 * ```
 */
export function createEvidenceStatement(
  options: CreateEvidenceStatementOptions,
): EvidenceStatement {
  const subject = subjectsOf(options.records);
  const records = [...options.records];
  const decision = options.decision ?? null;
  const predicate: ReleaseEvidencePredicate = {
    records: options.redactor === undefined ? records : options.redactor.redactValue(records),
    decision:
      options.redactor === undefined || decision === null
        ? decision
        : options.redactor.redactValue(decision),
  };
  if (options.generatedAt !== undefined) {
    predicate.generatedAt =
      typeof options.generatedAt === 'string'
        ? options.generatedAt
        : options.generatedAt.toISOString();
  }
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject,
    predicateType: options.predicateType ?? RELEASE_EVIDENCE_PREDICATE_TYPE,
    predicate,
  };
}

function subjectsOf(records: readonly EvidenceRecord[]): StatementSubject[] {
  // Distinct digests, each with the names of the records that carry it.
  const namesByDigest = new Map<string, { algorithm: string; hex: string; names: Set<string> }>();
  records.forEach((record, index) => {
    const release = record.scope.release;
    const text = release?.artifactDigest;
    if (text === undefined) return;
    const digest = parseDigest(text);
    if (digest === undefined) {
      throw new ConfigurationError({
        issues: [
          {
            path: `records[${index}].scope.release.artifactDigest`,
            expected: 'a digest like "sha256:<hex>"',
            received: 'text that is not algorithm:hex',
          },
        ],
      });
    }
    const key = `${digest.algorithm}:${digest.hex}`;
    let entry = namesByDigest.get(key);
    if (entry === undefined) {
      entry = { ...digest, names: new Set() };
      namesByDigest.set(key, entry);
    }
    entry.names.add(
      release?.version === undefined ? key : `${record.scope.service}@${release.version}`,
    );
  });
  if (namesByDigest.size === 0) {
    throw new ConfigurationError({
      message:
        'Cannot make an in-toto statement without subjects: no record has scope.release.artifactDigest. Set the release artifact digest (e.g. "sha256:<hex>") on the evidence target.',
      issues: [
        {
          path: 'scope.release.artifactDigest',
          expected: 'a digest like "sha256:<hex>" on at least one record',
          received: records.length === 0 ? 'no records' : 'no digest on any record',
        },
      ],
    });
  }
  return [...namesByDigest.entries()]
    .map(([key, entry]): StatementSubject => {
      const [onlyName] = entry.names;
      return {
        name: entry.names.size === 1 && onlyName !== undefined ? onlyName : key,
        digest: { [entry.algorithm]: entry.hex },
      };
    })
    .sort(
      (left, right) =>
        compare(left.name, right.name) ||
        compare(JSON.stringify(left.digest), JSON.stringify(right.digest)),
    );
}

function compare(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
