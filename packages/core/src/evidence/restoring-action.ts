import type { PendingReasonCode, UnavailableReasonCode } from './fact-reason';

// What brings the evidence back, by reason. A catalog's own action is for a fact that failed
// (roll back, fix the error spike); telling an operator to roll back because a token expired
// would send them the wrong way.
const restoringActions: Record<UnavailableReasonCode | PendingReasonCode, string> = {
  no_data:
    'Check that the selector or query matches this service in this environment and that the provider has data for it, then collect again.',
  stale: 'Collect the evidence again: this record is older than its maximum age.',
  auth: "Check the connector's credential: the provider rejected it. Renew or replace the secret its reference points to, then collect again.",
  forbidden:
    "Grant the credential the read permission the reason names (the connector's minimum scope), then collect again.",
  not_found:
    'Check the selector: the provider has no such resource for this scope (repository, namespace, deployment, query).',
  rate_limited:
    "Wait for the provider's rate limit to reset, or give this connector a credential with its own budget, then collect again.",
  timeout:
    'Check that the provider is reachable and answering, or raise the collection timeout, then collect again.',
  transient:
    "Collect again later; if it keeps failing, check the provider's status and the network path to it.",
  cancelled: 'Run the collection again and let it finish.',
  config: 'Fix the configuration the reason names, then collect again.',
  invalid_response:
    "Check the query or the provider's answer the reason names: the value cannot be right. Fix the query, or report it to the connector's maintainers.",
  scope:
    'Narrow the target or the credential to the scope the connector allows (see the reason), then collect again.',
  connector_error:
    "Report the reason to the connector's maintainers, and upgrade the connector if a fix exists.",
  in_progress:
    'Wait for the provider to finish (the run or rollout is in progress), then collect again.',
  awaiting_approval: 'Ask an approver to decide on the pending approval, then collect again.',
};

/**
 * The action for a fact that is `unavailable` or `pending`: what restores the evidence, chosen by
 * its reason. Facts that `failed` keep their catalog's action.
 */
export function restoringActionOf(code: UnavailableReasonCode | PendingReasonCode): string {
  return restoringActions[code];
}
