import { dirname, join } from 'node:path';
import type { AppContext } from './core/app-context.ts';
import { ChangeFeed } from './core/change-feed.ts';
import type { Config } from './core/config.ts';
import { type Clock, systemClock, type Tx } from './core/ports.ts';
import { createAuditTrail } from './features/audit/create-audit-trail.ts';
import { captureQueue } from './features/captures/index.ts';
import { GazetteerCache } from './features/search/gazetteer-cache.ts';
import { SearchIndexer } from './features/search/search-indexer.ts';
import { HttpSourceCapturer } from './infra/captures/source-capturer.ts';
import { httpPurger } from './infra/cdn/http-purger.ts';
import { connect, type Db } from './infra/db/connect.ts';
import { createRepositories } from './infra/db/create-repositories.ts';
import type { Executor } from './infra/db/executor.ts';
import { migrateToLatest } from './infra/db/migrate.ts';
import { DEFAULT_MAX_BYTES, LocalFileStore } from './infra/files/local-file-store.ts';
import { DiskSceneTools } from './infra/imagery/scene-tools.ts';
import { sharpImageTools } from './infra/images/image-variants.ts';
import { stripImageMetadata } from './infra/images/strip-image-metadata.ts';
import { PageScanReader } from './infra/ocr/page-scan-reader.ts';
import { PdfSandbox } from './infra/pdf/pdf-sandbox.ts';
import { cdnPurgeQueue } from './infra/render-cache/cdn-purge-queue.ts';
import type { RenderCacheOptions } from './infra/render-cache/lru-render-cache.ts';
import { postgresChangeNotifier } from './infra/render-cache/postgres-change-notifier.ts';
import { RenderCacheTileGate } from './infra/render-cache/scene-tile-gate.ts';
import { startRenderCache } from './infra/render-cache/start-render-cache.ts';
import { storedPageStamps } from './infra/render-cache/stored-page-stamps.ts';
import { createSearchEngine, type SearchEngineParts } from './infra/search/create-search.ts';
import { httpTimestampAuthority } from './infra/timestamps/http-authority.ts';
import { timestampQueue } from './infra/timestamps/timestamp-queue.ts';

/**
 * The context as the composition root built it: the ports of AppContext, with the concrete
 * database, search engine and PDF sandbox behind them, for the commands and tests that manage
 * those directly (migrations, reindexing, closing the sandbox).
 */
export interface WiredContext extends AppContext {
  db: Db;
  search: WiredSearch;
  pdf: PdfSandbox;
}

/** The engine's parts, with the search feature's gazetteer and the indexer that keeps it current. */
export interface WiredSearch extends SearchEngineParts {
  gazetteers: GazetteerCache;
  indexer: SearchIndexer;
}

export interface ContextOptions {
  /** A connection the caller opened: the caller closes it too. */
  db?: Db;
  clock?: Clock;
  migrate?: boolean;
  /** Turns on the render cache for anonymous pages, as a server does (src/infra/render-cache/). */
  renderCache?: RenderCacheOptions;
}

export async function createContext(
  config: Config,
  options: ContextOptions = {},
): Promise<WiredContext> {
  const db = options.db ?? connect(config.database);
  try {
    if (options.migrate !== false) await migrateToLatest(db);
  } catch (error) {
    if (!options.db) await db.close().catch(() => {});
    throw error;
  }
  const { transactor: plainTransactor, ...repos } = createRepositories(db);
  const clock = options.clock ?? systemClock;
  // Every service writes through this transactor: the change feed hears when each of its
  // transactions ends and when it has committed.
  const changes = new ChangeFeed();
  const transactor = changes.announcing(plainTransactor);
  const audit = createAuditTrail({ entries: repos.audit, changes, clock });
  // Derived data, in the order each hears every change: the search index; the stored pages'
  // stamps (the catalog's is the last statement before a commit); on PostgreSQL, the render
  // caches of every server, from any process; then this process's own render cache.
  const engine = createSearchEngine(db);
  const gazetteers = new GazetteerCache(engine.sources);
  const indexer = new SearchIndexer(engine.index, engine.sources, gazetteers, clock);
  const search: WiredSearch = { ...engine, gazetteers, indexer };
  changes.subscribe(indexer);
  changes.subscribe(storedPageStamps(changes, repos));
  if (db.pgPool) changes.subscribe(postgresChangeNotifier(db.kysely as Executor, repos.files));
  const renderCache = options.renderCache
    ? await startRenderCache({ db, repos, clock, changes }, options.renderCache)
    : null;
  if (renderCache) changes.subscribe(renderCache.listener);
  // With a CDN in front, every change that alters public pages queues its purge, durably.
  if (config.cdnPurgeUrl) {
    const exec = (tx?: Tx) => (tx as unknown as Executor | undefined) ?? (db.kysely as Executor);
    changes.subscribe(cdnPurgeQueue({ exec, repos, changes, clock }));
  }
  // With a time-stamping authority, every write of a piece the public sees queues its proof.
  const timestamps = config.timestamping ? httpTimestampAuthority(config.timestamping) : null;
  if (timestamps) changes.subscribe(timestampQueue({ repos, clock }));
  // With captures on, every save of a piece queues the capture of what it cites.
  const capturer = config.captureSources
    ? new HttpSourceCapturer({
        userAgent: `Dossier (source capture for ${config.publicUrl})`,
        allowHosts: config.captureSources.allowHosts,
      })
    : null;
  if (capturer) changes.subscribe(captureQueue({ repos, clock }));
  const pdf = new PdfSandbox();
  const files = new LocalFileStore(config.filesDir, DEFAULT_MAX_BYTES, stripImageMetadata);
  return {
    config,
    db,
    repos,
    transactor,
    files,
    clock,
    changes,
    audit,
    search,
    pdf,
    images: sharpImageTools,
    // Tiles sit beside the file store: derived from it, made again when missing.
    scenes: new DiskSceneTools(files, join(dirname(config.filesDir), 'iiif')),
    renderCache: renderCache?.cache ?? null,
    tileGate: renderCache ? new RenderCacheTileGate(renderCache.cache) : null,
    cdn: config.cdnPurgeUrl ? httpPurger(config.cdnPurgeUrl) : null,
    ocr: new PageScanReader(),
    capturer,
    timestamps,
    close: async () => {
      // The render cache first: its timers query the database, and on PostgreSQL it holds a
      // listening connection of the pool.
      await renderCache?.close();
      await pdf.close();
      if (!options.db) await db.close();
    },
  };
}
