import type { ParseArgsOptionsConfig } from 'node:util';
import type { CommandArguments } from './command';
import { usageError } from './errors/usage-error';

/** `--config`, `--allow-inline-secrets`. */
export const configOptions = {
  config: { type: 'string', short: 'c' },
  'allow-inline-secrets': { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

/** Help lines of {@link configOptions}. */
export const configOptionHelp = [
  '-c, --config <file>          configuration file (default: evidencekit.config.{ts,mts,js,mjs,json,yaml,yml})',
  '    --allow-inline-secrets   accept secrets written inline in settings (warns on stderr)',
] as const;

/** `--format`, `--json`, `--output`, `--signing-key`. */
export const reportOptions = {
  format: { type: 'string', short: 'f' },
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  'signing-key': { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

/** Help lines of {@link reportOptions}. */
export const reportOptionHelp = [
  '-f, --format <format>        text (default), json, markdown, junit or in-toto',
  '    --json                   same as --format json: records and decision only on stdout',
  '-o, --output <file>          write the report to a file instead of stdout',
  '    --signing-key <ref>      Ed25519 private key (PEM) for in-toto, as env:NAME or file:PATH',
] as const;

/** Which services, environments and release to collect for. */
export const scopeOptions = {
  service: { type: 'string', multiple: true },
  environment: { type: 'string', multiple: true },
  'release-version': { type: 'string' },
  commit: { type: 'string' },
  'artifact-digest': { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

/** Help lines of {@link scopeOptions}. */
export const scopeOptionHelp = [
  '    --service <name>         only this service (repeatable)',
  '    --environment <name>     only this environment (repeatable)',
  '    --release-version <v>    the release version, over the configured one',
  '    --commit <sha>           the release commit, over the configured one',
  '    --artifact-digest <d>    the release artifact digest (sha256:<hex>), over the configured one',
] as const;

/** `--concurrency`, `--timeout-ms`. */
export const runOptions = {
  concurrency: { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

/** Help lines of {@link runOptions}. */
export const runOptionHelp = [
  '    --concurrency <n>        targets collected at once (default: runtime.concurrency or 8)',
  '    --timeout-ms <ms>        deadline per target (default: runtime.timeoutMs or 30000)',
] as const;

/** A string flag's value, or undefined. */
export function stringFlag(args: CommandArguments, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable string flag's values (empty when absent). */
export function stringListFlag(args: CommandArguments, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/** A boolean flag. */
export function booleanFlag(args: CommandArguments, name: string): boolean {
  return args.values[name] === true;
}

/**
 * A positive integer flag, or undefined when absent.
 *
 * @throws CliError (usage) when the value is not a positive integer.
 */
export function positiveIntegerFlag(args: CommandArguments, name: string): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value <= 0) {
    throw usageError(`--${name} expects a positive whole number, received "${text}".`);
  }
  return value;
}

/**
 * Exactly `count` positionals, named for the error message.
 *
 * @throws CliError (usage) when there are fewer or more.
 */
export function requirePositionals(
  args: CommandArguments,
  names: readonly string[],
  usage: string,
): string[] {
  if (args.positionals.length < names.length) {
    const missing = names.slice(args.positionals.length).map((name) => `<${name}>`);
    throw usageError(`Missing ${missing.join(' and ')}. Usage: evidencekit ${usage}`);
  }
  if (args.positionals.length > names.length) {
    const extra = args.positionals.slice(names.length);
    throw usageError(`Unexpected argument "${extra[0]}". Usage: evidencekit ${usage}`);
  }
  return args.positionals;
}
