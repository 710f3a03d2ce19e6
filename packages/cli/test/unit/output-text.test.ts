import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invocationHint } from '../../src/demo/invocation-hint';
import { summaryAfterOutcome } from '../../src/output/decision-summary';
import { labelled } from '../../src/output/labelled-text';
import { terminalStyle } from '../../src/output/terminal-style';

const tty = { write: () => {}, isTTY: true };
const pipe = { write: () => {} };

describe('terminalStyle follows no-color.org and --no-color', () => {
  it.each([
    { env: {}, stream: tty, noColor: false, colour: true },
    { env: { NO_COLOR: '' }, stream: tty, noColor: false, colour: true },
    { env: { NO_COLOR: '1' }, stream: tty, noColor: false, colour: false },
    { env: { NO_COLOR: '0' }, stream: tty, noColor: false, colour: false },
    { env: {}, stream: tty, noColor: true, colour: false },
    { env: {}, stream: pipe, noColor: false, colour: false },
    { env: { FORCE_COLOR: '1' }, stream: pipe, noColor: false, colour: true },
    { env: { FORCE_COLOR: '' }, stream: pipe, noColor: false, colour: false },
    { env: { FORCE_COLOR: '0' }, stream: tty, noColor: false, colour: true },
    { env: { FORCE_COLOR: '1' }, stream: tty, noColor: true, colour: false },
    { env: { TERM: 'dumb' }, stream: tty, noColor: false, colour: false },
  ])(
    '$env on $stream.isTTY, --no-color $noColor: colour $colour',
    ({ env, stream, noColor, colour }) => {
      const painted = terminalStyle(stream, env, { noColor }).status('failed');
      expect(painted !== 'failed').toBe(colour);
    },
  );
});

describe('no line says a word twice', () => {
  it('labelled() never doubles a label that the text already starts with (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z_]{1,12}$/),
        fc.string({ maxLength: 30 }),
        fc.boolean(),
        (label, text, prefixed) => {
          const line = labelled(label, prefixed ? `${label}: ${text}` : text);
          expect(line.startsWith(`${label}: ${label}:`)).toBe(false);
          expect(line.startsWith(`${label}:`)).toBe(true);
        },
      ),
    );
  });

  it.each(['pass', 'fail', 'hold'] as const)(
    'summaryAfterOutcome drops the leading "%s:"',
    (decision) => {
      expect(
        summaryAfterOutcome({ decision, summary: `${decision}: 2 of 6 required facts passed` }),
      ).toBe('2 of 6 required facts passed');
    },
  );
});

describe('invocationHint: a "Next" command that works where the CLI runs', () => {
  it.each([
    {
      script: '/repo/node_modules/@evidencekit/cli/dist/bin/evidencekit.js',
      agent: 'npm/10.8.2 node/v22',
      hint: 'npx evidencekit',
    },
    {
      script: '/repo/node_modules/.pnpm/x/node_modules/@evidencekit/cli/dist/bin/evidencekit.js',
      agent: 'pnpm/9.0.0 npm/? node/v22',
      hint: 'pnpm exec evidencekit',
    },
    {
      script: '/repo/node_modules/.bin/evidencekit',
      agent: 'yarn/4.0.0',
      hint: 'yarn evidencekit',
    },
    { script: undefined, agent: undefined, hint: 'npx evidencekit' },
    {
      script: '/repo/packages/cli/dist/bin/evidencekit.js',
      agent: undefined,
      hint: 'node packages/cli/dist/bin/evidencekit.js',
    },
    {
      script: '/repo/packages/cli/src/bin/evidencekit.ts',
      agent: 'pnpm/9.0.0',
      hint: 'npm run evidencekit --',
    },
  ])('$script with $agent: $hint', ({ script, agent, hint }) => {
    expect(
      invocationHint(script, agent === undefined ? {} : { npm_config_user_agent: agent }, '/repo'),
    ).toBe(hint);
  });
});
