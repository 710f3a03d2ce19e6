/** One permission the connector needs (or must not have), as RBAC names it. */
export interface Permission {
  group: string;
  resource: string;
  verb: string;
}

/** What the connector reads in the target namespace: nothing more. */
export const REQUIRED_READS: readonly Permission[] = [
  { group: 'apps', resource: 'deployments', verb: 'get' },
  { group: 'apps', resource: 'replicasets', verb: 'list' },
  { group: '', resource: 'pods', verb: 'list' },
];

/** Writes that make a read-only evidence credential dangerous. */
export const UNWANTED_WRITES: readonly Permission[] = [
  { group: 'apps', resource: 'deployments', verb: 'patch' },
  { group: '', resource: 'pods', verb: 'delete' },
];

/** The least-privilege Role, in words, for messages and docs. */
export const LEAST_PRIVILEGE_ROLE =
  'a namespace-scoped Role with apps/deployments,replicasets: get,list,watch and pods: get,list, bound with a RoleBinding';

/** `deployments.apps get`. */
export function describePermission(permission: Permission): string {
  return `${permission.resource}${permission.group === '' ? '' : `.${permission.group}`} ${permission.verb}`;
}
