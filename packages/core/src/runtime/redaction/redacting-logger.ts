import type { Logger } from '../logger';
import type { Redactor } from './redactor';

/**
 * Wraps the host's logger so that everything a connector logs goes through the redactor first:
 * a connector that logs a header or a URL with a token cannot put the secret in the host's logs.
 */
export function createRedactingLogger(logger: Logger, redactor: Redactor): Logger {
  const forward =
    (level: keyof Logger) =>
    (object: Record<string, unknown>, message?: string): void => {
      const safeObject = redactor.redactValue(object);
      if (message === undefined) logger[level](safeObject);
      else logger[level](safeObject, redactor.redactText(message));
    };
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
  };
}
