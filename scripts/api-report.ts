// Pins the public surface of every published package: `node scripts/api-report.ts` writes
// `<package>/etc/<name>.api.md` from the built declarations of each entry in the package's
// `exports`; `--check` compares instead and fails with a diff, so a change to any public type
// (the connector contract above all) shows in review. Run after a build:
// `pnpm build && pnpm api:check`; after a deliberate change, `pnpm api:update` and commit.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ApiEntry, printApiSurface } from './api-surface.ts';
import { findPublishedPackages, type PublishedPackage } from './package-policy.ts';

/** The entries of a manifest's `exports` that have declarations, in the map's order. */
export function declarationEntries(pkg: PublishedPackage): ApiEntry[] {
  const exportsField = pkg.manifest.exports;
  if (typeof exportsField !== 'object' || exportsField === null) return [];
  const entries: ApiEntry[] = [];
  for (const [subpath, target] of Object.entries(exportsField)) {
    const types = (target as { import?: { types?: unknown } } | undefined)?.import?.types;
    if (typeof types === 'string') {
      entries.push({ subpath, declarationFile: path.join(pkg.directory, types) });
    }
  }
  return entries;
}

/** Where a package's report lives: `etc/<name without scope>.api.md`. */
export function reportPathOf(pkg: PublishedPackage): string {
  return path.join(pkg.directory, 'etc', `${pkg.name.replace(/^@[^/]+\//, '')}.api.md`);
}

function reportOf(pkg: PublishedPackage, entries: readonly ApiEntry[]): string {
  const header = [
    `# API report: ${pkg.name}`,
    '',
    'Generated from the built declarations by `scripts/api-report.ts`; do not edit. After a',
    'deliberate change to the public API, run `pnpm build && pnpm api:update` and commit this file.',
    '',
  ].join('\n');
  return `${header}\n${printApiSurface({ packageDirectory: pkg.directory, entries })}`;
}

function showDifference(committedPath: string, expected: string): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'api-report-'));
  try {
    const builtPath = path.join(scratch, path.basename(committedPath));
    writeFileSync(builtPath, expected);
    const committed = existsSync(committedPath) ? committedPath : '/dev/null';
    const result = spawnSync('diff', ['-u', committed, builtPath], { encoding: 'utf8' });
    return result.error === undefined ? result.stdout : '(install diff(1) to see the lines)';
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  let failed = 0;
  for (const pkg of findPublishedPackages()) {
    const entries = declarationEntries(pkg);
    const missing = entries.filter((entry) => !existsSync(entry.declarationFile));
    if (missing.length > 0) {
      console.error(
        `${pkg.name}: not built (${missing.map((entry) => path.relative(pkg.directory, entry.declarationFile)).join(', ')} missing); run \`pnpm build\` first`,
      );
      failed += 1;
      continue;
    }
    const reportPath = reportPathOf(pkg);
    const report = reportOf(pkg, entries);
    const committed = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : undefined;
    if (committed === report) {
      console.log(`${pkg.name}: API report up to date`);
      continue;
    }
    if (check) {
      console.error(
        `${pkg.name}: the built API differs from ${path.relative(process.cwd(), reportPath)}:`,
      );
      console.error(showDifference(reportPath, report));
      failed += 1;
      continue;
    }
    mkdirSync(path.dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, report);
    console.log(`${pkg.name}: wrote ${path.relative(process.cwd(), reportPath)}`);
  }
  if (check && failed > 0) {
    console.error(
      '\nThe public API changed. If that is intended, run `pnpm build && pnpm api:update`, review the diff and commit the reports (with a changeset).',
    );
  }
  return failed > 0 ? 1 : 0;
}

if (path.resolve(process.argv[1] ?? '') === import.meta.filename) {
  process.exitCode = main(process.argv.slice(2));
}
