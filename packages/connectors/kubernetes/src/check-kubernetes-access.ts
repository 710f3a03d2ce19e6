import {
  ApiCallError,
  type CheckFindingV1,
  type CheckOptionsV1,
  type CheckResultV1,
} from '@evidencekit/core/connector';
import { createKubernetesClient, type KubernetesClient } from './create-kubernetes-client';
import type { KubernetesConfig } from './kubernetes-settings';
import {
  describePermission,
  LEAST_PRIVILEGE_ROLE,
  type Permission,
  REQUIRED_READS,
  UNWANTED_WRITES,
} from './required-permissions';
import { resolveClusterConnection } from './resolve-cluster-connection';
import { rulesAllow } from './rules-allow';

/**
 * Checks the connection and the credential's breadth: what it may read in the namespace
 * (a `SelfSubjectRulesReview`, confirmed with access reviews when the rules are incomplete),
 * and whether it may list Deployments in every namespace or patch Deployments and delete pods
 * (`SelfSubjectAccessReview`s). Provider errors become findings; configuration errors throw
 * (the engine reports them).
 */
export async function checkKubernetesAccess(
  options: CheckOptionsV1<KubernetesConfig>,
): Promise<CheckResultV1> {
  const { runtime, config } = options;
  const connection = await resolveClusterConnection(config, { redactor: runtime.redactor });
  const api = createKubernetesClient(runtime, connection);
  const namespace = config.namespace ?? connection.defaultNamespace;
  const findings: CheckFindingV1[] = [];
  try {
    if (namespace === undefined) {
      findings.push({
        status: 'warning',
        code: 'namespace_unknown',
        message:
          'no namespace to check reads in: set `namespace` in the settings (the credential source names none)',
      });
    } else {
      findings.push(...(await checkNamespaceReads(api, namespace)));
    }
    findings.push(...(await checkBreadth(api, namespace)));
  } catch (error) {
    if (!ApiCallError.isInstance(error) || error.reason === 'cancelled') throw error;
    findings.push({ status: 'error', code: error.reason, message: error.message });
    return { ok: false, findings };
  }
  if (findings.every((finding) => finding.status !== 'error')) {
    findings.unshift({
      status: 'ok',
      code: 'connected',
      message: `reached ${connection.server} with ${connection.description}`,
    });
  }
  return { ok: findings.every((finding) => finding.status !== 'error'), findings };
}

async function checkNamespaceReads(
  api: KubernetesClient,
  namespace: string,
): Promise<CheckFindingV1[]> {
  const review = await api.reviewRules(namespace);
  const rules = review.status.resourceRules ?? [];
  const missing: Permission[] = [];
  for (const permission of REQUIRED_READS) {
    if (rulesAllow(rules, permission)) continue;
    // An incomplete review (an authorizer that cannot list rules, e.g. a webhook) may leave
    // out what it would allow: ask about the one permission instead.
    if (
      review.status.incomplete === true &&
      (await api.reviewAccess({ ...permission, namespace }))
    ) {
      continue;
    }
    missing.push(permission);
  }
  const findings: CheckFindingV1[] = [];
  if (missing.length > 0) {
    findings.push({
      status: 'error',
      code: 'missing_permission',
      message: `the credential cannot ${missing.map(describePermission).join(', ')} in namespace "${namespace}"; grant ${LEAST_PRIVILEGE_ROLE}`,
    });
  } else {
    findings.push({
      status: 'ok',
      code: 'namespace_reads',
      message: `the credential can read Deployments, ReplicaSets and pods in namespace "${namespace}"`,
    });
  }
  if (review.status.incomplete === true) {
    findings.push({
      status: 'warning',
      code: 'rules_incomplete',
      message: `the API server could not list every rule of this credential${
        review.status.evaluationError ? ` (${review.status.evaluationError})` : ''
      }; the reads were confirmed one by one`,
    });
  }
  return findings;
}

async function checkBreadth(
  api: KubernetesClient,
  namespace: string | undefined,
): Promise<CheckFindingV1[]> {
  const broad: string[] = [];
  if (await api.reviewAccess({ group: 'apps', resource: 'deployments', verb: 'list' })) {
    broad.push('list Deployments in every namespace');
  }
  for (const permission of UNWANTED_WRITES) {
    if (
      await api.reviewAccess({ ...permission, ...(namespace === undefined ? {} : { namespace }) })
    ) {
      broad.push(`${permission.verb} ${permission.resource}`);
    }
  }
  if (broad.length === 0) return [];
  return [
    {
      status: 'warning',
      code: 'credential_too_broad',
      message: `the credential can ${broad.join(', ')}; evidence needs only ${LEAST_PRIVILEGE_ROLE} in the target namespace`,
    },
  ];
}
