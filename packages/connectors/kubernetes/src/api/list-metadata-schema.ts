import { z } from 'zod';

/** The `metadata` of a list: the `continue` token of the next chunk, when there is one. */
export const listMetadataSchema = z.object({ continue: z.string().nullish() }).nullish();
