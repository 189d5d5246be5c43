import { ConfigError } from '../core/config.ts';
import { DomainError } from '../core/errors.ts';
import { MigrationFailedError, SchemaTooNewError } from '../infra/db/migrate.ts';
import { DemoRefusedError } from './demo/load-demo.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Turns what went wrong into one line a person can act on. Returns null for a real bug, which
 * the caller reports with its stack trace.
 */
export function describeUserError(error: unknown): string | null {
  if (
    error instanceof ConfigError ||
    error instanceof UsageError ||
    error instanceof SchemaTooNewError ||
    error instanceof MigrationFailedError ||
    error instanceof DemoRefusedError ||
    error instanceof DomainError
  ) {
    return error.message;
  }
  const e = error as { code?: string; message?: string; address?: string; port?: number };
  const message = e?.message ?? String(error);
  switch (e?.code) {
    case 'ECONNREFUSED':
      return `The database server refused the connection (${e.address ?? ''}${e.port ? `:${e.port}` : ''}). Is PostgreSQL running?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The database host could not be found: ${message}`;
    case 'ETIMEDOUT':
      return 'The database server did not answer in time';
    case '28P01':
    case '28000':
      return `PostgreSQL refused the credentials: ${message}`;
    case '3D000':
      return `That PostgreSQL database does not exist: ${message}`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `The SQLite file is corrupt or not a database (${message}). Restore it from a backup.`;
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'The SQLite database is locked by another process. Stop it, or wait and try again.';
    case 'SQLITE_CANTOPEN':
      return `The SQLite file cannot be opened: ${message}. Check DATA_DIR or DATABASE_URL and permissions.`;
    case 'SQLITE_READONLY':
      return 'The SQLite file is read-only; Dossier needs to write to it.';
    case 'EADDRINUSE':
      return `The port is already in use (${message}). Set PORT to a free one.`;
    case 'EACCES':
      return `Permission denied: ${message}`;
  }
  if (/Connection terminated|timeout expired/i.test(message)) {
    return `The database did not answer: ${message}`;
  }
  return null;
}
