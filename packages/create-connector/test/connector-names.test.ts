import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spellsId, surfaceNames } from '../../../scripts/connector-surface';
import { CONNECTOR_ID_PATTERN, connectorNames } from '../src/index';

const idArbitrary = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 4 })
  .map((segments) => segments.join('-'))
  .filter((id) => CONNECTOR_ID_PATTERN.test(id));
const displayNameArbitrary = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .&+'()/-]{0,40}$/);

describe('connector names', () => {
  it.each([
    ['github-actions', 'GitHub Actions', 'GitHubActions', 'githubActions'],
    ['statuspage', 'Atlassian Statuspage', 'Statuspage', 'statuspage'],
    ['pagerduty', 'PagerDuty', 'PagerDuty', 'pagerduty'],
    ['acme-status', 'Something Else', 'AcmeStatus', 'acmeStatus'],
    ['k8s-events', 'k8s events', 'K8sEvents', 'k8sEvents'],
  ])('%s named "%s" is %s / %s', (id, displayName, provider, camel) => {
    expect(connectorNames(id, displayName)).toMatchObject({ provider, camel });
  });

  it('always spells the id, whatever the display name, as the surface rule requires', () => {
    fc.assert(
      fc.property(idArbitrary, displayNameArbitrary, (id, displayName) => {
        const names = connectorNames(id, displayName);
        expect(spellsId(names.provider, id)).toBe(true);
        expect(`${names.camel}Connector`).toBe(surfaceNames(id, names.provider).connector);
        expect(names.upperSnake).toMatch(/^[A-Z][A-Z0-9_]*$/);
      }),
    );
  });
});
