import type { Config } from './config.ts';
import { ChangeFeed } from './core/change-feed.ts';
import { type Clock, type FileStore, systemClock, type Transactor } from './core/ports.ts';
import { postgresChangeNotifier } from './infra/cache/postgres-change-notifier.ts';
import type { RenderCache } from './infra/cache/render-cache.ts';
import { keepStoredPagesCurrent } from './infra/cache/stored-page-stamps.ts';
import { connect, type Db } from './infra/db/connect.ts';
import { migrateToLatest } from './infra/db/migrate.ts';
import { createRepositories, type Repositories } from './infra/db/repositories.ts';
import { DEFAULT_MAX_BYTES, LocalFileStore } from './infra/files/local-file-store.ts';
import { stripImageMetadata } from './infra/images/strip-image-metadata.ts';
import { PdfSandbox } from './infra/pdf/pdf-sandbox.ts';
import { createSearchEngine, type SearchEngine } from './infra/search/create-search.ts';

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
  /** Full-text search; its indexer is subscribed to `changes`, so the index stays current. */
  search: SearchEngine;
  /** Reads and rewrites PDFs in limited child processes; they start on first use. */
  pdf: PdfSandbox;
  /** The render cache for anonymous pages; null unless a server turns it on (src/cache/). */
  renderCache: RenderCache | null;
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
  const { transactor: plainTransactor, ...repos } = createRepositories(db);
  const clock = options.clock ?? systemClock;
  const changes = new ChangeFeed();
  const search = createSearchEngine(db, clock);
  changes.subscribe(search.indexer);
  const transactor = keepStoredPagesCurrent(changes, repos, plainTransactor);
  // Servers' render caches hear of changes made by any process (src/cache/).
  if (db.pgPool) changes.subscribe(postgresChangeNotifier(repos.files));
  const pdf = new PdfSandbox();
  return {
    config,
    db,
    repos,
    transactor,
    files: new LocalFileStore(config.filesDir, DEFAULT_MAX_BYTES, stripImageMetadata),
    clock,
    changes,
    search,
    pdf,
    renderCache: null,
    close: async () => {
      await pdf.close();
      await db.close();
    },
  };
}
