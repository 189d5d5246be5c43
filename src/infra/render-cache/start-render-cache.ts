import { ALL, LISTINGS } from '../../core/cache-keys.ts';
import type { ChangeFeed, ChangeListener } from '../../core/change-feed.ts';
import type { Clock, Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { Db } from '../db/connect.ts';
import type { Executor } from '../db/executor.ts';
import { changeKeys } from './change-keys.ts';
import {
  clusterBus,
  type InvalidationBus,
  isClusterWorker,
  localBus,
  postgresBus,
} from './invalidation-bus.ts';
import { RenderCache, type RenderCacheOptions } from './lru-render-cache.ts';
import { publicationKeys as keysOfPublication } from './publication-keys.ts';

/** The longest wait before looking again for an embargo or a publication date to pass. */
const MAX_TIMER_MS = 60 * 60 * 1000;

export interface RenderCacheDeps {
  db: Db;
  repos: Pick<Repositories, 'files' | 'catalog'>;
  clock: Clock;
  /** Asked whether a transaction's commit will be announced; the caller subscribes `listener`. */
  changes: ChangeFeed;
}

export interface RunningRenderCache {
  cache: RenderCache;
  /** What the cache must hear from the change feed; the composition root subscribes it. */
  listener: ChangeListener;
  /** Stops its timers and its channel to the other processes; before the database closes. */
  close(): Promise<void>;
}

/**
 * Starts the render cache for a server, and turns every source of change into precise
 * invalidation:
 *
 * - The change feed (publication saves, workflow moves, attachments, extracted PDF text, and
 *   audit entries for sections, settings and catalog entries) names what changed, inside the
 *   writing transaction. The keys are dropped at once, and again once the transaction has
 *   committed, when they also go to the other processes: a render that read the data before the
 *   commit cannot outlive it (a render that began before any invalidation is never stored, see
 *   `epoch`).
 * - Navigation shows the sections that list public work and the static pages; after a
 *   publication changes, that set is recomputed and, if it moved, every page is dropped.
 * - Embargoes and future publication dates lift without any write: a timer waits for the next
 *   such moment and treats the publications it releases as changed.
 */
export async function startRenderCache(
  deps: RenderCacheDeps,
  options: RenderCacheOptions = {},
): Promise<RunningRenderCache> {
  const cache = new RenderCache(options);
  const kysely = deps.db.kysely as Executor;
  const exec = (tx?: Tx) => (tx as unknown as Executor | undefined) ?? kysely;
  const { repos, clock, changes } = deps;

  const bus: InvalidationBus =
    deps.db.pgPool !== null
      ? await postgresBus(deps.db.pgPool, (keys) => receive(keys))
      : isClusterWorker()
        ? clusterBus((keys) => receive(keys))
        : localBus;

  /** Keys heard inside announced transactions, dropped again once each commits. */
  const pendingByTx = new WeakMap<Tx, Set<string>>();
  let closed = false;

  let heardSinceCheck = false;
  /** From another process: already committed there. */
  function receive(keys: string[]): void {
    heardSinceCheck = true;
    // Before the keys are dropped: no replica may fill them again until it has this change.
    deps.db.reads.changedElsewhere();
    cache.invalidate(keys);
    if (keys.some((k) => k.startsWith('pub:') || k === LISTINGS)) afterPublicationChange();
  }

  function changed(keys: string[], tx: Tx | undefined): void {
    cache.invalidate(keys);
    if (tx && changes.announces(tx)) {
      const pending = pendingByTx.get(tx) ?? new Set<string>();
      pendingByTx.set(tx, pending);
      for (const k of keys) pending.add(k);
      return;
    }
    // Outside an announced transaction: the write may not have committed yet. Tell the others
    // now and drop the keys again shortly, when it has.
    committed(keys);
    setTimeout(() => committed(keys), 250).unref();
  }

  function committed(keys: string[]): void {
    if (closed) return;
    cache.invalidate(keys);
    bus.publish(keys).catch((error) => console.error('dossier: cache invalidation', error));
    if (keys.some((k) => k.startsWith('pub:') || k === LISTINGS)) afterPublicationChange();
  }

  const listener: ChangeListener = {
    ...changeKeys(exec, repos, changed),
    transactionCommitted(tx) {
      const pending = pendingByTx.get(tx);
      pendingByTx.delete(tx);
      if (pending) committed([...pending]);
    },
  };

  // Navigation: which sections list public work, and the static pages.
  let navSignature: string | null = await computeNavSignature().catch(() => null);
  let navTimer: NodeJS.Timeout | null = null;
  function afterPublicationChange(): void {
    if (closed || navTimer) return;
    navTimer = setTimeout(() => {
      navTimer = null;
      void checkNavigation();
      void scheduleTransitions();
    }, 20);
    navTimer.unref();
  }

  // The same two questions the menu asks (features/reading/routes/reading-context.ts): which sections have any
  // listed public work (an index seek each, no counting) and which static pages exist.
  async function computeNavSignature(): Promise<string> {
    const now = clock.now();
    const [withWork, pages] = await Promise.all([
      repos.catalog.sectionsWithWork(now),
      repos.catalog.first({ type: 'page', includePages: true }, 10, now),
    ]);
    return JSON.stringify([
      [...withWork].sort((a, b) => a - b),
      pages.map((p) => [p.id, p.sectionId, p.slug, p.title]),
    ]);
  }

  async function checkNavigation(): Promise<void> {
    if (closed) return;
    try {
      const next = await computeNavSignature();
      if (next !== navSignature) {
        navSignature = next;
        cache.invalidate([ALL]);
      }
    } catch {
      // The database may be briefly away: drop everything rather than risk a stale menu.
      navSignature = null;
      cache.invalidate([ALL]);
    }
  }

  // Embargoes and publication dates that pass without a write.
  let transitionTimer: NodeJS.Timeout | null = null;
  let checkedUntil = clock.now().toISOString();
  async function scheduleTransitions(): Promise<void> {
    if (closed) return;
    // From the last moment released, not from now: a moment that passed since then (the clock
    // moved, or this re-plan ran between the moment and its timer) is still owed a release, and
    // is due at once.
    const since = checkedUntil;
    const next = await repos.catalog.nextRelease(since).catch(() => null);
    const wait = next ? Math.max(0, Date.parse(next) - clock.now().getTime()) : MAX_TIMER_MS;
    if (transitionTimer) clearTimeout(transitionTimer);
    transitionTimer = setTimeout(() => void releaseDue(), Math.min(wait + 5, MAX_TIMER_MS));
    transitionTimer.unref();
  }

  async function releaseDue(): Promise<void> {
    if (closed) return;
    const now = clock.now().toISOString();
    const from = checkedUntil;
    checkedUntil = now;
    const rows = await kysely
      .selectFrom('publications')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('embargoUntil', '>', from), eb('embargoUntil', '<=', now)]),
          eb.and([eb('publishedAt', '>', from), eb('publishedAt', '<=', now)]),
        ]),
      )
      .execute()
      .catch(() => []);
    const keys = new Set<string>([LISTINGS]);
    for (const r of rows) for (const k of await keysOfPublication(kysely, r.id)) keys.add(k);
    if (rows.length > 0) {
      // Every process runs this timer itself; nothing to send.
      cache.invalidate([...keys]);
      await checkNavigation();
    }
    await scheduleTransitions();
  }
  await scheduleTransitions();

  // SQLite: a process outside this server (`dossier ingest`, `dossier jobs run`, another server
  // on the file) sends no message. SQLite's data_version moves when another connection commits;
  // unless a sibling worker's message explains the move, every page is dropped.
  let dataVersionTimer: NodeJS.Timeout | null = null;
  const sqlite = deps.db.sqlite;
  if (sqlite) {
    const read = () => sqlite.pragma('data_version', { simple: true }) as number;
    let version = read();
    dataVersionTimer = setInterval(() => {
      if (closed) return;
      const next = read();
      if (next !== version && !heardSinceCheck) {
        cache.invalidate([ALL]);
        afterPublicationChange();
      }
      version = next;
      heardSinceCheck = false;
    }, 250);
    dataVersionTimer.unref();
  }

  return {
    cache,
    listener,
    async close() {
      if (closed) return;
      closed = true;
      if (navTimer) clearTimeout(navTimer);
      if (transitionTimer) clearTimeout(transitionTimer);
      if (dataVersionTimer) clearInterval(dataVersionTimer);
      await bus.close();
    },
  };
}
