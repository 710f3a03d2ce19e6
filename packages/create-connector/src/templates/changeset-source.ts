import type { TemplateContext } from './template-context';

/** `.changeset/<id>-connector.md` (workspace only): the new package's first release. */
export function changesetSource(context: TemplateContext): string {
  const { answers } = context;
  return `---
"${answers.packageName}": minor
---

New connector \`${answers.packageName}\` for ${answers.displayName}: the status of a service's
component (\`component_status\`), with the conformance suite wired in.
`;
}
