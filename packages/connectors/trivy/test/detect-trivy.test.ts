import { describe, expect, it } from 'vitest';
import { trivyConnector } from '../src/index';

// Core has no `detectConnectors` yet, so detection is exercised through the connector's own
// `doDetect`, with the repository described as the contract describes it.
function detect(files: Record<string, string>) {
  const detectFn = trivyConnector.doDetect;
  if (detectFn === undefined) throw new Error('the Trivy connector must detect');
  return detectFn({
    files: Object.keys(files),
    readFile: async (file) => files[file],
    environmentVariableNames: [],
  });
}

const actionWorkflow = `
name: release
on: push
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Scan the image
        uses: aquasecurity/trivy-action@0.28.0
        with:
          image-ref: ghcr.io/acme/api:\${{ github.sha }}
          format: 'json'
          output: 'reports/trivy.json'
`;

describe('detecting Trivy', () => {
  it('suggests the report path a trivy-action step writes', async () => {
    const detection = await detect({ '.github/workflows/release.yml': actionWorkflow });

    expect(detection).toMatchObject({
      confidence: 0.9,
      evidence: ['.github/workflows/release.yml uses aquasecurity/trivy-action'],
      suggestedSelector: { reportPath: 'reports/trivy.json' },
    });
  });

  it('reads the output before the format too', async () => {
    const workflow = actionWorkflow.replace(
      "format: 'json'\n          output: 'reports/trivy.json'",
      'output: scan.json\n          format: json',
    );

    const detection = await detect({ '.github/workflows/scan.yaml': workflow });

    expect(detection?.suggestedSelector).toEqual({ reportPath: 'scan.json' });
  });

  it('recognizes a GitLab job running trivy with JSON output', async () => {
    const detection = await detect({
      '.gitlab-ci.yml':
        'scan:\n  image: aquasec/trivy:0.56.2\n  script:\n    - trivy image --format json --output gl-trivy.json $IMAGE\n',
    });

    expect(detection).toMatchObject({
      evidence: ['.gitlab-ci.yml runs trivy'],
      suggestedSelector: { reportPath: 'gl-trivy.json' },
    });
  });

  it('recognizes configuration files with less confidence and says how to get a JSON report', async () => {
    const detection = await detect({
      'trivy.yaml': 'severity: [HIGH, CRITICAL]\n',
      '.trivyignore': 'CVE-2023-44487\n',
    });

    expect(detection?.confidence).toBe(0.65);
    expect(detection?.evidence).toEqual([
      'trivy.yaml exists',
      '.trivyignore exists',
      'no JSON report output found: run trivy with --format json --output <file> to feed Evidencekit',
    ]);
    expect(detection?.suggestedSelector).toBeUndefined();
  });

  it('ignores workflows that do not use Trivy, and nested files named like its config', async () => {
    const detection = await detect({
      '.github/workflows/ci.yml': 'jobs:\n  test:\n    steps:\n      - run: pnpm test\n',
      'docs/trivy.yaml': 'not the repository root',
    });

    expect(detection).toBeUndefined();
  });
});
