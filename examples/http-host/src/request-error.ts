/**
 * A request the host refuses, with the HTTP status and a message for the caller. Messages
 * name the field at fault and never repeat a value from the request or the server's
 * configuration.
 */
export class RequestError extends Error {
  /** The HTTP status to answer with. */
  readonly status: number;
  /** A stable, machine-readable code, e.g. `invalid_body`. */
  readonly code: string;
  /** The request field at fault, e.g. `records[0].scope.service`. */
  readonly field: string | undefined;
  /** Extra response headers, e.g. `allow` for a 405. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    field?: string;
    headers?: Record<string, string>;
  }) {
    super(options.message);
    this.name = 'RequestError';
    this.status = options.status;
    this.code = options.code;
    this.field = options.field;
    this.headers = options.headers ?? {};
  }

  /** The JSON body of the error response. */
  toJSON(): { error: { code: string; message: string; field?: string } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
      },
    };
  }
}
