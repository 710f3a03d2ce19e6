import { z } from 'zod';

/**
 * The health endpoint's body when a status pointer is set: any JSON value. Its shape is the
 * host's (Spring Boot `{ "status": "UP" }`, the IETF health draft `{ "status": "pass" }`, …), so
 * the pointer reads it; a body that is not JSON is an `invalid_response`.
 */
export const healthBodySchema = z.json();
