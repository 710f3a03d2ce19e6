import { InvalidResponseError } from '@evidencekit/core/connector';
import type { LabelSelector } from './api/label-selector-schema';

// Label keys: an optional DNS-subdomain prefix and a name; values: at most 63 characters of
// alphanumerics, "-", "_" and ".". Nothing else can appear, so a selector built from valid
// keys and values cannot smuggle an operator or a second requirement into the query.
const labelKeyPattern =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/**
 * Writes a `LabelSelector` in the `labelSelector` query syntax (`app=web,tier in (a,b)`), plus
 * extra equality requirements (the `pod-template-hash` of the current ReplicaSet). Keys and
 * values are checked against the Kubernetes label syntax; the query string itself is encoded
 * by the HTTP client.
 *
 * @throws InvalidResponseError when the Deployment's selector holds something that is not a
 *   valid label requirement, or selects everything (an empty selector).
 */
export function formatLabelSelector(
  selector: LabelSelector,
  extra: Readonly<Record<string, string>>,
  context: { url: string },
): string {
  const requirements: string[] = [];
  const fail = (message: string): never => {
    throw new InvalidResponseError({
      message: `${context.url}: the Deployment's spec.selector ${message}.`,
      url: context.url,
      method: 'GET',
      issues: [{ path: 'spec.selector', message }],
    });
  };
  const key = (text: string) =>
    labelKeyPattern.test(text) ? text : fail(`has an invalid label key "${text}"`);
  const value = (text: string) =>
    labelValuePattern.test(text) ? text : fail(`has an invalid label value for a key`);

  for (const [name, wanted] of Object.entries({ ...selector.matchLabels, ...extra })) {
    requirements.push(`${key(name)}=${value(wanted)}`);
  }
  for (const expression of selector.matchExpressions ?? []) {
    const values = (expression.values ?? []).map(value);
    switch (expression.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) fail(`has an ${expression.operator} requirement without values`);
        requirements.push(
          `${key(expression.key)} ${expression.operator === 'In' ? 'in' : 'notin'} (${values.join(',')})`,
        );
        break;
      case 'Exists':
        requirements.push(key(expression.key));
        break;
      case 'DoesNotExist':
        requirements.push(`!${key(expression.key)}`);
        break;
      default:
        fail(`has an unknown operator "${expression.operator}"`);
    }
  }
  // An empty selector would match every pod in the namespace; a Deployment never has one.
  if (requirements.length === 0) fail('is empty');
  return requirements.join(',');
}
