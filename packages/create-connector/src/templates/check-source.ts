import { fitting, moduleBlock } from './source-layout';
import type { TemplateContext } from './template-context';

/** `src/check-<id>.ts`: `doCheck` on the summary endpoint. */
export function checkSource(context: TemplateContext): string {
  const { answers, names } = context;
  const P = names.provider;
  const plainHttp =
    answers.credential === 'none'
      ? ''
      : `
  const { protocol, host } = new URL(config.baseUrl);
  if (config.token !== undefined && protocol === 'http:') {
    findings.push({
      status: 'warning',
      code: 'credential_over_plain_http',
      message: \`The token is sent over plain http:// to \${host}, where anyone on the network path can read it; use https://.\`,
    });
  }`;
  const imports = moduleBlock([
    {
      keyword: 'import',
      names: ['ApiCallError', 'type CheckFindingV1', 'type CheckOptionsV1', 'type CheckResultV1'],
      from: '@evidencekit/core/connector',
    },
    { keyword: 'import', names: ['SUMMARY_PATH', 'summarySchema'], from: './api/summary-schema' },
    { keyword: 'import', names: [`create${P}Client`], from: `./create-${names.id}-client` },
    { keyword: 'import', typeOnly: true, names: [`${P}Config`], from: `./${names.id}-settings` },
  ]);
  const signature = fitting(
    `export async function check${P}(options: CheckOptionsV1<${P}Config>): Promise<CheckResultV1> {`,
    `export async function check${P}(\n  options: CheckOptionsV1<${P}Config>,\n): Promise<CheckResultV1> {`,
  );
  return `${imports}

/**
 * Checks the connection with one request to the summary${answers.credential === 'none' ? '' : '; a token sent over plain\n * `http://` is a warning'}. Provider errors become an error finding with their typed
 * reason; a cancelled check and bugs propagate.
 */
${signature}
  const { config } = options;
  const findings: CheckFindingV1[] = [];${plainHttp}
  try {
    const summary = await create${P}Client(options.runtime, config).getJson(
      SUMMARY_PATH,
      summarySchema,
    );
    findings.push({
      status: 'ok',
      code: 'connected',
      message: \`Reached "\${summary.page.name}" (\${summary.components.length} components).\`,
    });
  } catch (error) {
    if (!ApiCallError.isInstance(error) || error.reason === 'cancelled') throw error;
    findings.push({ status: 'error', code: error.reason, message: error.message });
  }
  return { ok: findings.every((finding) => finding.status !== 'error'), findings };
}
`;
}
