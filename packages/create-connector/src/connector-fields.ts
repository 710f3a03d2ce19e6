import { closestName } from './closest-name';
import {
  CONNECTOR_CATEGORIES,
  CONNECTOR_ID_PATTERN,
  CONNECTOR_MATURITIES,
  CREDENTIAL_KINDS,
  MAXIMUM_ID_LENGTH,
} from './connector-vocabulary';
import { CreateConnectorError } from './create-connector-error';

/** The answers as typed (flags or prompts), before validation. */
export type RawAnswers = Partial<Record<FieldName, string>>;

/** The fields the scaffold asks for, in prompt order; each is also a `--<flag>`. */
export type FieldName = 'id' | 'name' | 'category' | 'maturity' | 'credential' | 'package';

/** One question: its flag, its prompt, its default and its check. */
export interface ConnectorField {
  name: FieldName;
  /** The prompt's question. */
  question: string;
  /** The allowed values, for fields that are one of a list. */
  choices?: readonly string[];
  /** The default, from the answers given so far; undefined when the field has none. */
  defaultValue(answers: RawAnswers): string | undefined;
  /** Returns the value, trimmed, or throws a `CreateConnectorError` naming the field. */
  validate(value: string): string;
}

// Display names end up in TypeScript strings, doc comments, JSON and Markdown: letters,
// digits, spaces and a few punctuation marks keep them safe in all four without escaping
// beyond quotes.
const DISPLAY_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .&+'()/-]*$/u;
const MAXIMUM_DISPLAY_NAME_LENGTH = 60;
// npm's rules for a package name: lowercase, URL-safe, an optional scope, at most 214 characters.
const PACKAGE_NAME_PATTERN = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
const MAXIMUM_PACKAGE_NAME_LENGTH = 214;

function invalid(field: FieldName, message: string): CreateConnectorError {
  return new CreateConnectorError({ code: 'invalid_input', field, message });
}

function oneOf(field: FieldName, choices: readonly string[]) {
  return (value: string): string => {
    const trimmed = value.trim();
    if (choices.includes(trimmed)) return trimmed;
    const suggestion = closestName(trimmed, choices);
    throw invalid(
      field,
      `--${field} "${shorten(trimmed)}" is not one of ${choices.join(', ')}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}.`,
    );
  };
}

/** Quotes user input in messages without echoing a whole paste. */
function shorten(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((segment) => segment.charAt(0).toUpperCase() + segment.slice(1))
    .join(' ');
}

/** The questions, in the order the prompt asks them. */
export const CONNECTOR_FIELDS: readonly ConnectorField[] = [
  {
    name: 'id',
    question: 'Connector id (kebab-case, e.g. acme-status)',
    defaultValue: () => undefined,
    validate(value) {
      const id = value.trim();
      if (id === '')
        throw invalid('id', '--id is required: a kebab-case id such as "acme-status".');
      if (id.length > MAXIMUM_ID_LENGTH || !CONNECTOR_ID_PATTERN.test(id)) {
        throw invalid(
          'id',
          `--id "${shorten(id)}" is not a connector id: expected kebab-case (lowercase letters and digits in words joined by single dashes, starting with a letter), at most ${MAXIMUM_ID_LENGTH} characters, e.g. "acme-status".`,
        );
      }
      return id;
    },
  },
  {
    name: 'name',
    question: 'Display name',
    defaultValue: (answers) => (answers.id === undefined ? undefined : titleCase(answers.id)),
    validate(value) {
      const name = value.trim();
      if (name.length > MAXIMUM_DISPLAY_NAME_LENGTH || !DISPLAY_NAME_PATTERN.test(name)) {
        throw invalid(
          'name',
          `--name "${shorten(name)}" is not a display name: expected 1 to ${MAXIMUM_DISPLAY_NAME_LENGTH} letters, digits, spaces and . & + ' ( ) / -, starting with a letter or digit, e.g. "Acme Status".`,
        );
      }
      return name;
    },
  },
  {
    name: 'category',
    question: 'Category',
    choices: CONNECTOR_CATEGORIES,
    defaultValue: () => 'custom',
    validate: oneOf('category', CONNECTOR_CATEGORIES),
  },
  {
    name: 'maturity',
    question: 'Maturity',
    choices: CONNECTOR_MATURITIES,
    defaultValue: () => 'native-pull',
    validate: oneOf('maturity', CONNECTOR_MATURITIES),
  },
  {
    name: 'credential',
    question: 'Credential',
    choices: CREDENTIAL_KINDS,
    defaultValue: () => 'optional',
    validate: oneOf('credential', CREDENTIAL_KINDS),
  },
  {
    name: 'package',
    question: 'npm package name',
    defaultValue: (answers) => (answers.id === undefined ? undefined : `evidencekit-${answers.id}`),
    validate(value) {
      const name = value.trim();
      if (name.length > MAXIMUM_PACKAGE_NAME_LENGTH || !PACKAGE_NAME_PATTERN.test(name)) {
        throw invalid(
          'package',
          `--package "${shorten(name)}" is not an npm package name: expected lowercase letters, digits, ".", "_" and "-", optionally under a scope, e.g. "@acme/evidencekit-status".`,
        );
      }
      return name;
    },
  },
];
