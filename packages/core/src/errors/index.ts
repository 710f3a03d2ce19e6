// One typed error class per file; each is recognised across copies of the package by a marker.

export type { ApiCallAttempt, ApiCallErrorOptions, ApiCallFailureReason } from './api-call-error';
export { ApiCallError } from './api-call-error';
export type { ConfigurationIssue } from './configuration-error';
export { ConfigurationError } from './configuration-error';
export { configurationErrorFromZod } from './configuration-error-from-zod';
export { DeadlineExceededError } from './deadline-exceeded-error';
export type {
  DestinationRefusalKind,
  DestinationRefusedErrorOptions,
} from './destination-refused-error';
export { DestinationRefusedError } from './destination-refused-error';
export { EvidencekitError } from './evidencekit-error';
export { InvalidFactCatalogError } from './invalid-fact-catalog-error';
export type { ResponseIssue } from './invalid-response-error';
export { InvalidResponseError } from './invalid-response-error';
export type { PaginationLoopKind } from './pagination-loop-error';
export { PaginationLoopError } from './pagination-loop-error';
export type { RedirectFailureKind } from './redirect-error';
export { RedirectError } from './redirect-error';
export { ResponseTooLargeError } from './response-too-large-error';
export { ThresholdSyntaxError } from './threshold-syntax-error';
export { UnsupportedSpecificationVersionError } from './unsupported-specification-version-error';
