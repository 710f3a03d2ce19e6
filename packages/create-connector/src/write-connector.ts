import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateConnectorError } from './create-connector-error';
import type { GeneratedFile } from './render-connector';

/**
 * Writes the files into `directory`, which must not exist or be empty: the scaffold never
 * overwrites anything. The check runs before the first write, so a refusal leaves no files.
 */
export function writeConnector(directory: string, files: readonly GeneratedFile[]): void {
  if (existsSync(directory)) {
    if (!statSync(directory).isDirectory()) {
      throw new CreateConnectorError({
        code: 'target_exists',
        field: 'dir',
        message: `${directory} exists and is not a folder; choose another --dir.`,
      });
    }
    if (readdirSync(directory).length > 0) {
      throw new CreateConnectorError({
        code: 'target_exists',
        field: 'dir',
        message: `${directory} exists and is not empty; choose another --dir or remove it first.`,
      });
    }
  }
  for (const file of files) {
    const target = path.join(directory, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    // `wx`: fail rather than overwrite, should something appear while writing.
    writeFileSync(target, file.text, { flag: 'wx' });
  }
}
