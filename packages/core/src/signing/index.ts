// Signing: in-toto statements, DSSE envelopes, ed25519 signer and verifier.

export type { Ed25519SignerOptions } from './create-ed25519-signer';
export { createEd25519Signer } from './create-ed25519-signer';
export type { Ed25519VerifierOptions } from './create-ed25519-verifier';
export { createEd25519Verifier } from './create-ed25519-verifier';
export type { CreateEvidenceStatementOptions } from './create-evidence-statement';
export { createEvidenceStatement } from './create-evidence-statement';
export type { DsseEnvelope, DsseSignature } from './dsse-envelope';
export { dsseEnvelopeSchema, IN_TOTO_PAYLOAD_TYPE } from './dsse-envelope';
export type { EvidenceSigner, EvidenceVerifier } from './evidence-signer';
export type {
  EvidenceStatement,
  ReleaseEvidencePredicate,
  StatementSubject,
} from './evidence-statement';
export { IN_TOTO_STATEMENT_TYPE, RELEASE_EVIDENCE_PREDICATE_TYPE } from './evidence-statement';
export type { Ed25519KeyPair } from './generate-ed25519-key-pair';
export { generateEd25519KeyPair } from './generate-ed25519-key-pair';
export { preAuthenticationEncoding } from './pre-authentication-encoding';
export { signEvidence } from './sign-evidence';
export type {
  EvidenceVerificationResult,
  VerifyEvidenceEnvelopeOptions,
} from './verify-evidence-envelope';
export { verifyEvidenceEnvelope } from './verify-evidence-envelope';
