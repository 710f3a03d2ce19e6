import type { DetectionV1, DetectOptionsV1 } from '@evidencekit/core/connector';

const configFiles = ['trivy.yaml', 'trivy.yml', '.trivyignore', '.trivyignore.yaml'];
const workflowPattern = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const gitlabPipeline = '.gitlab-ci.yml';
const trivyAction = 'aquasecurity/trivy-action';
// The report file a trivy-action step writes, when the step asks for JSON output.
const jsonOutputPattern = /format:\s*['"]?json['"]?[\s\S]{0,400}?output:\s*['"]?([^'"\s#]+)/;
const outputJsonPattern = /output:\s*['"]?([^'"\s#]+)['"]?[\s\S]{0,400}?format:\s*['"]?json\b/;
// A Trivy command line in a pipeline script that writes JSON to a file.
const commandOutputPattern = /trivy\s[^\n]*--format[\s=]json[^\n]*(?:--output|-o)[\s=](\S+)/;

/**
 * Recognizes Trivy in a repository: its configuration or ignore files, a GitHub Actions step
 * using `aquasecurity/trivy-action`, or a GitLab pipeline running `trivy`. Suggests a
 * `reportPath` when a step writes a JSON report to a known file.
 */
export async function detectTrivy(options: DetectOptionsV1): Promise<DetectionV1 | undefined> {
  const evidence: string[] = [];
  let confidence = 0;
  let reportPath: string | undefined;
  for (const file of options.files) {
    if (configFiles.includes(file)) {
      evidence.push(`${file} exists`);
      confidence = Math.max(confidence, 0.6);
    }
  }
  const pipelines = options.files.filter(
    (file) => workflowPattern.test(file) || file === gitlabPipeline,
  );
  for (const file of pipelines) {
    const text = await options.readFile(file);
    if (text === undefined) continue;
    const usesAction = text.includes(trivyAction);
    const runsTrivy = file === gitlabPipeline && /\btrivy\s+(image|fs|repo|rootfs)\b/.test(text);
    if (!usesAction && !runsTrivy) continue;
    evidence.push(usesAction ? `${file} uses ${trivyAction}` : `${file} runs trivy`);
    confidence = Math.max(confidence, 0.9);
    const match =
      jsonOutputPattern.exec(text) ??
      outputJsonPattern.exec(text) ??
      commandOutputPattern.exec(text);
    if (reportPath === undefined && match?.[1] !== undefined) reportPath = match[1];
  }
  if (evidence.length === 0) return undefined;
  if (evidence.length > 1) confidence = Math.min(0.95, confidence + 0.05);
  if (reportPath === undefined) {
    evidence.push(
      'no JSON report output found: run trivy with --format json --output <file> to feed Evidencekit',
    );
  }
  return {
    confidence,
    evidence,
    ...(reportPath === undefined ? {} : { suggestedSelector: { reportPath } }),
  };
}
