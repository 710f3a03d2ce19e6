import path from 'node:path';
import type { Command } from '../command';
import { stringFlag } from '../command-flags';
import { invocationHint } from '../demo/invocation-hint';
import { renderDemoPassport } from '../demo/render-demo-passport';
import { DEMO_TOKEN_VARIABLE, runDemo } from '../demo/run-demo';
import { EXIT_CODES } from '../exit-codes';

/** Where the demo writes its reports unless `--output-dir` says otherwise. */
export const DEFAULT_DEMO_OUTPUT_DIRECTORY = 'evidencekit-demo';

/**
 * `evidencekit demo`: collects evidence for two services from a local sandbox of provider APIs
 * through the real connectors, prints each service's passport and decision, and writes JSON
 * and Markdown reports. Exits 0 whenever the demo ran, whatever the decisions: they are the
 * demo's content, not its result.
 */
export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo [--output-dir <dir>]',
  summary: 'Run a self-contained demo against a local provider sandbox (no credentials needed)',
  options: { 'output-dir': { type: 'string' } },
  optionHelp: [
    `    --output-dir <dir>       where the reports are written (default: ./${DEFAULT_DEMO_OUTPUT_DIRECTORY}, in the`,
    "                             folder the command was typed in: npm's INIT_CWD, else the current one)",
  ],
  async run(session, args) {
    // Through an npm script the process runs in the package's folder; INIT_CWD is the folder
    // the person typed the command in, which is where they will look for the reports.
    const cwd = session.io.env.INIT_CWD ?? session.io.cwd;
    const outputDirectory = path.resolve(
      cwd,
      stringFlag(args, 'output-dir') ?? DEFAULT_DEMO_OUTPUT_DIRECTORY,
    );
    const started = performance.now();
    const demo = await runDemo(session, { outputDirectory });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const style = session.style(session.io.stdout);
    // Printed through the session's redactor on purpose: the line shows the mask, not the value.
    const token = await session.secrets.resolve(`env:${DEMO_TOKEN_VARIABLE}`);

    session.out(
      [
        style.paint(
          'bold',
          'Evidencekit demo: release evidence for two services, no credentials needed.',
        ),
        '',
        `  Prometheus  ${demo.sandboxUrl}/prometheus, a local sandbox answering like the Prometheus HTTP API`,
        '  Trivy       one JSON report per image, ingested the way a CI step uploads it',
        `  Secret      env:${DEMO_TOKEN_VARIABLE}, set by the demo and sent as "Authorization: Bearer ${token.reveal()}"`,
        '',
        '',
      ].join('\n'),
    );
    for (const result of demo.results) session.out(`${renderDemoPassport(result, style)}\n`);

    const verdicts = demo.results.map(
      ({ service, decision }) =>
        `${service.name} ${decision.decision === 'pass' ? 'may ship' : 'is blocked'} (${style.status(decision.decision)})`,
    );
    const command = invocationHint(process.argv[1], session.io.env, cwd);
    const where = path.relative(cwd, outputDirectory);
    const shownDirectory =
      where === ''
        ? '.'
        : where.startsWith('..') || path.isAbsolute(where)
          ? outputDirectory
          : `./${where}`;
    session.out(
      [
        `Summary: ${verdicts.join('; ')}. Collected in ${seconds} s.`,
        `Reports in ${shownDirectory}/ (JSON for machines, Markdown for a pull-request comment):`,
        `  ${demo.files.map((file) => path.basename(file)).join('  ')}`,
        '',
        `Next: \`${command} detect\` drafts a configuration for your repository, and`,
        `\`${command} gate\` exits 0 (pass), 1 (fail) or 2 (hold) to gate a release in CI.`,
        '',
      ].join('\n'),
    );
    return EXIT_CODES.ok;
  },
};
