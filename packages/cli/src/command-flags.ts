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
  progress: { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

/** Help lines of {@link runOptions}. */
export const runOptionHelp = [
  '    --concurrency <n>        targets collected at once, 1-64 (default: runtime.concurrency or 8)',
  '    --timeout-ms <ms>        deadline per target, 1-2147483647 (default: runtime.timeoutMs or 30000)',
  '    --progress               progress on stderr even when it is not a terminal (plain lines)',
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

/** The whole numbers a numeric flag accepts, both ends included. */
export interface IntegerRange {
  min: number;
  max: number;
}

/** `--concurrency`: at most 64 targets at once, as `runtime.concurrency`. */
export const CONCURRENCY_RANGE: IntegerRange = { min: 1, max: 64 };
/**
 * `--timeout-ms`: up to 2 147 483 647 ms (24.8 days), the longest delay a Node.js timer keeps;
 * a longer one would fire at once.
 */
export const TIMEOUT_MS_RANGE: IntegerRange = { min: 1, max: 2_147_483_647 };
/** `detect --max-files`. */
export const MAX_FILES_RANGE: IntegerRange = { min: 1, max: 1_000_000 };

/**
 * A whole-number flag within `range`, or undefined when absent. Every numeric flag goes
 * through here, so each is checked against its documented range.
 *
 * @throws CliError (usage) when the value is not a whole number within the range.
 */
export function integerFlag(
  args: CommandArguments,
  name: string,
  range: IntegerRange,
): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (
    !/^\d+$/.test(text) ||
    !Number.isSafeInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw usageError(
      `--${name} expects a whole number from ${range.min} to ${range.max}, received "${text}".`,
    );
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
