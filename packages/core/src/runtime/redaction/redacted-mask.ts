/** The text every masked value is replaced with. */
export const REDACTED = '[REDACTED]';
