import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/** How long a transaction waits in all for another process's write to finish. */
export const WRITE_LOCK_WAIT_MS = 60_000;

/**
 * SQLite transactions that take the write lock when they begin (`BEGIN IMMEDIATE`), and wait
 * for it within a bound.
 *
 * Kysely begins SQLite transactions with a plain (deferred) `BEGIN`. Every transaction in this
 * archive writes, and most read first (the version, the slug); in WAL mode such a transaction
 * asks for the write lock only at its first write, and when another process (the server, an
 * import) holds it or has committed since the transaction's first read, SQLite answers
 * SQLITE_BUSY at once: the busy timeout is not applied to a read that wants to become a write,
 * because waiting could deadlock. Taking the lock at BEGIN, before any read, makes the busy
 * timeout apply; a transaction still refused after it tries again, with growing pauses that let
 * this process's other work run, until WRITE_LOCK_WAIT_MS have passed. Nothing has run by then,
 * so beginning again is always safe.
 */
export class WriteLockingSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new WriteLockingSqliteDriver(this.#config);
  }
}

class WriteLockingSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(25 * 2 ** attempt, 1000)));
      }
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
