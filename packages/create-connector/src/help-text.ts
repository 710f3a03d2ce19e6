import {
  CONNECTOR_CATEGORIES,
  CONNECTOR_MATURITIES,
  CREDENTIAL_KINDS,
} from './connector-vocabulary';

/** `create-connector --help`. */
export const HELP_TEXT = `Usage: npm create @evidencekit/connector [id] -- [flags]
       pnpm new:connector [id] [flags]      (inside the Evidencekit repository)

Writes an Evidencekit connector package that builds, tests and packs on its own.
Asks for what no flag gives when run in a terminal; with --yes, or without a terminal,
takes the defaults (the id has none).

Flags:
  --id <id>              connector id, kebab-case (also the first argument)
  --name <name>          display name (default: the id in title case)
  --category <category>  ${CONNECTOR_CATEGORIES.join(', ')} (default: custom)
  --maturity <maturity>  ${CONNECTOR_MATURITIES.join(', ')} (default: native-pull)
  --credential <kind>    ${CREDENTIAL_KINDS.join(', ')} (default: optional)
  --package <name>       npm package name (default: evidencekit-<id>)
  --dir <folder>         where to write it (default: ./<id>); must not exist or be empty
  --workspace            write packages/connectors/<id> of the Evidencekit repository
  -y, --yes              ask nothing, take the defaults
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 written, 1 not written (folder not empty, write failed),
2 invalid or missing flag or answer, 130 cancelled.
`;
