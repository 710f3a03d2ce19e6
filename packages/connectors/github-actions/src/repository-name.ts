import { z } from 'zod';

// Owners are letters, digits and single hyphens; repository names add `.` and `_`.
const repositoryPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/** A repository as `owner/name`, e.g. `octo-org/octo-repo`. */
export const repositorySchema = z
  .string()
  .regex(repositoryPattern, 'a repository like "owner/name"');

/** The two parts of `owner/name`, URL-encoded for a path. */
export function repositoryPath(repository: string): string {
  const [owner = '', name = ''] = repository.split('/');
  return `repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
}
