import type { DetectOptionsV1 } from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import { kubernetesConnector } from '../src/index';

function repository(
  files: Record<string, string>,
  environmentVariableNames: string[] = [],
): DetectOptionsV1 {
  return {
    files: Object.keys(files),
    readFile: async (file) => files[file],
    environmentVariableNames,
  };
}

// A manifest like the nginx-deployment example on kubernetes.io (concepts/workloads/controllers/deployment/).
const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  namespace: shop
spec:
  replicas: 3
`;

describe('detect', () => {
  const detect = (options: DetectOptionsV1) => kubernetesConnector.doDetect?.(options);

  it('recognizes a Deployment manifest and suggests its selector', async () => {
    const detection = await detect(
      repository({ 'deploy/k8s/web.yaml': manifest, 'README.md': '# app' }),
    );
    expect(detection?.confidence).toBe(0.7);
    expect(detection?.suggestedSelector).toEqual({
      namespace: 'shop',
      deployment: 'nginx-deployment',
    });
  });

  it('recognizes a Helm chart template without parsing it', async () => {
    const template =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "web.fullname" . }}\n';
    const detection = await detect(
      repository({ 'charts/web/templates/deployment.yaml': template }),
    );
    expect(detection?.evidence[0]).toContain('charts/web/templates/deployment.yaml');
    expect(detection?.suggestedSelector).toBeUndefined();
  });

  it.each([
    { variable: 'KUBERNETES_SERVICE_HOST', auth: 'in-cluster' },
    { variable: 'KUBECONFIG', auth: 'kubeconfig' },
  ])('suggests $auth auth from $variable', async ({ variable, auth }) => {
    const detection = await detect(repository({ 'k8s/app.yml': manifest }, [variable]));
    expect(detection?.confidence).toBe(0.9);
    expect(detection?.suggestedConfig).toEqual({ auth });
  });

  it('ignores YAML outside manifest folders and other kinds', async () => {
    const detection = await detect(
      repository({
        '.github/workflows/ci.yaml': 'kind: Deployment',
        'k8s/svc.yaml': 'kind: Service',
      }),
    );
    expect(detection).toBeUndefined();
  });
});
