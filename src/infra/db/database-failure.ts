/**
 * The database's own report of a failure, when `error` is one: better-sqlite3's SqliteError
 * (a SQLITE_… code) or pg's DatabaseError (a five-character SQLSTATE, with a severity), else
 * null. Callers use it to call a database failure by its name rather than blame their input.
 */
export function databaseFailure(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (error.name === 'SqliteError' && code.startsWith('SQLITE_')) {
    return { code, message: error.message };
  }
  if (/^[0-9A-Z]{5}$/.test(code) && 'severity' in error) return { code, message: error.message };
  return null;
}
