import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName } from '../src/closest-name';
import { CONNECTOR_CATEGORIES, CreateConnectorError, EXIT_CODES } from '../src/index';
import { filesUnder, run } from './support/run-in-temp';

describe('bad input', () => {
  // Each row: the arguments, the field the message must name, and a phrase of what was expected.
  it.each([
    [['--yes'], '--id', 'is required'],
    [['Acme', '--yes'], '--id', 'kebab-case'],
    [['acme--status', '--yes'], '--id', 'kebab-case'],
    [['-acme', '--yes'], 'unknown flag', ''],
    [['1acme', '--yes'], '--id', 'kebab-case'],
    [[`a${'b'.repeat(40)}`, '--yes'], '--id', 'at most 40'],
    [['acme', '--name', '', '--yes'], '--name', 'display name'],
    [['acme', '--name', 'Acme */ Status', '--yes'], '--name', 'display name'],
    [['acme', '--name', 'A\nB', '--yes'], '--name', 'display name'],
    [['acme', '--category', 'incident', '--yes'], '--category', 'did you mean "incidents"'],
    [['acme', '--category', 'CI-CD', '--yes'], '--category', 'did you mean "ci-cd"'],
    [['acme', '--category', 'databases', '--yes'], '--category', 'is not one of ci-cd'],
    [['acme', '--maturity', 'native', '--yes'], '--maturity', 'is not one of native-pull'],
    [['acme', '--credential', 'requried', '--yes'], '--credential', 'did you mean "required"'],
    [['acme', '--package', 'Acme', '--yes'], '--package', 'npm package name'],
    [['acme', '--catgory', 'metrics'], 'unknown flag --catgory', 'did you mean --category?'],
    [['acme', '--dir'], '--dir', 'argument missing'],
    [['acme', 'other'], 'at most one argument', ''],
    [['acme', '--id', 'other'], 'the id is given twice', ''],
  ])('%j is a usage error naming %s', async (argv, field, expected) => {
    const result = await run(argv);

    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain(field);
    expect(result.stderr).toContain(expected);
    expect(filesUnder(result.cwd)).toEqual([]);
  });

  it('never echoes a long pasted value whole', async () => {
    const pasted = `x${'y'.repeat(5000)}`;
    const result = await run(['acme', '--category', pasted, '--yes']);

    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr.length).toBeLessThan(600);
  });

  it('suggests the category for any one-letter typo of a category', () => {
    const typo = fc
      .tuple(fc.constantFrom(...CONNECTOR_CATEGORIES), fc.nat(), fc.constantFrom('a', 'x', 'z'))
      .filter(([category]) => category.length >= 4)
      .map(([category, at, letter]) => {
        const index = at % category.length;
        return [category, `${category.slice(0, index)}${letter}${category.slice(index + 1)}`];
      })
      .filter(([category, typed]) => category !== typed);
    fc.assert(
      fc.property(typo, ([category, typed]) => {
        expect(closestName(typed ?? '', CONNECTOR_CATEGORIES)).toBe(category);
      }),
    );
  });
});

describe('the folder', () => {
  it('refuses a folder that is not empty and leaves it as it was', async () => {
    const first = await run(['acme', '--yes']);
    const target = path.join(first.cwd, 'other');
    mkdirSync(target);
    writeFileSync(path.join(target, 'notes.txt'), 'mine');
    const second = await run(['acme', '--yes', '--dir', 'other'], { cwd: first.cwd });

    expect(second.code).toBe(EXIT_CODES.failed);
    expect(second.stderr).toContain('is not empty');
    expect(filesUnder(target)).toEqual(['notes.txt']);
    expect(readFileSync(path.join(target, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('writes into ./<id> by default and names the next steps', async () => {
    const result = await run(['acme-status', '--yes']);

    expect(result.code).toBe(EXIT_CODES.ok);
    expect(filesUnder(path.join(result.cwd, 'acme-status'))).toContain(
      'src/acme-status-connector.ts',
    );
    expect(result.stdout).toContain('npm install');
  });

  it('refuses --workspace outside the repository', async () => {
    const result = await run(['acme', '--yes', '--workspace']);

    expect(result.code).toBe(EXIT_CODES.failed);
    expect(result.stderr).toContain('pnpm new:connector');
  });
});

describe('prompts', () => {
  it('asks for what no flag gives, with defaults, and asks again after a bad answer', async () => {
    const result = await run(['--category', 'metrics'], {
      answers: ['acme-status', '', 'nativ-pull', 'evidence-ingest', 'required', ''],
    });

    expect(result.code).toBe(EXIT_CODES.ok);
    expect(result.questions).toEqual([
      'Connector id (kebab-case, e.g. acme-status): ',
      'Display name (Acme Status): ',
      expect.stringMatching(/^Maturity \[native-pull, .*\] \(native-pull\): $/),
      expect.stringMatching(/^Maturity /),
      expect.stringMatching(/^Credential \[none, optional, required\] \(optional\): $/),
      'npm package name (evidencekit-acme-status): ',
    ]);
    expect(result.stderr).toContain('did you mean "native-pull"');
    const connector = readFileSync(
      path.join(result.cwd, 'acme-status', 'src', 'acme-status-connector.ts'),
      'utf8',
    );
    expect(connector).toContain("category: 'metrics'");
    expect(connector).toContain("maturity: 'evidence-ingest'");
    expect(connector).toContain("credential: 'required'");
  });

  it('asks nothing with --yes', async () => {
    const result = await run(['acme', '--yes'], { answers: [] });

    expect(result.code).toBe(EXIT_CODES.ok);
    expect(result.questions).toEqual([]);
  });

  it('exits 130 and writes nothing when the prompt is closed', async () => {
    const cwd = (await run(['--help'])).cwd;
    const result = await runWithClosedPrompt(cwd);

    expect(result).toBe(EXIT_CODES.cancelled);
    expect(filesUnder(cwd)).toEqual([]);
  });
});

async function runWithClosedPrompt(cwd: string): Promise<number> {
  const { runCreateConnector } = await import('../src/index');
  return runCreateConnector([], {
    cwd,
    stdout: () => {},
    stderr: () => {},
    ask: () => Promise.reject(new CreateConnectorError({ code: 'cancelled', message: 'closed' })),
  });
}

describe('help and version', () => {
  it('documents every flag and the exit codes', async () => {
    const result = await run(['--help']);

    expect(result.code).toBe(EXIT_CODES.ok);
    for (const flag of [
      '--id',
      '--name',
      '--category',
      '--maturity',
      '--credential',
      '--package',
      '--dir',
      '--workspace',
      '--yes',
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain('130 cancelled');
  });
});
