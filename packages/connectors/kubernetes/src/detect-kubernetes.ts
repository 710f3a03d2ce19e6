import type { DetectionV1, DetectOptionsV1, JsonValue } from '@evidencekit/core/connector';
import { parseAllDocuments } from 'yaml';

// Folders where Kubernetes manifests and Helm charts usually live.
const MANIFEST_DIRECTORY =
  /(^|\/)(k8s|kubernetes|kube|deploy|deployment|deployments|manifests|charts|helm|kustomize|overlays|base)\//;
const YAML_FILE = /\.ya?ml$/i;
const DEPLOYMENT_KIND = /^kind:\s*["']?Deployment["']?\s*$/m;
/** Manifests read at most, so a huge repository stays fast to scan. */
const MAX_FILES_READ = 40;

/**
 * Recognizes Kubernetes from Deployment manifests (in the usual folders) and from the
 * environment (`KUBERNETES_SERVICE_HOST` inside a pod, `KUBECONFIG` elsewhere). Suggests the
 * matching `auth` and, from a plain manifest, the Deployment's namespace and name.
 */
export async function detectKubernetes(options: DetectOptionsV1): Promise<DetectionV1 | undefined> {
  const evidence: string[] = [];
  let suggestedSelector: Record<string, JsonValue> | undefined;
  const candidates = options.files
    .filter((file) => YAML_FILE.test(file) && MANIFEST_DIRECTORY.test(file))
    .slice(0, MAX_FILES_READ);
  for (const file of candidates) {
    const text = await options.readFile(file);
    if (text === undefined || !DEPLOYMENT_KIND.test(text)) continue;
    evidence.push(`${file} declares a Deployment`);
    suggestedSelector ??= selectorFromManifest(text);
    break;
  }
  const environment = new Set(options.environmentVariableNames);
  let suggestedConfig: Record<string, JsonValue> | undefined;
  if (environment.has('KUBERNETES_SERVICE_HOST')) {
    evidence.push('KUBERNETES_SERVICE_HOST is set (running inside a pod)');
    suggestedConfig = { auth: 'in-cluster' };
  } else if (environment.has('KUBECONFIG')) {
    evidence.push('KUBECONFIG is set');
    suggestedConfig = { auth: 'kubeconfig' };
  }
  if (evidence.length === 0) return undefined;
  const fromManifest = evidence.length > (suggestedConfig === undefined ? 0 : 1);
  const confidence = fromManifest && suggestedConfig !== undefined ? 0.9 : fromManifest ? 0.7 : 0.5;
  return {
    confidence,
    evidence,
    ...(suggestedConfig === undefined ? {} : { suggestedConfig }),
    ...(suggestedSelector === undefined ? {} : { suggestedSelector }),
  };
}

/** `{ namespace, deployment }` from the first Deployment of a plain (non-template) manifest. */
function selectorFromManifest(text: string): Record<string, JsonValue> | undefined {
  // Helm templates are not YAML until rendered: no suggestion from them.
  if (text.includes('{{')) return undefined;
  try {
    for (const document of parseAllDocuments(text)) {
      if (document.errors.length > 0) return undefined;
      const value: unknown = document.toJS();
      if (typeof value !== 'object' || value === null) continue;
      const manifest = value as {
        kind?: unknown;
        metadata?: { name?: unknown; namespace?: unknown };
      };
      if (manifest.kind !== 'Deployment') continue;
      const name = manifest.metadata?.name;
      const namespace = manifest.metadata?.namespace;
      if (typeof name !== 'string') return undefined;
      return typeof namespace === 'string' ? { namespace, deployment: name } : { deployment: name };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
