import { z } from 'zod';
import { lazyShape } from '../evidence/lazy-schema';

// Like `collectResultSchema`: a connector is third-party code, so its check result is validated
// instead of trusted. `ok: "false"` or a finding with an unknown status must never read as a
// working connection. Fields are built on first use (`lazyShape`), not when core is imported.

/** The shape `doCheck` must return. */
export const checkResultSchema = z.object(
  lazyShape({
    ok: () => z.boolean(),
    findings: () =>
      z.array(
        z.object({
          status: z.enum(['ok', 'warning', 'error']),
          code: z.string().min(1),
          message: z.string(),
        }),
      ),
  }),
);
