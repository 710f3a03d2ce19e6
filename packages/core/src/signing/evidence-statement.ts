import type { EvidenceRecord } from '../evidence/evidence-schema';
import type { GateDecision } from '../gate/gate-decision';

/** The `_type` of an in-toto Statement v1. */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** The predicate type of Evidencekit's release-evidence attestation. */
export const RELEASE_EVIDENCE_PREDICATE_TYPE =
  'https://evidencekit.dev/attestation/release-evidence/v1';

/** One artifact a statement is about, identified by its digests. */
export interface StatementSubject {
  /** `service@version`, or the digest text when no single service and version name it. */
  name: string;
  /** Digests by algorithm, lowercase hex, e.g. `{ sha256: '…' }`. */
  digest: Record<string, string>;
}

/** The evidence a release-evidence attestation carries. */
export interface ReleaseEvidencePredicate {
  /** The evidence records, as given. */
  records: EvidenceRecord[];
  /** The gate decision over these records, or `null` when no gate was evaluated. */
  decision: GateDecision | null;
  /** When the statement was made, ISO 8601; present only when the caller gave it. */
  generatedAt?: string;
}

/** An in-toto Statement v1 whose predicate is release evidence. */
export interface EvidenceStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: StatementSubject[];
  predicateType: string;
  predicate: ReleaseEvidencePredicate;
}
