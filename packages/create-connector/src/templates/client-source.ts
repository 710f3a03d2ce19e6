import type { TemplateContext } from './template-context';

/** `src/create-<id>-client.ts`: the only caller of `runtime.http`. */
export function clientSource(context: TemplateContext): string {
  const { answers, names } = context;
  const auth = {
    none: '',
    optional:
      "\n    ...(config.token === undefined ? {} : { auth: { type: 'bearer', token: config.token } }),",
    required: "\n    auth: { type: 'bearer', token: config.token },",
  }[answers.credential];
  return `import type { ConnectorRuntime, HttpClient } from '@evidencekit/core/connector';
import type { ${names.provider}Config } from './${names.id}-settings';

/**
 * The HTTP client for one ${answers.displayName} API. Transport, retries, rate limits, caching
 * and redaction are the runtime's${answers.credential === 'none' ? '' : '; the token stays a secret reference until a request needs it'}.
 */
export function create${names.provider}Client(
  runtime: ConnectorRuntime,
  config: ${names.provider}Config,
): HttpClient {
  return runtime.http({
    baseUrl: config.baseUrl,${auth}
  });
}

/** The absolute URL of an API path, for \`fact.source\` (core redacts it before storing). */
export function ${names.camel}ApiUrl(config: ${names.provider}Config, path: string): string {
  const base = config.baseUrl.endsWith('/') ? config.baseUrl : \`\${config.baseUrl}/\`;
  return new URL(path, base).href;
}
`;
}
