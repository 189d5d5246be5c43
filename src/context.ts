import type { Config } from './config.ts';
import { connect, type Db } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createRepositories, type Repositories } from './db/repositories.ts';
import { LocalFileStore } from './files/local-file-store.ts';
import { ChangeFeed } from './services/change-feed.ts';
import { type Clock, type FileStore, systemClock, type Transactor } from './services/ports.ts';

/**
 * Everything a request, a command or a job needs, built once: the composition root. Services
 * receive the parts they use from here; nothing reaches for globals.
 */
export interface AppContext {
  config: Config;
  db: Db;
  repos: Repositories;
  transactor: Transactor;
  files: FileStore;
  clock: Clock;
  /** Derived data (search index, caches) subscribes here to hear of every change. */
  changes: ChangeFeed;
  close(): Promise<void>;
}

export async function createContext(
  config: Config,
  options: { db?: Db; clock?: Clock; migrate?: boolean } = {},
): Promise<AppContext> {
  const db = options.db ?? connect(config.database);
  try {
    if (options.migrate !== false) await migrateToLatest(db);
  } catch (error) {
    if (!options.db) await db.close().catch(() => {});
    throw error;
  }
  const { transactor, ...repos } = createRepositories(db);
  return {
    config,
    db,
    repos,
    transactor,
    files: new LocalFileStore(config.filesDir),
    clock: options.clock ?? systemClock,
    changes: new ChangeFeed(),
    close: () => db.close(),
  };
}
