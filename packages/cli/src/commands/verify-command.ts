import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  ConfigurationError,
  createEd25519Verifier,
  verifyEvidenceEnvelope,
} from '@evidencekit/core';
import type { Command } from '../command';
import { reportOptions, requirePositionals, stringFlag, stringListFlag } from '../command-flags';
import { dataError, noInputError, usageError } from '../errors/usage-error';
import { EXIT_CODES } from '../exit-codes';
import { DATA_FILE_LIMITS, KEY_FILE_LIMITS } from '../input/input-limits';
import { parseJsonOrThrow, readInputText } from '../input/read-input-file';
import { summaryAfterOutcome } from '../output/decision-summary';
import { reportFormatOf } from '../output/report-format';

/** `evidencekit verify <envelope>`: DSSE signature and in-toto subject digest. */
export const verifyCommand: Command = {
  name: 'verify',
  usage:
    'verify <envelope-file> --public-key <file> [--artifact-digest <sha256:hex> | --artifact <file>]',
  summary: 'Verify a signed in-toto evidence envelope: signature and subject digest',
  options: {
    'public-key': { type: 'string', multiple: true },
    'artifact-digest': { type: 'string' },
    artifact: { type: 'string' },
    format: reportOptions.format,
    json: reportOptions.json,
  },
  optionHelp: [
    '    --public-key <file>      trusted Ed25519 public key (PEM), a file or env:NAME (repeatable)',
    '    --artifact-digest <d>    require a subject with this digest (sha256:<hex>)',
    "    --artifact <file>        require a subject with this file's SHA-256 digest",
    '-f, --format <format>        text (default) or json',
    '    --json                   same as --format json',
  ],
  async run(session, args) {
    const format = reportFormatOf(args, ['text', 'json']);
    const [envelopeFile = ''] = requirePositionals(args, ['envelope-file'], verifyCommand.usage);
    const keySources = stringListFlag(args, 'public-key');
    if (keySources.length === 0)
      throw usageError(`--public-key is required. Usage: evidencekit ${verifyCommand.usage}`);
    const artifact = stringFlag(args, 'artifact');
    let expectedDigest = stringFlag(args, 'artifact-digest');
    if (artifact !== undefined && expectedDigest !== undefined) {
      throw usageError('Pass --artifact or --artifact-digest, not both.');
    }
    if (artifact !== undefined) {
      expectedDigest = `sha256:${await sha256OfFile(session.io.cwd, artifact)}`;
    }
    const publicKeys = await Promise.all(
      keySources.map(async (source) => {
        if (!source.startsWith('env:'))
          return readInputText(session.io.cwd, source, KEY_FILE_LIMITS);
        const value = session.io.env[source.slice('env:'.length)];
        if (value === undefined || value === '')
          throw usageError(`--public-key ${source}: the variable is not set.`);
        return value;
      }),
    );
    const envelope = await readInputText(session.io.cwd, envelopeFile, DATA_FILE_LIMITS);
    // Only the depth is checked here; a syntax error is the verifier's to report as a problem.
    parseJsonOrThrow(envelope, envelopeFile, DATA_FILE_LIMITS);
    const verifier = createVerifier(publicKeys, keySources);
    const result = await verifyEvidenceEnvelope(envelope, {
      verifier,
      ...(expectedDigest === undefined ? {} : { expectedDigest }),
    });
    if (format === 'json') {
      session.out(
        `${JSON.stringify(
          result.ok
            ? {
                ok: true,
                verifiedKeyIds: result.verifiedKeyIds,
                subject: result.statement.subject,
                decision: result.statement.predicate.decision?.decision ?? null,
              }
            : { ok: false, problems: result.problems },
          null,
          2,
        )}\n`,
      );
    } else if (result.ok) {
      const subjects = result.statement.subject
        .map(
          (subject) =>
            `  ${subject.name} ${Object.entries(subject.digest)
              .map(([algorithm, hex]) => `${algorithm}:${hex}`)
              .join(' ')}`,
        )
        .join('\n');
      const decision = result.statement.predicate.decision;
      session.out(
        `Verified: signed by ${result.verifiedKeyIds.map((id) => id || '(no key id)').join(', ')}\nSubjects:\n${subjects}\n${decision === null ? 'No gate decision in the statement.' : `Decision: ${decision.decision} — ${summaryAfterOutcome(decision)}`}\n${result.statement.predicate.records.length} evidence records.\n`,
      );
    } else {
      session.out(
        `NOT verified:\n${result.problems.map((problem) => `  - ${problem}`).join('\n')}\n`,
      );
    }
    return result.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
  },
};

/**
 * A key that is not an Ed25519 PEM public key is bad input named on the command line (65),
 * not a configuration error: the message names the `--public-key` it came from.
 */
function createVerifier(
  publicKeys: readonly string[],
  keySources: readonly string[],
): ReturnType<typeof createEd25519Verifier> {
  publicKeys.forEach((publicKey, index) => {
    try {
      createEd25519Verifier({ publicKey });
    } catch (error) {
      if (!ConfigurationError.isInstance(error)) throw error;
      const issue = error.issues[0];
      throw dataError(
        `--public-key ${keySources[index] ?? ''}: expected ${issue?.expected ?? 'an Ed25519 public key'}${issue?.received === undefined ? '' : `, received ${issue.received}`}.`,
        error,
      );
    }
  });
  return createEd25519Verifier({ publicKey: publicKeys });
}

/** The SHA-256 of a file, streamed: an artifact can be far larger than memory. */
async function sha256OfFile(cwd: string, file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(path.resolve(cwd, file)), hash);
  } catch (error) {
    throw noInputError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
      error,
    );
  }
  return hash.digest('hex');
}
