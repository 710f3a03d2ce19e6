import path from 'node:path';

/**
 * How to run `evidencekit` again from where the user is, for "Next:" hints: from an install
 * (`node_modules`), the package manager's runner (`pnpm exec evidencekit`, `yarn evidencekit`,
 * `npx evidencekit`); from a source checkout, what runs there (`node …/evidencekit.js` for a
 * build, the repository's `npm run evidencekit --` for the TypeScript entry), since
 * `npx evidencekit` would look the name up in the registry instead.
 *
 * @param script - The entry script (`process.argv[1]`); undefined when run in-process.
 * @param cwd - The folder the user typed the command in.
 */
export function invocationHint(
  script: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  const agent = env.npm_config_user_agent ?? '';
  const runner = agent.startsWith('pnpm')
    ? 'pnpm exec'
    : agent.startsWith('yarn')
      ? 'yarn'
      : agent.startsWith('bun')
        ? 'bunx'
        : 'npx';
  if (script === undefined || script.split(path.sep).includes('node_modules')) {
    return `${runner} evidencekit`;
  }
  // The TypeScript entry runs only inside this repository's checkout, whose root package.json
  // has an `evidencekit` script that brings its own toolchain: it works with just Node and npm,
  // where `pnpm exec tsx …` needs a pnpm on PATH that a fresh clone does not have.
  if (/\.[mc]?ts$/.test(script)) return 'npm run evidencekit --';
  const relative = path.relative(cwd, script);
  const shown = relative === '' || relative.startsWith('..') ? script : relative;
  return `node ${shown}`;
}
