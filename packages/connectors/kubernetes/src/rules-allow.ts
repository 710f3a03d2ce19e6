import type { ResourceRule } from './api/self-subject-rules-review-schema';
import type { Permission } from './required-permissions';

/**
 * Whether the rules of a `SelfSubjectRulesReview` allow `permission` on every object of the
 * resource (rules limited to `resourceNames` do not count: a list needs the whole resource).
 */
export function rulesAllow(rules: readonly ResourceRule[], permission: Permission): boolean {
  return rules.some(
    (rule) =>
      (rule.resourceNames ?? []).length === 0 &&
      matches(rule.verbs, permission.verb) &&
      matches(rule.apiGroups ?? [], permission.group) &&
      matches(rule.resources ?? [], permission.resource),
  );
}

function matches(values: readonly string[], wanted: string): boolean {
  return values.includes('*') || values.includes(wanted);
}
