import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Config, loadConfig } from '../core/config.ts';
import { UsageError } from './user-error.ts';

/**
 * The configuration of a command, with the database it names checked before anything opens it.
 * Only the commands that set an archive up (`start`, `serve`, `migrate`, `demo`, `restore`) may
 * create a SQLite file, and only in an existing folder or in the data folder itself, which they
 * may create; every other command refuses a database that is not there, so a mistyped
 * DATABASE_URL says so in one line instead of creating an empty archive somewhere.
 */
export function commandConfig(
  mode: 'may-create' | 'existing',
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const config = loadConfig(env);
  const db = config.database;
  if (db.kind !== 'sqlite' || db.path === ':memory:') return config;
  const folder = dirname(db.path);
  const folderExists = existsSync(folder) && statSync(folder).isDirectory();
  if (!folderExists && folder !== config.dataDir) {
    throw new UsageError(
      `DATABASE_URL names ${db.path}, in a folder that does not exist (${folder}): give a postgres:// URL or a path in an existing folder.`,
    );
  }
  if (mode === 'existing' && !existsSync(db.path)) {
    throw new UsageError(
      `There is no database at ${db.path}: check DATABASE_URL and DATA_DIR, or set an archive up with "dossier migrate" or "dossier start".`,
    );
  }
  return config;
}
