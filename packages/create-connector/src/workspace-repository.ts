import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateConnectorError } from './create-connector-error';

/**
 * Checks that `root` is an Evidencekit repository checkout (where `pnpm new:connector` runs):
 * a pnpm workspace with `packages/core` being `@evidencekit/core`.
 */
export function assertWorkspaceRoot(root: string): void {
  const coreManifest = path.join(root, 'packages', 'core', 'package.json');
  const isRepository =
    existsSync(path.join(root, 'pnpm-workspace.yaml')) &&
    existsSync(coreManifest) &&
    (JSON.parse(readFileSync(coreManifest, 'utf8')) as { name?: unknown }).name ===
      '@evidencekit/core';
  if (!isRepository) {
    throw new CreateConnectorError({
      code: 'not_a_workspace',
      message: `--workspace writes a connector of the Evidencekit repository, but ${root} is not its root (no pnpm-workspace.yaml with packages/core); run \`pnpm new:connector\` from the repository root, or leave out --workspace for a standalone package.`,
    });
  }
}

/**
 * The repository-wide parts of a new published package: its LICENSE (the root's, byte for
 * byte), its changeset, and its place in the one `fixed` release group. Returns the files
 * written or changed, relative to the root.
 */
export function registerWorkspacePackage(
  root: string,
  options: { packageDirectory: string; packageName: string; changeset: string; id: string },
): string[] {
  const changed: string[] = [];
  copyFileSync(path.join(root, 'LICENSE'), path.join(options.packageDirectory, 'LICENSE'));
  changed.push(path.relative(root, path.join(options.packageDirectory, 'LICENSE')));

  const changesetPath = path.join(root, '.changeset', `${options.id}-connector.md`);
  writeFileSync(changesetPath, options.changeset, { flag: 'wx' });
  changed.push(path.relative(root, changesetPath));

  const configPath = path.join(root, '.changeset', 'config.json');
  const text = readFileSync(configPath, 'utf8');
  const fixed = (JSON.parse(text) as { fixed?: unknown }).fixed;
  const group =
    Array.isArray(fixed) && Array.isArray(fixed[0]) ? (fixed[0] as unknown[]) : undefined;
  if (group === undefined) {
    throw new CreateConnectorError({
      code: 'not_a_workspace',
      message: `.changeset/config.json has no "fixed" release group to add ${options.packageName} to.`,
    });
  }
  if (!group.includes(options.packageName)) {
    // A textual insertion keeps the file's own formatting: after the group's last name.
    const start = text.indexOf('"fixed"');
    const end = text.indexOf(']', text.indexOf('[', text.indexOf('[', start) + 1));
    const before = text.slice(0, end).trimEnd();
    const indent = /\n(\s*)"[^"\n]*"\s*$/.exec(before)?.[1] ?? '      ';
    const updated = `${before},\n${indent}${JSON.stringify(options.packageName)}\n${text.slice(end).replace(/^\s*/, indent.slice(2))}`;
    writeFileSync(configPath, updated);
    changed.push(path.relative(root, configPath));
  }
  return changed;
}
