#!/usr/bin/env node
// Checks what npm users will actually install: packs every published workspace package with
// pnpm, then checks the tarball against the package policy (scripts/package-policy.ts: LICENSE,
// README without relative links, repository/homepage/bugs/publishConfig, one version group),
// lints it with publint (strict) and checks its types with arethetypeswrong (node16 from CJS and
// ESM, and bundler). Exits non-zero on any problem.
//
// Run after a build: `pnpm build && pnpm check:packages`. The policy modules are TypeScript;
// Node >= 22.18 runs them directly (type stripping), and the toolchain wrapper guarantees 22.19.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packPackage } from './pack-package.ts';
import {
  findPublishedPackages,
  manifestProblems,
  root,
  tarballProblems,
  versionGroupProblems,
} from './package-policy.ts';
import { readTarball } from './read-tarball.ts';

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  return result;
}

function indent(text) {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

/** Lints the tarball itself, so the check sees exactly the files npm users get. */
async function lintWithPublint(tarball) {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    strict: true,
  });
  const lines = messages.map(
    (message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`,
  );
  const failing = messages.filter((message) => message.type !== 'suggestion');
  return { ok: failing.length === 0, lines };
}

function checkTypes(tarball) {
  const result = run(
    'pnpm',
    [
      'exec',
      'attw',
      tarball,
      '--profile',
      'node16',
      '--format',
      'ascii',
      '--no-emoji',
      '--no-color',
    ],
    { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } },
  );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

async function checkPackage({ name, directory, relativeDirectory, manifest }, workDirectory) {
  const problems = manifestProblems(manifest, relativeDirectory);
  if (!existsSync(path.join(directory, 'dist'))) {
    problems.push(
      `not built: ${relativeDirectory}/dist is missing; run \`pnpm --filter ${name} build\` (or \`pnpm build\`) first`,
    );
    return problems;
  }
  const tarball = packPackage(directory, mkdtempSync(path.join(workDirectory, 'pack-')));
  console.log(`    packed ${path.basename(tarball)}`);

  const policy = tarballProblems(readTarball(readFileSync(tarball)), {
    relativeDirectory,
    license: readFileSync(path.join(root, 'LICENSE')),
  });
  console.log(
    `    policy (LICENSE, README links, metadata): ${policy.length === 0 ? 'ok' : 'FAILED'}`,
  );
  problems.push(...policy);

  const lint = await lintWithPublint(tarball);
  console.log(`    publint: ${lint.ok ? 'ok' : 'FAILED'}`);
  if (lint.lines.length > 0) console.log(indent(lint.lines.join('\n')));
  if (!lint.ok) problems.push('publint reported warnings or errors');

  const types = checkTypes(tarball);
  console.log(`    attw (node16 CJS + ESM, bundler): ${types.ok ? 'ok' : 'FAILED'}`);
  if (!types.ok) {
    console.log(indent(types.output));
    problems.push('arethetypeswrong found type resolution problems');
  }
  // The source manifest and the packed one are checked alike; report a shared problem once.
  return [...new Set(problems)];
}

async function main() {
  const packages = findPublishedPackages();
  if (packages.length === 0) {
    console.error('check-packages: no published packages found under packages/');
    return 1;
  }
  const workDirectory = mkdtempSync(path.join(tmpdir(), 'evidencekit-check-packages-'));
  const summary = [];
  const groupProblems = versionGroupProblems(
    JSON.parse(readFileSync(path.join(root, '.changeset', 'config.json'), 'utf8')),
    packages.map(({ name }) => name),
  );
  if (groupProblems.length > 0) {
    console.log('\n.changeset/config.json');
    for (const problem of groupProblems) console.log(`    problem: ${problem}`);
    summary.push({ name: '.changeset/config.json', problems: groupProblems });
  }
  try {
    for (const entry of packages) {
      console.log(`\n${entry.name} (${path.relative(root, entry.directory)})`);
      let problems;
      try {
        problems = await checkPackage(entry, workDirectory);
      } catch (error) {
        problems = [error instanceof Error ? error.message : String(error)];
      }
      for (const problem of problems) console.log(`    problem: ${problem}`);
      summary.push({ name: entry.name, problems });
    }
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }

  console.log('\nSummary');
  for (const { name, problems } of summary) {
    console.log(`  ${problems.length === 0 ? 'ok    ' : 'FAILED'} ${name}`);
  }
  const failed = summary.filter(({ problems }) => problems.length > 0).length;
  console.log(
    failed === 0
      ? `\nAll ${summary.length} package(s) pass the package policy, publint and arethetypeswrong.`
      : `\n${failed} of ${summary.length} package(s) have problems.`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
